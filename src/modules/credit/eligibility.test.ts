// judgeEligibility is a pure function of what the registry and the credit records say (domain guide §4;
// GPL Art 22, GPR Art 19; 京财综〔2017〕2254号 三.1, 三.3; 民政部令第60号): these tests give it inputs
// directly, rule by rule, without a database.
import { describe, expect, it } from 'vitest';
import type { CreditListEntryTable, CreditRecordTable } from './credit.repository.js';
import { judgeEligibility, type EligibilityInputs } from './eligibility.js';

const AT = new Date('2026-11-26T02:00:00Z'); // 2026-11-26, 10:00 in Beijing
const EARLIER = '2026-01-01T00:00:00Z';

function inputs(
  overrides: {
    facts?: Partial<EligibilityInputs['facts']>;
    records?: CreditRecordTable[];
    entries?: CreditListEntryTable[];
  } = {},
): EligibilityInputs {
  const { facts, ...rest } = overrides;
  const organization: EligibilityInputs['facts']['organization'] = {
    id: 'org-1',
    name: '测试社会工作服务中心',
    nameEn: null,
    uscc: null,
    orgType: 'serviceAgency',
    level: 'district',
    districtCode: '110105',
    status: 'active',
    kind: 'socialOrganization',
  };
  return {
    facts: {
      organization,
      profile: null,
      annualReports: [],
      compliance: [],
      grades: [],
      ...facts,
    },
    records: [],
    entries: [],
    ...rest,
  };
}

function creditRecord(overrides: Partial<CreditRecordTable>): CreditRecordTable {
  return {
    id: 'rec-1',
    organization_id: 'org-1',
    polarity: 'negative',
    category: 'warning',
    description: '',
    source: '',
    evidence: null,
    event_date: '2026-01-10',
    effective_date: '2026-01-10',
    expires_on: null,
    fine_fen: null,
    entered_at: '2026-01-12T02:00:00Z',
    entered_by: null,
    late: 0,
    public_record_id: 'pub-1',
    ...overrides,
  };
}

function listEntry(overrides: Partial<CreditListEntryTable>): CreditListEntryTable {
  return {
    id: 'entry-1',
    organization_id: 'org-1',
    list: 'anomaly',
    status: 'listed',
    trigger: 'unreachable',
    basis_record_id: null,
    basis_entry_id: null,
    listed_on: '2026-03-01',
    removed_on: null,
    removal_reason: null,
    removed_by: null,
    listing_record_id: 'pub-listing',
    removal_record_id: null,
    ...overrides,
  };
}

const outcomes = (result: ReturnType<typeof judgeEligibility>) =>
  Object.fromEntries(result.reasons.map((r) => [r.rule, r.outcome]));

