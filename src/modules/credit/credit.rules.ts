// The credit rules, as data with their sources (domain guide §§4, 8; 民政部令第60号《社会组织信用信息管理办法》;
// GPL = 政府采购法, GPR = 政府采购法实施条例). The sources are shown to the public next to each reason, so
// they are legal citations in Chinese, not references to our own documents. Where the domain guide marks a
// figure as unverified it is a setting, not a constant buried in code (see LARGE_FINE_FEN).

export type CreditList = 'anomaly' | 'serious';

export interface Category {
  polarity: 'positive' | 'negative';
  /** The list a record of this category puts the organization on, if any. */
  list?: CreditList;
  /** A warning or a fine under the large-fine threshold: two within 3 years make a serious listing. */
  minorPenalty?: boolean;
  /** A major violation under GPL Art 22 / GPR Art 19: no government purchase for 3 years. */
  majorViolation?: boolean;
  /** Recorded by the platform itself (performance, complaints, contracts), not entered by staff. */
  platform?: boolean;
  source: string;
}

const MCA60 = '《社会组织信用信息管理办法》（民政部令第60号）';
const MCA60_ANOMALY = `${MCA60}：列入活动异常名录的情形`;
const MCA60_SERIOUS = `${MCA60}：列入严重违法失信名单的情形`;
const GPL22_5 = '《政府采购法》第二十二条第一款第（五）项；《政府采购法实施条例》第十九条';
const POLICY = '京财综〔2017〕2254号';

export const CATEGORIES = {
  // Anomaly list (活动异常名录) triggers
  annualReportMissed: { polarity: 'negative', list: 'anomaly', source: MCA60_ANOMALY },
  partyOrganizationMissing: { polarity: 'negative', list: 'anomaly', source: MCA60_ANOMALY },
  rectificationNotDone: { polarity: 'negative', list: 'anomaly', source: MCA60_ANOMALY },
  warning: { polarity: 'negative', list: 'anomaly', minorPenalty: true, source: MCA60_ANOMALY },
  unreachable: { polarity: 'negative', list: 'anomaly', source: MCA60_ANOMALY },
  // A fine: anomaly under the threshold, serious from it (see FINE_THRESHOLD_FEN)
  fine: { polarity: 'negative', list: 'anomaly', minorPenalty: true, source: MCA60_ANOMALY },
  // Serious-violation list (严重违法失信名单) triggers
  fraudulentRegistrationChange: { polarity: 'negative', list: 'serious', source: MCA60_SERIOUS },
  suspensionOrdered: { polarity: 'negative', list: 'serious', source: MCA60_SERIOUS },
  judgmentDebtor: { polarity: 'negative', list: 'serious', source: MCA60_SERIOUS },
  registrationRevoked: { polarity: 'negative', list: 'serious', majorViolation: true, source: MCA60_SERIOUS },
  // Major violations that bar government purchase without a list (GPR Art 19)
  criminalPenalty: { polarity: 'negative', majorViolation: true, source: GPL22_5 },
  licenceRevoked: { polarity: 'negative', majorViolation: true, source: GPL22_5 },
  // Records the platform produces from its own processes (later issues)
  contractBreach: { polarity: 'negative', platform: true, source: `${POLICY} 三.6（信用）` },
  upheldComplaint: { polarity: 'negative', platform: true, source: `${POLICY} 五.2（多元监管）` },
  poorPerformance: { polarity: 'negative', platform: true, source: `${POLICY} 三.5（绩效评价）` },
  otherNegative: { polarity: 'negative', source: MCA60 },
  // Positive records
  honour: { polarity: 'positive', source: MCA60 },
  goodPerformance: { polarity: 'positive', platform: true, source: `${POLICY} 三.5（绩效评价）` },
  otherPositive: { polarity: 'positive', source: MCA60 },
} as const satisfies Record<string, Category>;

