// Planning rules, as data with their sources (S7, S8, S16; domain guide §§6, 7).

export interface Rule<T> {
  value: T;
  source: string;
}

const CIRCULAR_2020_10 = '《关于开展政府采购意向公开工作的通知》（财库〔2020〕10号）';

/**
 * A procurement intention is published, in principle, at least 30 calendar days before procurement
 * starts (财库〔2020〕10号 二（三）: "原则上不得晚于采购活动开始前30日公开采购意向").
 */
export const INTENTION_LEAD_DAYS: Rule<number> = {
  value: 30,
  source: `${CIRCULAR_2020_10}二（三）`,
};

/**
 * The exemption of the same paragraph: "因预算单位不可预见的原因急需开展的采购项目，可不公开采购意向".
 * The platform still publishes the intention, and lets procurement start at once, only with the
 * urgent, unforeseeable reason recorded and published with it. The reason is a sentence or a few:
 * at least `min` characters, so that it says something, at most `max`.
 */
export const URGENT_EXEMPTION: Rule<{ min: number; max: number }> = {
  value: { min: 10, max: 1000 },
  source: `${CIRCULAR_2020_10}二（三）（因预算单位不可预见的原因急需开展的采购项目，可不公开采购意向）`,
};

/** A purchase-of-services contract runs at most 3 years (normally 1; 3 when the service is stable). */
export const MAX_CONTRACT_MONTHS: Rule<number> = {
  value: 36,
  source: '《政府购买服务管理办法》（财政部令第102号）第二十四条',
};

/** The cost components of a budget (S16: 人员成本、管理费用、税费、能力建设、第三方评估等). */
export const COST_KINDS = [
  'labour',
  'administration',
  'taxes',
  'capacityBuilding',
  'evaluation',
  'other',
] as const;
export type CostKind = (typeof COST_KINDS)[number];
export const COST_SOURCE = '京财综〔2017〕2254号 四.2（定价机制）';

/**
 * Of new public-service spending delivered by purchase, in principle at least 30% goes to social
 * organizations (S5), monitored per department.
 */
export const SHARE_TARGET: Rule<number> = {
  value: 0.3,
  source:
    '京财综〔2017〕2254号 三.2（新增公共服务支出通过政府购买服务安排的部分，向社会组织购买的比例原则上不低于30%）',
};