describe('judgeEligibility', () => {
  it('lets a registered organization with nothing against it undertake a purchase, warning of what is missing', () => {
    const result = judgeEligibility(inputs(), AT);
    expect(result.eligible).toBe(true);
    expect(result.at).toBe(AT.toISOString());
    // Every rule is shown, in the order of ELIGIBILITY_RULES.
    expect(result.reasons.map((r) => r.rule)).toEqual([
      'registered',
      'noMinimumAge',
      'seriousList',
      'tax',
      'socialInsurance',
      'annualInspection',
      'majorViolation',
      'anomalyList',
    ]);
    expect(outcomes(result)).toMatchObject({
      tax: 'warn',
      socialInsurance: 'warn',
      annualInspection: 'warn',
    });
    expect(result.reasons.every((r) => r.source !== '')).toBe(true);
  });

  it('refuses an organization whose registration is inactive', () => {
    const base = inputs();
    const result = judgeEligibility(
      { ...base, facts: { ...base.facts, organization: { ...base.facts.organization, status: 'inactive' } } },
      AT,
    );
    expect(result.eligible).toBe(false);
    expect(outcomes(result).registered).toBe('fail');
  });

  it('refuses while on the serious list, until two years after the latest trigger; a removed entry no longer counts', () => {
    const listed = judgeEligibility(
      inputs({
        entries: [listEntry({ list: 'serious', trigger: 'judgmentDebtor', listed_on: '2026-05-01' })],
      }),
      AT,
    );
    expect(listed.eligible).toBe(false);
    expect(listed.reasons.find((r) => r.rule === 'seriousList')).toMatchObject({
      outcome: 'fail',
      until: '2028-05-01',
      record: { kind: 'creditListing', id: 'pub-listing' },
    });
    const removedEntry = listEntry({
      list: 'serious',
      listed_on: '2024-01-01',
      status: 'removed',
      removed_on: '2026-02-01',
    });
    expect(outcomes(judgeEligibility(inputs({ entries: [removedEntry] }), AT)).seriousList).toBe('pass');
    // Asked about a moment when it was still listed, the answer is the one given then.
    const then = judgeEligibility(inputs({ entries: [removedEntry] }), new Date('2025-06-01T02:00:00Z'));
    expect(outcomes(then).seriousList).toBe('fail');
  });

  it('warns of the anomaly list without refusing', () => {
    const result = judgeEligibility(inputs({ entries: [listEntry({})] }), AT);
    expect(result.eligible).toBe(true);
    expect(result.reasons.find((r) => r.rule === 'anomalyList')).toMatchObject({
      outcome: 'warn',
      until: '2028-03-01',
    });
  });

  it('judges tax and social insurance by the latest statement up to the year asked about', () => {
    const result = judgeEligibility(
      inputs({
        facts: {
          compliance: [
            { kind: 'tax', year: 2024, compliant: false, evidence: '', recordedAt: EARLIER },
            { kind: 'tax', year: 2025, compliant: true, evidence: '', recordedAt: EARLIER },
            { kind: 'socialInsurance', year: 2025, compliant: false, evidence: '', recordedAt: EARLIER },
          ],
        },
      }),
      AT,
    );
    expect(result.reasons.find((r) => r.rule === 'tax')).toMatchObject({
      outcome: 'pass',
      params: { year: 2025 },
    });
    expect(result.reasons.find((r) => r.rule === 'socialInsurance')).toMatchObject({ outcome: 'fail' });
    expect(result.eligible).toBe(false);
  });

  it('refuses for a bad annual inspection, and ignores a pending one', () => {
    const report = (year: number, inspectionResult: string) => ({
      year,
      submittedOn: null,
      inspectionResult,
      note: null,
      recordedAt: EARLIER,
    });
    const bad = judgeEligibility(inputs({ facts: { annualReports: [report(2025, 'notInspected')] } }), AT);
    expect(outcomes(bad).annualInspection).toBe('fail');
    const pending = judgeEligibility(
      inputs({ facts: { annualReports: [report(2025, 'pending'), report(2024, 'qualified')] } }),
      AT,
    );
    expect(pending.reasons.find((r) => r.rule === 'annualInspection')).toMatchObject({
      outcome: 'pass',
      params: { year: 2024 },
    });
  });

  it('refuses for three years after a major violation, a large fine included; a smaller fine is not one', () => {
    const criminal = judgeEligibility(
      inputs({ records: [creditRecord({ category: 'criminalPenalty', event_date: '2024-01-10' })] }),
      AT,
    );
    expect(criminal.reasons.find((r) => r.rule === 'majorViolation')).toMatchObject({
      outcome: 'fail',
      until: '2027-01-10',
      record: { kind: 'creditRecord', id: 'pub-1' },
    });
    expect(
      outcomes(
        judgeEligibility(
          inputs({ records: [creditRecord({ category: 'criminalPenalty', event_date: '2023-11-25' })] }),
          AT,
        ),
      ).majorViolation,
    ).toBe('pass');
    const largeFine = creditRecord({ category: 'fine', fine_fen: 20_000_000 });
    expect(outcomes(judgeEligibility(inputs({ records: [largeFine] }), AT)).majorViolation).toBe('fail');
    const smallFine = creditRecord({ category: 'fine', fine_fen: 19_999_999 });
    expect(outcomes(judgeEligibility(inputs({ records: [smallFine] }), AT)).majorViolation).toBe('pass');
  });

  it('counts only what was known at the moment asked about, and records in force on its date', () => {
    const enteredLater = creditRecord({ category: 'licenceRevoked', entered_at: '2026-12-01T02:00:00Z' });
    expect(outcomes(judgeEligibility(inputs({ records: [enteredLater] }), AT)).majorViolation).toBe('pass');
    const expired = creditRecord({ category: 'licenceRevoked', expires_on: '2026-11-26' });
    expect(outcomes(judgeEligibility(inputs({ records: [expired] }), AT)).majorViolation).toBe('pass');
    const notYetEffective = creditRecord({ category: 'licenceRevoked', effective_date: '2026-12-01' });
    expect(outcomes(judgeEligibility(inputs({ records: [notYetEffective] }), AT)).majorViolation).toBe(
      'pass',
    );
    const laterTax = judgeEligibility(
      inputs({
        facts: {
          compliance: [
            { kind: 'tax', year: 2025, compliant: false, evidence: '', recordedAt: '2026-12-01T00:00:00Z' },
          ],
        },
      }),
      AT,
    );
    expect(outcomes(laterTax).tax).toBe('warn');
  });

  it('prefers a grade of 3A or more in force, a priority domain of the project, and a good credit record', () => {
    const grade = (g: number, validUntil = '2029-05-31') => ({
      grade: g,
      awardedOn: '2024-06-01',
      validUntil,
      reference: '',
      recordedAt: EARLIER,
    });
    const facts = {
      grades: [grade(4)],
      profile: {
        registrationAuthorityId: null,
        foundedOn: null,
        legalRepresentative: null,
        contactName: null,
        contactPhone: null,
        contactEmail: null,
        address: null,
        serviceDomains: ['charity', 'community'] as ('charity' | 'community')[],
        services: null,
      },
    };
    const honour = creditRecord({ polarity: 'positive', category: 'honour' });
    const all = judgeEligibility(inputs({ facts, records: [honour] }), AT);
    expect(all.preferences.map((p) => p.rule)).toEqual(['preferredGrade', 'priorityDomain', 'goodCredit']);
    expect(all.preferences[0]).toMatchObject({ params: { grade: 4 }, until: '2029-05-31' });
    // A project in another domain; a 2A grade; a grade expired; a negative record beside the honour.
    const none = judgeEligibility(
      inputs({ facts: { ...facts, grades: [grade(2)] }, records: [honour, creditRecord({})] }),
      AT,
      { domains: ['industry'] },
    );
    expect(none.preferences).toEqual([]);
    const expired = judgeEligibility(inputs({ facts: { ...facts, grades: [grade(5, '2025-12-31')] } }), AT);
    expect(expired.preferences.map((p) => p.rule)).toEqual(['priorityDomain']);
  });
});
