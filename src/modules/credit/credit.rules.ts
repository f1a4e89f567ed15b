// The credit rules, as data with their sources (domain guide §§4, 8; 民政部令第60号《社会组织信用信息管理办法》;
// GPL = 政府采购法, GPR = 政府采购法实施条例). Where the domain guide marks a figure as unverified it is a
// setting here, not a constant buried in code.

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

const MCA60 = '民政部令第60号《社会组织信用信息管理办法》; domain guide §8';

export const CATEGORIES = {
  // Anomaly list (活动异常名录) triggers
  annualReportMissed: { polarity: 'negative', list: 'anomaly', source: MCA60 },
  partyOrganizationMissing: { polarity: 'negative', list: 'anomaly', source: MCA60 },
  rectificationNotDone: { polarity: 'negative', list: 'anomaly', source: MCA60 },
  warning: { polarity: 'negative', list: 'anomaly', minorPenalty: true, source: MCA60 },
  unreachable: { polarity: 'negative', list: 'anomaly', source: MCA60 },
  // A fine: anomaly under the threshold, serious from it (see FINE_THRESHOLD_FEN)
  fine: { polarity: 'negative', list: 'anomaly', minorPenalty: true, source: MCA60 },
  // Serious-violation list (严重违法失信名单) triggers
  fraudulentRegistrationChange: { polarity: 'negative', list: 'serious', source: MCA60 },
  suspensionOrdered: { polarity: 'negative', list: 'serious', source: MCA60 },
  judgmentDebtor: { polarity: 'negative', list: 'serious', source: MCA60 },
  registrationRevoked: { polarity: 'negative', list: 'serious', majorViolation: true, source: MCA60 },
  // Major violations that bar government purchase without a list (GPR Art 19)
  criminalPenalty: { polarity: 'negative', majorViolation: true, source: 'GPL Art 22(5); GPR Art 19' },
  licenceRevoked: { polarity: 'negative', majorViolation: true, source: 'GPL Art 22(5); GPR Art 19' },
  // Records the platform produces from its own processes (later issues)
  contractBreach: { polarity: 'negative', platform: true, source: '京财综〔2017〕2254号 三.6' },
  upheldComplaint: { polarity: 'negative', platform: true, source: '京财综〔2017〕2254号 五.2' },
  poorPerformance: { polarity: 'negative', platform: true, source: '京财综〔2017〕2254号 三.5' },
  otherNegative: { polarity: 'negative', source: MCA60 },
  // Positive records
  honour: { polarity: 'positive', source: MCA60 },
  goodPerformance: { polarity: 'positive', platform: true, source: '京财综〔2017〕2254号 三.5' },
  otherPositive: { polarity: 'positive', source: MCA60 },
} as const satisfies Record<string, Category>;

export type CategoryName = keyof typeof CATEGORIES;
export const CATEGORY_NAMES = Object.keys(CATEGORIES) as CategoryName[];
export const STAFF_CATEGORIES = CATEGORY_NAMES.filter((c) => !('platform' in CATEGORIES[c]));

/** A fine of 50,000 yuan or more puts an organization on the serious list; a smaller one on the anomaly list. */
export const FINE_THRESHOLD_FEN = { value: 5_000_000, source: MCA60 };

/** Fines from this amount count as "large fines" for GPR Art 19. Unverified: the amount is set by local rules. */
export const LARGE_FINE_FEN = {
  value: 20_000_000,
  source: 'GPR Art 19 (amount set locally; unverified, a setting)',
};

/** The serious-list triggers that are not record categories. */
export const LIST_TRIGGERS = {
  anomaly2Years: { list: 'serious', source: `${MCA60}: two years on the anomaly list` },
  twoMinorPenalties: {
    list: 'serious',
    source: `${MCA60}: two or more warnings or small fines within three years`,
  },
  largeFine: { list: 'serious', source: `${MCA60}: a fine of 50,000 yuan or more` },
} as const;

export const ANOMALY_TO_SERIOUS_YEARS = { value: 2, source: MCA60 };
export const SERIOUS_REMOVAL_YEARS = {
  value: 2,
  source: `${MCA60}: removal after two years with no new trigger`,
};
export const MINOR_PENALTY_WINDOW_YEARS = { value: 3, source: MCA60 };
export const MAJOR_VIOLATION_YEARS = { value: 3, source: 'GPL Art 22(5); GPR Art 19' };

/** Credit information is to be entered within 5 working days of the event; later entries are flagged. */
export const ENTRY_DEADLINE_WORKDAYS = {
  value: 5,
  source: '民政部令第60号; domain guide §7 (credit information entered ≤5 WD)',
};

/** The eligibility rules (domain guide §4), each with its source. Order is the order they are shown in. */
export const ELIGIBILITY_RULES = {
  registered: { source: 'GPL Art 22(1)' },
  noMinimumAge: { source: '京财综〔2017〕2254号 三.1 (不对社会组织成立年限做硬性规定)' },
  seriousList: { source: `${MCA60}; domain guide §4` },
  tax: { source: 'GPL Art 22(4); 京财综〔2017〕2254号 三.1' },
  socialInsurance: { source: 'GPL Art 22(4); 京财综〔2017〕2254号 三.1' },
  annualInspection: { source: '京财综〔2017〕2254号 三.1' },
  majorViolation: { source: 'GPL Art 22(5); GPR Art 19' },
  anomalyList: { source: MCA60 },
} as const;
export type EligibilityRule = keyof typeof ELIGIBILITY_RULES;

export const PREFERENCE_RULES = {
  preferredGrade: { source: '京财综〔2017〕2254号 三.3; domain guide §4 (3A or above)' },
  priorityDomain: { source: '京财综〔2017〕2254号 三.3 (S6)' },
  goodCredit: { source: '民政部令第60号; domain guide §8 (good credit ⇒ priority)' },
} as const;
export type PreferenceRule = keyof typeof PREFERENCE_RULES;

export function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}
