// The registry's rules, as data with their sources (house rule: statutory rules are data).

export interface Rule<T> {
  value: T;
  source: string;
}

/** Evaluation grades (1A–5A) are valid for five years. */
export const GRADE_VALIDITY_YEARS: Rule<number> = {
  value: 5,
  source: '民政部令第39号《社会组织评估管理办法》; domain guide §8',
};

/** Organizations graded 3A or above are preferred in government purchase on equal terms. */
export const PREFERRED_GRADE: Rule<number> = {
  value: 3,
  source: '京财综〔2017〕2254号 三.3; domain guide §4',
};

/** Priority domains in which social organizations are preferred on equal terms (S6). */
export const PRIORITY_DOMAINS = ['livelihood', 'governance', 'industry', 'charity'] as const;
export const SERVICE_DOMAINS = [...PRIORITY_DOMAINS, 'community', 'other'] as const;
export type ServiceDomain = (typeof SERVICE_DOMAINS)[number];
export const PRIORITY_DOMAIN_SOURCE =
  '京财综〔2017〕2254号 三.3 (民生保障、社会治理、行业管理、公益慈善; 城乡社区服务)';

/** Results of the annual inspection (年检) or annual report review. */
export const INSPECTION_RESULTS = [
  'qualified',
  'basicallyQualified',
  'unqualified',
  'notInspected',
  'pending',
] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** Results that are a bad annual-inspection record for eligibility (S3: "年检等方面无不良记录"). */
export const BAD_INSPECTION_RESULTS: Rule<readonly InspectionResult[]> = {
  value: ['unqualified', 'notInspected'],
  source: '京财综〔2017〕2254号 三.1',
};

export const COMPLIANCE_KINDS = ['tax', 'socialInsurance'] as const;
export type ComplianceKind = (typeof COMPLIANCE_KINDS)[number];

export const ROSTER_POSITIONS = [
  'chair',
  'viceChair',
  'secretaryGeneral',
  'director',
  'supervisor',
  'staff',
  'legalRepresentative',
] as const;
export type RosterPosition = (typeof ROSTER_POSITIONS)[number];

/**
 * The registry keeps social organizations; purchasers, bureaus and agencies are the platform's (an id of
 * one of them is not found in the registry).
 */
export function isRegistryEntry(org: { readonly kind: string }): boolean {
  return org.kind === 'socialOrganization';
}
