// The procurement methods as data (domain guide §7): each method's statutory periods, the fewest
// responses it needs, its panel, and whether prices are read out at opening — every number with its
// legal source. One core engine serves them all (ProZorro's per-method settings).
import type { PeriodUnit } from '../../platform/time/calendar.js';

export const METHODS = [
  'openTender',
  'invitedTender',
  'competitiveNegotiation',
  'competitiveConsultation',
  'requestForQuotation',
  'singleSource',
] as const;
export type Method = (typeof METHODS)[number];

/** What a period runs between: from the day an event happens to the day another may happen. */
export type PeriodRule =
  /** The notice stays published at least this long. */
  | 'noticePeriod'
  /** The tender or prequalification documents are available at least this long. */
  | 'documentsAvailable'
  /** From the day documents are first available to the deadline for responses. */
  | 'documentsToDeadline'
  /** A clarification or change at least this long before the deadline, or the deadline moves. */
  | 'clarificationBeforeDeadline'
  /** The single-source pre-notice is public at least this long before the award. */
  | 'preNotice';

export interface Period {
  rule: PeriodRule;
  days: number;
  unit: PeriodUnit;
  source: string;
}

export interface MethodSettings {
  periods: Period[];
  /** The fewest responses (bids, offers) with which evaluation may go ahead. */
  minResponses: { value: number; source: string; forServices?: { value: number; source: string } };
  /** The evaluation panel or group: odd, at least `min` members, experts at least `expertShare`. */
  panel: { min: number; odd: boolean; expertShare: number; source: string } | null;
  /** Whether the opening record reads out the prices (唱标). */
  pricesPublicAtOpening: boolean;
  /** What the law allows when too few responses came: each way forward with its source. */
  failurePaths: FailurePath[];
  source: string;
}

export interface FailurePath {
  path: 'retender' | 'changeMethod';
  /** For a change of method: the methods allowed, each only with the finance bureau's approval. */
  methods?: readonly Method[];
  source: string;
}

const GPL = '《政府采购法》';
const GPR = '《政府采购法实施条例》';
const ORDER87 = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）';
const ORDER74 = '《政府采购非招标采购方式管理办法》（财政部令第74号）';
const CIRCULAR214 = '《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）';

const TENDER_PERIODS: Period[] = [
  { rule: 'noticePeriod', days: 5, unit: 'workday', source: `${ORDER87}第十六条` },
  { rule: 'documentsAvailable', days: 5, unit: 'workday', source: `${GPR}第三十一条第一款` },
  { rule: 'documentsToDeadline', days: 20, unit: 'calendar', source: `${GPL}第三十五条` },
  { rule: 'clarificationBeforeDeadline', days: 15, unit: 'calendar', source: `${GPR}第三十一条第二款` },
];

const TENDER_PANEL = {
  min: 5,
  odd: true,
  expertShare: 2 / 3,
  source: `${ORDER87}第四十七条（采购预算金额1000万元以上、技术复杂或者社会影响较大的，7人以上单数）`,
};
// After a failed tender (废标) the law says what comes next in GPL Art 37: tender again, unless the
// purchase is cancelled; another method only with the approval obtained before it starts. Art 36 ¶2
// only obliges the purchaser to tell every bidder the reasons, which the published failure notice does.
const TENDER_FAILURE: FailurePath[] = [
  { path: 'retender', source: `${GPL}第三十七条；${ORDER87}第四十三条第（一）项` },
  {
    path: 'changeMethod',
    methods: ['competitiveNegotiation', 'competitiveConsultation', 'singleSource'],
    source: `${GPL}第三十七条；${ORDER87}第四十三条第（二）项（报财政部门批准）`,
  },
];

const NEGOTIATION_GROUP = { min: 3, odd: true, expertShare: 2 / 3, source: `${ORDER74}第七条` };
const CONSULTATION_GROUP = { min: 3, odd: true, expertShare: 2 / 3, source: `${CIRCULAR214}第十四条` };

