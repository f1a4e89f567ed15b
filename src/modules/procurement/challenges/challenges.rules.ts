// Inquiries (询问) and challenges (质疑) as data (issue 13 §5; domain guide §7): every period, who may
// challenge what, what a challenge must contain, the outcomes an answer may give and what suspends the
// signing of the contract — each with its legal source. Pure: no database, no clock; the use-cases count
// the periods on the working-day calendar (computeDeadline).
import type { PeriodUnit } from '../../../platform/time/calendar.js';

const GPL = '《政府采购法》';
const GPR = '《政府采购法实施条例》';
const ORDER87 = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）';
const ORDER94 = '《政府采购质疑和投诉办法》（财政部令第94号）';

export interface ChallengePeriod {
  days: number;
  unit: PeriodUnit;
  source: string;
}

/** The statutory periods of inquiries, challenges and the complaint that may follow. */
export const CHALLENGE_PERIODS = {
  /** The purchaser answers an inquiry within 3 working days. */
  inquiryAnswer: { days: 3, unit: 'workday', source: `${GPR}第五十二条；${GPL}第五十一条` },
  /** A challenge is filed within 7 working days of the day the supplier knew or should have known. */
  challengeFiling: { days: 7, unit: 'workday', source: `${GPL}第五十二条；${GPR}第五十三条` },
  /** The purchaser answers a challenge in writing within 7 working days of receiving it. */
  challengeAnswer: { days: 7, unit: 'workday', source: `${GPL}第五十三条；${ORDER94}第十三条` },
  /** The award (result) notice runs 1 working day; a challenge to the result counts from its end. */
  resultNotice: { days: 1, unit: 'workday', source: `${ORDER87}第六十九条` },
  /** A complaint to the finance bureau within 15 working days after the answer period ends. */
  complaint: { days: 15, unit: 'workday', source: `${GPL}第五十五条；${ORDER94}第十七条` },
} as const satisfies Record<string, ChallengePeriod>;

/** What may be challenged (GPL Art 52: 采购文件、采购过程和中标、成交结果). */
export const CHALLENGE_SUBJECTS = ['documents', 'procedure', 'result'] as const;
export type ChallengeSubject = (typeof CHALLENGE_SUBJECTS)[number];

/**
 * When the supplier "knew or should have known" (GPR Art 53), per subject; `supplierNames` when the
 * supplier gives the day (and the platform checks it lies between the notice and today), `computed` when
 * the platform has it (the end of the result notice period).
 */
export const CHALLENGE_TRIGGERS: Record<
  ChallengeSubject,
  { trigger: 'supplierNames' | 'computed'; source: string }
> = {
  // 收到采购文件之日或者采购文件公告期限届满之日
  documents: { trigger: 'supplierNames', source: `${GPR}第五十三条第（一）项` },
  // 各采购程序环节结束之日
  procedure: { trigger: 'supplierNames', source: `${GPR}第五十三条第（二）项` },
  // 中标或者成交结果公告期限届满之日
  result: { trigger: 'computed', source: `${GPR}第五十三条第（三）项；${ORDER87}第六十九条` },
};

/**
 * Who may challenge (94号令 Art 11): a supplier that took part in the procurement (here: a bidder in the
 * project) — for the documents, also a potential supplier that obtained them (here: any registered social
 * organization, since the documents are public on the platform).
 */
export const WHO_MAY_CHALLENGE: Record<ChallengeSubject, { who: 'bidder' | 'anyProvider'; source: string }> =
  {
    documents: { who: 'anyProvider', source: `${ORDER94}第十一条第二款` },
    procedure: { who: 'bidder', source: `${ORDER94}第十一条第一款` },
    result: { who: 'bidder', source: `${ORDER94}第十一条第一款` },
  };

/** What a challenge must contain (94号令 Art 12): the matter and requests, the facts, the legal basis. */
export const CHALLENGE_CONTENTS = {
  fields: ['grounds', 'requests'] as const,
  evidence: { maxFiles: 5, required: false },
  source: `${ORDER94}第十二条`,
} as const;

/** The outcome of an answer. */
export const CHALLENGE_OUTCOMES = ['rejected', 'upheld'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];

/** What an upheld challenge leads to (94号令 Art 16), for which subjects, and whether the award falls. */
export const UPHELD_EFFECTS = {
  // 质疑成立但未对中标、成交结果构成影响的，继续开展采购活动
  noEffect: {
    subjects: ['documents', 'procedure', 'result'],
    voidsAward: false,
    source: `${ORDER94}第十六条第一款`,
  },
  // 澄清或者修改采购文件后继续开展采购活动
  correctDocuments: {
    subjects: ['documents'],
    voidsAward: false,
    source: `${ORDER94}第十六条第一款第（一）项`,
  },
  // 修改采购文件后重新开展采购活动
  reviseAndRestart: {
    subjects: ['documents'],
    voidsAward: true,
    source: `${ORDER94}第十六条第一款第（一）项`,
  },
  // 原评标委员会重新评审（分值汇总计算错误等）
  reevaluate: { subjects: ['procedure', 'result'], voidsAward: true, source: `${ORDER87}第六十四条` },
  // 从合格的中标或者成交候选人中另行确定中标、成交供应商
  otherSupplier: {
    subjects: ['procedure', 'result'],
    voidsAward: true,
    source: `${ORDER94}第十六条第一款第（二）项`,
  },
  // 重新开展采购活动
  restart: {
    subjects: ['procedure', 'result'],
    voidsAward: true,
    source: `${ORDER94}第十六条第一款第（二）项`,
  },
} as const satisfies Record<
  string,
  { subjects: readonly ChallengeSubject[]; voidsAward: boolean; source: string }
>;
export type UpheldEffect = keyof typeof UPHELD_EFFECTS;
export const UPHELD_EFFECT_NAMES = Object.keys(UPHELD_EFFECTS) as UpheldEffect[];

/** A challenge to the procedure or the result, or to the documents once bids are opened, may change the result. */
export const SIGNING_SUSPENSION = { source: `${GPR}第五十四条` } as const;

/** May a challenge of `subject`, filed while the project is in `projectStatus`, change the result (GPR Art 54)? */
export function mayAffectResult(subject: ChallengeSubject, projectStatus: string): boolean {
  if (subject !== 'documents') return true;
  return projectStatus === 'opened' || projectStatus === 'awarded';
}

/** Whether `effect` is one the law allows for an upheld challenge of `subject` (94号令 Art 16). */
export function effectAllowed(subject: ChallengeSubject, effect: UpheldEffect): boolean {
  return (UPHELD_EFFECTS[effect].subjects as readonly ChallengeSubject[]).includes(subject);
}
