// The evaluation and award rules as data (issue 13 §3–§4): the evaluation methods and which procurement
// method uses which, the bounds of the price weight for services, the price score, the abnormally-low
// price threshold, the tie-break order and the periods from the report to the contract — every number
// with its legal source. Pure: no database, no clock (architecture: *.rules.ts).
import type { PeriodUnit } from '../../../platform/time/calendar.js';
import type { Method } from '../methods.js';

const GPL = '《政府采购法》';
const GPR = '《政府采购法实施条例》';
const ORDER87 = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）';
const ORDER74 = '《政府采购非招标采购方式管理办法》（财政部令第74号）';
const CIRCULAR214 = '《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）';
const POLICY = '《关于通过政府购买服务支持社会组织培育发展的指导意见》（财综〔2016〕54号）';

export const EVALUATION_METHODS = ['comprehensive', 'lowestPrice'] as const;
/** 综合评分法 (scores, price one criterion) or 最低评标价法 (lowest compliant price wins). */
export type EvaluationMethod = (typeof EVALUATION_METHODS)[number];

/** Which evaluation methods each procurement method may use, with the source. */
export const METHOD_EVALUATION: Record<
  Exclude<Method, 'singleSource'>,
  { allowed: readonly EvaluationMethod[]; source: string }
> = {
  openTender: { allowed: ['comprehensive', 'lowestPrice'], source: `${ORDER87}第五十三条` },
  invitedTender: { allowed: ['comprehensive', 'lowestPrice'], source: `${ORDER87}第五十三条` },
  competitiveConsultation: { allowed: ['comprehensive'], source: `${CIRCULAR214}第二十三条` },
  // Negotiation and quotation: the lowest price among the responses that meet the needs (74号令).
  competitiveNegotiation: { allowed: ['lowestPrice'], source: `${ORDER74}第三十六条` },
  requestForQuotation: { allowed: ['lowestPrice'], source: `${ORDER74}第四十八条` },
};

export const EVALUATION_METHOD_SOURCES: Record<EvaluationMethod, string> = {
  comprehensive: `${ORDER87}第五十五条（综合评分法）；${CIRCULAR214}第二十三条、第二十四条`,
  lowestPrice: `${ORDER87}第五十四条（最低评标价法）；${ORDER74}第三十六条、第四十八条`,
};

/** The bounds of the price weight (per cent of 100) for services, per procurement method that scores. */
export const PRICE_WEIGHT_BOUNDS: Partial<Record<Method, { min: number; max: number; source: string }>> = {
  openTender: {
    min: 10,
    max: 100,
    source: `${ORDER87}第五十五条（服务项目的价格分值占总分值的比重不得低于10%）`,
  },
  invitedTender: {
    min: 10,
    max: 100,
    source: `${ORDER87}第五十五条（服务项目的价格分值占总分值的比重不得低于10%）`,
  },
  competitiveConsultation: {
    min: 10,
    max: 30,
    source: `${CIRCULAR214}第二十四条（服务项目的价格分值占总分值的比重为10%至30%）`,
  },
};

export const WEIGHTS_TOTAL = { value: 100, source: `${ORDER87}第五十五条（评审因素的分值……总分值为100分）` };

export const PRICE_SCORE_SOURCE = `${ORDER87}第五十五条（投标报价得分＝评标基准价／投标报价×价格权值；评标基准价为满足招标文件要求且投标价格最低的投标报价）；${CIRCULAR214}第二十四条`;

/** A compliant price below this share of the average of the other compliant prices must be explained. */
export const ABNORMALLY_LOW = {
  shareOfAverage: 0.8,
  source: `${ORDER87}第六十条（报价明显低于其他通过符合性审查投标人的报价……应当要求其……提供书面说明）；本平台以低于其他报价平均值80%为“明显低于”`,
};

export const COMPLIANCE_SOURCE = `${ORDER87}第四十四条（资格审查）、第五十条（符合性审查），未通过的应当说明理由`;
export const SCORING_SOURCE = `${ORDER87}第五十五条；${GPR}第四十一条（评审专家应当按照客观、公正、审慎的原则，根据采购文件规定的评审程序、评审方法和评审标准进行独立评审）`;
export const PANEL_SOURCE = `${GPR}第三十九条、第四十一条（评审专家独立评审；与供应商有利害关系的应当回避）`;

/** The tie-break order: first the published rule, then the policy's preferences (S6), each cited. */
export const TIE_BREAK = [
  { rule: 'higherTotal', source: `${ORDER87}第五十五条（评标结果按评审后得分由高到低顺序排列）` },
  { rule: 'lowerPrice', source: `${ORDER87}第五十五条（得分相同的，按投标报价由低到高顺序排列）` },
  { rule: 'preferredGrade', source: `${POLICY} 三.3（评估等级3A以上的社会组织同等条件下优先）` },
  { rule: 'priorityDomain', source: `${POLICY} 三.3（重点领域）` },
  { rule: 'goodCredit', source: `${POLICY} 三.3；信用良好的社会组织优先` },
] as const;
export type TieBreakRule = (typeof TIE_BREAK)[number]['rule'];

