// The guidance catalogue's rules, as data with their sources (S4, S6; domain guide §5).

/** The domains of a catalogue item: the four priority domains of S6, or another. */
export const ITEM_DOMAINS = ['livelihood', 'governance', 'industry', 'charity', 'other'] as const;
export type ItemDomain = (typeof ITEM_DOMAINS)[number];

export interface NegativeGround {
  source: string;
}

const ART10 = '《政府购买服务管理办法》（财政部令第102号）第十条';

/**
 * The negative list: what may not be bought as a government purchase of services. Every catalogue item
 * is checked against it with a recorded reason; an item on it cannot be purchasable.
 */
export const NEGATIVE_LIST = {
  outsideDuties: { source: `${ART10}（不属于政府职责范围的服务事项）` },
  coreDuties: { source: `${ART10}（应当由政府直接履职的事项）` },
  goodsOrWorks: { source: `${ART10}（货物、工程，以及将工程和服务打包的项目）` },
  financing: { source: `${ART10}（融资行为）` },
  staffing: { source: `${ART10}（购买主体的人员聘用、劳务派遣用工、设置公益性岗位）` },
  otherExcluded: { source: `${ART10}（法律、行政法规以及国务院规定的其他不得作为政府购买服务内容的事项）` },
} as const satisfies Record<string, NegativeGround>;
export type NegativeGroundName = keyof typeof NEGATIVE_LIST;
export const NEGATIVE_GROUNDS = Object.keys(NEGATIVE_LIST) as NegativeGroundName[];

/** The check of an item: on the list under one ground, or not on it. */
export const NEGATIVE_CHECKS = ['none', ...NEGATIVE_GROUNDS] as const;
export type NegativeCheck = (typeof NEGATIVE_CHECKS)[number];

export const CATALOGUE_SOURCE = '京财综〔2017〕2254号 三.2（指导性目录）';

/** Items nest at most this deep (category → sub-category → service). */
export const MAX_ITEM_DEPTH = 3;

/** Years a catalogue may be made for: not before the policy, at most next year. */
export const FIRST_CATALOGUE_YEAR = 2017;