export type CategoryName = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as CategoryName[];
export const STAFF_CATEGORIES = CATEGORY_NAMES.filter((c) => !('platform' in CATEGORIES[c]));

/** A fine of 50,000 yuan or more puts an organization on the serious list; a smaller one on the anomaly list. */
export const FINE_THRESHOLD_FEN = { value: 5_000_000, source: MCA60_SERIOUS };

/**
 * Fines from this amount count as "较大数额罚款" (GPR Art 19), a major violation. The amount is set by
 * local rules, so it is the operator's setting LARGE_FINE_YUAN (200,000 yuan unless told), applied at
 * start by `configureLargeFine`; the figure here is that default.
 */
export const LARGE_FINE_FEN = {
  value: 20_000_000,
  source: '《政府采购法实施条例》第十九条（“较大数额罚款”，数额按地方规定设置）',
};

/** Sets the large-fine amount from the operator's configuration (called once, at start). */
export function configureLargeFine(yuan: number): void {
  LARGE_FINE_FEN.value = yuan * 100;
}

/** The serious-list triggers that are not record categories. */
export const LIST_TRIGGERS = {
  anomaly2Years: { list: 'serious', source: `${MCA60_SERIOUS}（被列入活动异常名录满2年）` },
  twoMinorPenalties: {
    list: 'serious',
    source: `${MCA60_SERIOUS}（三年内两次以上受到警告或者不满5万元罚款处罚）`,
  },
  largeFine: { list: 'serious', source: `${MCA60_SERIOUS}（受到5万元以上罚款处罚）` },
} as const;

export const ANOMALY_TO_SERIOUS_YEARS = { value: 2, source: MCA60_SERIOUS };
export const SERIOUS_REMOVAL_YEARS = {
  value: 2,
  source: `${MCA60}：列入严重违法失信名单满2年且未再发生列入情形的，移出`,
};
export const MINOR_PENALTY_WINDOW_YEARS = { value: 3, source: MCA60_SERIOUS };
export const MAJOR_VIOLATION_YEARS = { value: 3, source: GPL22_5 };

/** Credit information is to be entered within 5 working days of the event; later entries are flagged. */
export const ENTRY_DEADLINE_WORKDAYS = {
  value: 5,
  /** A duty: on a year without its notice yet it falls due no later than the official calendar would. */
  side: 'duty',
  source: `${MCA60}：信用信息形成后5个工作日内录入`,
} as const;

/** The eligibility rules (domain guide §4), each with its source. Order is the order they are shown in. */
export const ELIGIBILITY_RULES = {
  registered: { source: '《政府采购法》第二十二条第一款第（一）项' },
  noMinimumAge: { source: `${POLICY} 三.1（不对社会组织成立年限做硬性规定）` },
  seriousList: { source: `${MCA60}；${POLICY} 三.6` },
  tax: { source: `《政府采购法》第二十二条第一款第（四）项；${POLICY} 三.1` },
  socialInsurance: { source: `《政府采购法》第二十二条第一款第（四）项；${POLICY} 三.1` },
  annualInspection: { source: `${POLICY} 三.1` },
  majorViolation: { source: GPL22_5 },
  anomalyList: { source: MCA60_ANOMALY },
} as const;
export type EligibilityRule = keyof typeof ELIGIBILITY_RULES;

export const PREFERENCE_RULES = {
  preferredGrade: { source: `${POLICY} 三.3（评估等级3A以上的社会组织同等条件下优先）` },
  priorityDomain: { source: `${POLICY} 三.3（重点领域）` },
  goodCredit: { source: `${MCA60}（信用良好的社会组织优先）` },
} as const;
export type PreferenceRule = keyof typeof PREFERENCE_RULES;

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/**
 * Credit information is kept of social organizations and of agencies (domain guide §8); other
 * organizations have none (their id is not found by the credit query, eligibility or entry).
 */
export function hasCreditRecord(org: { readonly kind: string }): boolean {
  return org.kind === 'socialOrganization' || org.kind === 'agency';
}