/** The periods after the evaluation, each counted on the working-day calendar where the law says so. */
export const EVALUATION_PERIODS = {
  report: {
    days: 2,
    unit: 'workday' as PeriodUnit,
    source: `${GPR}第四十三条第一款（自评审结束之日起2个工作日内将评审报告送交采购人）`,
  },
  confirmation: {
    days: 5,
    unit: 'workday' as PeriodUnit,
    source: `${GPR}第四十三条第一款（采购人应当自收到评审报告之日起5个工作日内……按顺序确定中标或者成交供应商）`,
  },
  resultNotice: {
    days: 2,
    unit: 'workday' as PeriodUnit,
    source: `${GPR}第四十三条第二款（自中标、成交供应商确定之日起2个工作日内……公告中标、成交结果）`,
  },
  contract: {
    days: 30,
    unit: 'calendar' as PeriodUnit,
    source: `${GPL}第四十六条（中标、成交通知书发出之日起三十日内……签订政府采购合同）`,
  },
} as const;
export type EvaluationPeriod = keyof typeof EVALUATION_PERIODS;

export const RESULT_NOTICE_SOURCE = `${GPR}第四十三条第三款（中标、成交供应商名称、地址和中标或者成交金额……评审专家名单）；${ORDER87}第六十九条（未中标人的评审得分与排序）`;
export const RECHECK_SOURCE = `${GPL}第二十二条；《关于在政府采购活动中查询及使用信用记录有关问题的通知》（财库〔2016〕125号）`;
export const MAX_LOTS_SOURCE = `${POLICY} 三.4；采购文件规定的兼投不兼中规则`;

export interface Criterion {
  name: string;
  weight: number;
  min: number;
  max: number;
}

export interface PlanInput {
  method: EvaluationMethod;
  priceWeight?: number | undefined;
  criteria?: Criterion[] | undefined;
  maxLotsPerSupplier?: number | null | undefined;
}

