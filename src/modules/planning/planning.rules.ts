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

export interface Amounts {
  purchaseFen: number;
  socialOrgFen: number;
}

export interface ShareRow {
  id: string;
  name: string;
  nameEn: string | null;
  purchaseSpendingFen: number;
  socialOrgSpendingFen: number;
  /** socialOrg ÷ purchase, 4 decimals; null when there is no spending to measure. */
  share: number | null;
  meetsTarget: boolean | null;
  /** Where the figures come from: contracts, plans, or both (a district with departments of each). */
  basis: 'contracts' | 'plan' | 'mixed';
  planned: Amounts;
  contracted: Amounts;
  /** For drill-down: a district's code, or a department's id. */
  districtCode: string | null;
}

export function shareOf(social: number, purchase: number): number | null {
  return purchase > 0 ? Math.round((social / purchase) * 10_000) / 10_000 : null;
}

/**
 * The share row of some departments (one, a district's or the city's): each department counts by its
 * contracts as soon as it has any for the year, by its plan until then.
 */
export function shareRow(
  id: string,
  name: string,
  nameEn: string | null,
  districtCode: string | null,
  departments: readonly { planned: Amounts; contracted: Amounts }[],
): ShareRow {
  const planned = { purchaseFen: 0, socialOrgFen: 0 };
  const contracted = { purchaseFen: 0, socialOrgFen: 0 };
  const counted = { purchaseFen: 0, socialOrgFen: 0 };
  const bases = new Set<'contracts' | 'plan'>();
  for (const d of departments) {
    planned.purchaseFen += d.planned.purchaseFen;
    planned.socialOrgFen += d.planned.socialOrgFen;
    contracted.purchaseFen += d.contracted.purchaseFen;
    contracted.socialOrgFen += d.contracted.socialOrgFen;
    // A department's year is measured by its contracts as soon as it has any.
    const basis = d.contracted.purchaseFen > 0 ? d.contracted : d.planned;
    bases.add(d.contracted.purchaseFen > 0 ? 'contracts' : 'plan');
    counted.purchaseFen += basis.purchaseFen;
    counted.socialOrgFen += basis.socialOrgFen;
  }
  const share = shareOf(counted.socialOrgFen, counted.purchaseFen);
  return {
    id,
    name,
    nameEn,
    purchaseSpendingFen: counted.purchaseFen,
    socialOrgSpendingFen: counted.socialOrgFen,
    share,
    meetsTarget: share === null ? null : share >= SHARE_TARGET.value,
    basis: bases.size === 1 ? [...bases][0]! : bases.size === 0 ? 'plan' : 'mixed',
    planned,
    contracted,
    districtCode,
  };
}

/** What a budget costs per month of its contract (S16's comparison of similar projects). */
export function monthly(budgetFen: number, months: number): number {
  return Math.round(budgetFen / Math.max(1, months));
}

/** The median of some amounts, rounded to whole fen; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}