export const METHOD_SETTINGS: Record<Method, MethodSettings> = {
  openTender: {
    periods: TENDER_PERIODS,
    minResponses: { value: 3, source: `${GPL}第三十六条第一款第（一）项` },
    panel: TENDER_PANEL,
    pricesPublicAtOpening: true,
    failurePaths: TENDER_FAILURE,
    source: `${GPL}第二十六条、第二十九条；${ORDER87}`,
  },
  invitedTender: {
    periods: TENDER_PERIODS,
    minResponses: { value: 3, source: `${GPL}第三十六条第一款第（一）项` },
    panel: TENDER_PANEL,
    pricesPublicAtOpening: true,
    failurePaths: TENDER_FAILURE,
    source: `${GPL}第二十九条、第三十四条；${ORDER87}`,
  },
  competitiveNegotiation: {
    periods: [
      { rule: 'documentsToDeadline', days: 3, unit: 'workday', source: `${ORDER74}第二十九条` },
      { rule: 'clarificationBeforeDeadline', days: 3, unit: 'workday', source: `${ORDER74}第二十九条` },
    ],
    minResponses: { value: 3, source: `${GPL}第三十八条第（二）项；${ORDER74}第三十七条第（三）项` },
    panel: NEGOTIATION_GROUP,
    pricesPublicAtOpening: false,
    failurePaths: [{ path: 'retender', source: `${ORDER74}第三十七条第（三）项` }],
    source: `${GPL}第三十条、第三十八条；${ORDER74}`,
  },
  competitiveConsultation: {
    // Art 10: at least 10 days from the documents to the first response; the documents are on sale
    // at least 5 working days (the deadline cannot come before the sale ends); a clarification at
    // least 5 days before the deadline, or the deadline moves.
    periods: [
      { rule: 'documentsAvailable', days: 5, unit: 'workday', source: `${CIRCULAR214}第十条` },
      { rule: 'documentsToDeadline', days: 10, unit: 'calendar', source: `${CIRCULAR214}第十条` },
      { rule: 'clarificationBeforeDeadline', days: 5, unit: 'calendar', source: `${CIRCULAR214}第十条` },
    ],
    minResponses: {
      value: 3,
      source: `${CIRCULAR214}第六条、第三十四条第（三）项`,
      forServices: {
        value: 2,
        source: '《关于政府采购竞争性磋商采购方式管理暂行办法有关问题的补充通知》（财库〔2015〕124号）',
      },
    },
    panel: CONSULTATION_GROUP,
    pricesPublicAtOpening: false,
    failurePaths: [{ path: 'retender', source: `${CIRCULAR214}第三十四条第（三）项` }],
    source: CIRCULAR214,
  },
  requestForQuotation: {
    periods: [
      { rule: 'documentsToDeadline', days: 3, unit: 'workday', source: `${ORDER74}第四十五条` },
      { rule: 'clarificationBeforeDeadline', days: 3, unit: 'workday', source: `${ORDER74}第四十五条` },
    ],
    minResponses: { value: 3, source: `${GPL}第四十条第（二）项；${ORDER74}第五十一条第（三）项` },
    panel: NEGOTIATION_GROUP,
    pricesPublicAtOpening: false,
    failurePaths: [{ path: 'retender', source: `${ORDER74}第五十一条第（三）项` }],
    source: `${GPL}第三十二条、第四十条；${ORDER74}`,
  },
  singleSource: {
    // GPR Art 38 asks it of sole-supplier projects at or above the open-tender threshold; Beijing asks a
    // prior notice of single-source purchases of services (京财综〔2017〕2254号 五.2), and this platform
    // gives every single source one.
    periods: [
      {
        rule: 'preNotice',
        days: 5,
        unit: 'workday',
        source: `${GPR}第三十八条；京财综〔2017〕2254号 五.2（单一来源采购……做好事前公示）`,
      },
    ],
    minResponses: { value: 1, source: `${GPL}第三十一条` },
    panel: null,
    pricesPublicAtOpening: false,
    failurePaths: [{ path: 'retender', source: `${GPL}第三十一条；${GPR}第三十八条` }],
    source: `${GPL}第三十一条；${GPR}第二十七条、第三十八条`,
  },
};

/** The legal grounds of a single-source purchase (GPL Art 31), each with its source. */
export const SINGLE_SOURCE_GROUNDS = {
  soleSupplier: {
    source:
      '《政府采购法》第三十一条第（一）项（只能从唯一供应商处采购）；《政府采购法实施条例》第二十七条（公共服务项目有特殊要求，只能从某一特定供应商处采购）',
  },
  emergency: {
    source: '《政府采购法》第三十一条第（二）项（发生了不可预见的紧急情况不能从其他供应商处采购）',
  },
  topUp: {
    source:
      '《政府采购法》第三十一条第（三）项（保证原有采购项目一致性或者服务配套的要求，需要继续从原供应商处添购，且添购资金总额不超过原合同采购金额百分之十）',
  },
} as const;
export type SingleSourceGround = keyof typeof SINGLE_SOURCE_GROUNDS;
export const SINGLE_SOURCE_GROUND_NAMES = Object.keys(SINGLE_SOURCE_GROUNDS) as SingleSourceGround[];