export interface Problem {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

/** The problems of an evaluation plan for a procurement method; none means the plan is lawful. */
export function planProblems(method: Method, plan: PlanInput, lotCount: number): Problem[] {
  if (method === 'singleSource') return [{ field: 'method', key: 'evaluation.plan.singleSource' }];
  const allowed = METHOD_EVALUATION[method];
  if (!allowed.allowed.includes(plan.method))
    return [
      {
        field: 'method',
        key: 'evaluation.plan.methodNotAllowed',
        params: { allowed: allowed.allowed.join(', '), source: allowed.source },
      },
    ];
  const problems: Problem[] = [];
  const criteria = plan.criteria ?? [];
  if (plan.method === 'comprehensive') {
    const bounds = PRICE_WEIGHT_BOUNDS[method]!;
    const pw = plan.priceWeight;
    if (pw === undefined || pw < bounds.min || pw > bounds.max)
      problems.push({
        field: 'priceWeight',
        key: 'evaluation.plan.priceWeight',
        params: { min: bounds.min, max: bounds.max, source: bounds.source },
      });
    if (criteria.length === 0)
      problems.push({
        field: 'criteria',
        key: 'evaluation.plan.noCriteria',
        params: { source: SCORING_SOURCE },
      });
    const names = new Set<string>();
    criteria.forEach((c, i) => {
      if (c.weight <= 0)
        problems.push({ field: `criteria.${i}.weight`, key: 'evaluation.plan.weightPositive', params: {} });
      if (!(c.min >= 0 && c.min <= c.max && c.max <= c.weight))
        problems.push({
          field: `criteria.${i}.max`,
          key: 'evaluation.plan.range',
          params: { weight: c.weight, source: WEIGHTS_TOTAL.source },
        });
      const name = c.name.trim();
      if (names.has(name))
        problems.push({ field: `criteria.${i}.name`, key: 'evaluation.plan.duplicateName', params: {} });
      names.add(name);
    });
    const sum = criteria.reduce((n, c) => n + c.weight, 0) + (pw ?? 0);
    if (Math.abs(sum - WEIGHTS_TOTAL.value) > 1e-9)
      problems.push({
        field: 'criteria',
        key: 'evaluation.plan.weightsTotal',
        params: { sum, total: WEIGHTS_TOTAL.value, source: WEIGHTS_TOTAL.source },
      });
  } else if (criteria.length > 0 || plan.priceWeight !== undefined) {
    problems.push({
      field: 'criteria',
      key: 'evaluation.plan.lowestPriceNoScores',
      params: { source: EVALUATION_METHOD_SOURCES.lowestPrice },
    });
  }
  const maxLots = plan.maxLotsPerSupplier;
  if (maxLots !== undefined && maxLots !== null && (maxLots < 1 || maxLots > Math.max(lotCount, 1)))
    problems.push({
      field: 'maxLotsPerSupplier',
      key: 'evaluation.plan.maxLots',
      params: { lots: lotCount, source: MAX_LOTS_SOURCE },
    });
  return problems;
}

/** The plan a method gets without one set: negotiations and quotations take the lowest price. */
export function defaultPlan(method: Method): PlanInput | null {
  if (method === 'competitiveNegotiation' || method === 'requestForQuotation')
    return { method: 'lowestPrice' };
  return null;
}

/** Whether a procurement method scores (a plan of criteria is required before its notice). */
export function scores(method: Method): boolean {
  return method === 'openTender' || method === 'invitedTender' || method === 'competitiveConsultation';
}

/** Rounds a score to two decimals, the way scoring sheets are kept. */
export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Price score = lowest compliant price ÷ bid price × price weight (87号令 Art 55), two decimals. */
export function priceScore(lowestFen: number, priceFen: number, priceWeight: number): number {
  return round2((lowestFen / priceFen) * priceWeight);
}

/** Prices below the share of the average of the OTHER compliant prices (87号令 Art 60). */
export function abnormallyLow(prices: readonly { key: string; priceFen: number }[]): string[] {
  if (prices.length < 2) return [];
  const total = prices.reduce((n, p) => n + p.priceFen, 0);
  return prices
    .filter((p) => {
      const others = (total - p.priceFen) / (prices.length - 1);
      return p.priceFen < others * ABNORMALLY_LOW.shareOfAverage;
    })
    .map((p) => p.key);
}

export interface Candidate {
  key: string;
  priceFen: number;
  /** Mean of the experts' scores (non-price criteria), two decimals; 0 for the lowest-price method. */
  expertScore: number;
  preferences: { preferredGrade: boolean; priorityDomain: boolean; goodCredit: boolean };
}

export interface Ranked extends Candidate {
  priceScore: number;
  total: number;
  rank: number;
  /** The rule that put it ahead of the next candidate, when the two were level before it. */
  decidedBy: TieBreakRule | null;
  tied: boolean;
}

/**
 * Ranks the compliant candidates of a lot: totals (mean expert score + price score) high to low for the
 * scoring method, or prices low to high for the lowest-price method; level candidates by the tie-break
 * order (TIE_BREAK). The rule that separated each from the next is recorded; still level → tied.
 */
export function rank(
  method: EvaluationMethod,
  priceWeight: number,
  candidates: readonly Candidate[],
): Ranked[] {
  if (candidates.length === 0) return [];
  const lowest = Math.min(...candidates.map((c) => c.priceFen));
  const scored = candidates.map((c) => {
    const ps = method === 'comprehensive' ? priceScore(lowest, c.priceFen, priceWeight) : 0;
    return { ...c, priceScore: ps, total: method === 'comprehensive' ? round2(c.expertScore + ps) : 0 };
  });
  const order: TieBreakRule[] =
    method === 'comprehensive'
      ? ['higherTotal', 'lowerPrice', 'preferredGrade', 'priorityDomain', 'goodCredit']
      : ['lowerPrice', 'preferredGrade', 'priorityDomain', 'goodCredit'];
  const compareBy = (rule: TieBreakRule, a: (typeof scored)[number], b: (typeof scored)[number]) => {
    switch (rule) {
      case 'higherTotal':
        return b.total - a.total;
      case 'lowerPrice':
        return a.priceFen - b.priceFen;
      default:
        return Number(b.preferences[rule]) - Number(a.preferences[rule]);
    }
  };
  const firstDifference = (a: (typeof scored)[number], b: (typeof scored)[number]) => {
    for (const rule of order) {
      const d = compareBy(rule, a, b);
      if (d !== 0) return { rule, d };
    }
    return { rule: null, d: 0 };
  };
  const sorted = [...scored].sort((a, b) => firstDifference(a, b).d || a.key.localeCompare(b.key));
  const out: Ranked[] = [];
  sorted.forEach((c, i) => {
    const prev = out[i - 1];
    const withPrev = i > 0 ? firstDifference(sorted[i - 1]!, c) : null;
    const tiedWithPrev = withPrev !== null && withPrev.rule === null;
    out.push({
      ...c,
      rank: tiedWithPrev ? prev!.rank : i + 1,
      decidedBy: null,
      tied: tiedWithPrev,
    });
    // The rule that put the previous one ahead of this one, when it was not the first rule.
    if (withPrev && withPrev.rule !== null && withPrev.rule !== order[0])
      out[i - 1]!.decidedBy = withPrev.rule;
    if (tiedWithPrev) out[i - 1]!.tied = true;
  });
  return out;
}
