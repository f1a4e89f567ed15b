// May this organization undertake a government purchase, at this moment? One function, with its reasons:
// each rule checked, its source, the record behind the outcome, and until when that outcome holds; plus
// the signals that give an organization preference on equal terms (domain guide §4; S3, S6, S12). The
// procurement engine calls it at bid submission and award.
import type { Executor } from '../../platform/db/database.js';
import { beijingDate } from '../../platform/time/dates.js';
import {
  BAD_INSPECTION_RESULTS,
  gradeOn,
  PREFERRED_GRADE,
  PRIORITY_DOMAINS,
  registryFacts,
  registryFactsByUscc,
  type RegistryFacts,
  type ServiceDomain,
} from '../organizations/index.js';
import {
  addYears,
  CATEGORIES,
  ELIGIBILITY_RULES,
  LARGE_FINE_FEN,
  MAJOR_VIOLATION_YEARS,
  PREFERENCE_RULES,
  type EligibilityRule,
  type PreferenceRule,
} from './credit.rules.js';
import { creditHistoryOf, type CreditListEntryTable, type CreditRecordTable } from './credit.repository.js';
import { seriousClock } from './list-organization.js';

export type Outcome = 'pass' | 'fail' | 'warn';

export interface Reason {
  rule: EligibilityRule;
  outcome: Outcome;
  /** Message key and parameters, to say it in plain words in the reader's language. */
  key: string;
  params: Record<string, string | number>;
  source: string;
  /** The record the outcome rests on: a published record id when there is one. */
  record?: { kind: string; id: string } | undefined;
  /** The date until which the outcome holds, when it is known to end. */
  until?: string | undefined;
}

export interface Preference {
  rule: PreferenceRule;
  key: string;
  params: Record<string, string | number>;
  source: string;
  until?: string | undefined;
}

export interface Eligibility {
  organizationId: string;
  at: string;
  eligible: boolean;
  reasons: Reason[];
  preferences: Preference[];
}

export interface ProjectContext {
  /** The project's service domains, to judge the priority-domain preference. */
  domains?: readonly ServiceDomain[];
}

function reason(
  rule: EligibilityRule,
  outcome: Outcome,
  key: string,
  params: Reason['params'] = {},
  extra: Partial<Reason> = {},
): Reason {
  return { rule, outcome, key, params, source: ELIGIBILITY_RULES[rule].source, ...extra };
}

/** What eligibility is judged on: the registry facts, the credit records and the list entries. */
export interface EligibilityInputs {
  facts: RegistryFacts;
  records: CreditRecordTable[];
  entries: CreditListEntryTable[];
}

export async function eligibilityInputs(db: Executor, organizationId: string): Promise<EligibilityInputs> {
  const facts = await registryFacts(db, organizationId);
  return { facts, ...(await creditHistoryOf(db, organizationId)) };
}

/** The same, found by unified social credit code; undefined when no organization holds it. */
export async function eligibilityInputsByUscc(
  db: Executor,
  uscc: string,
): Promise<EligibilityInputs | undefined> {
  const facts = await registryFactsByUscc(db, uscc);
  if (!facts) return undefined;
  return { facts, ...(await creditHistoryOf(db, facts.organization.id)) };
}

export async function eligibility(
  db: Executor,
  organizationId: string,
  at: Date,
  project: ProjectContext = {},
): Promise<Eligibility> {
  return judgeEligibility(await eligibilityInputs(db, organizationId), at, project);
}

/** The judgement itself, on inputs already read (so a page showing them reads them once). */
export function judgeEligibility(
  inputs: EligibilityInputs,
  at: Date,
  project: ProjectContext = {},
): Eligibility {
  const date = beijingDate(at);
  const instant = at.toISOString();
  // What the platform knew at that moment: facts recorded later do not count, so asking about a past
  // moment gives the answer the platform gave then (the registration's status excepted: it is current).
  const known = <T extends { recordedAt: string }>(items: readonly T[]) =>
    items.filter((i) => i.recordedAt <= instant);
  const facts: RegistryFacts = {
    ...inputs.facts,
    annualReports: known(inputs.facts.annualReports),
    compliance: known(inputs.facts.compliance),
    grades: known(inputs.facts.grades),
  };
  const organizationId = facts.organization.id;
  // Records in force on the date: the event has happened, the record was entered, it has taken effect
  // and has not expired.
  const records = inputs.records.filter(
    (r) =>
      r.event_date <= date &&
      r.entered_at <= instant &&
      r.effective_date <= date &&
      (r.expires_on === null || r.expires_on > date),
  );
  const entries = inputs.entries.filter(
    (e) => e.listed_on <= date && (e.removed_on === null || e.removed_on > date),
  );
  const reasons: Reason[] = [];

  // Registered and active.
  reasons.push(
    facts.organization.status === 'active'
      ? reason('registered', 'pass', 'eligibility.registered.pass')
      : reason('registered', 'fail', 'eligibility.registered.fail'),
  );
  // No minimum age: stated, because people expect one.
  reasons.push(
    reason(
      'noMinimumAge',
      'pass',
      'eligibility.noMinimumAge',
      facts.profile?.foundedOn ? { foundedOn: facts.profile.foundedOn } : {},
    ),
  );

  // The serious-violation list.
  const serious = entries.filter((e) => e.list === 'serious');
  if (serious.length > 0) {
    const latest = serious.slice().sort((a, b) => b.listed_on.localeCompare(a.listed_on))[0]!;
    reasons.push(
      reason(
        'seriousList',
        'fail',
        'eligibility.seriousList.fail',
        { listedOn: latest.listed_on, trigger: `@credit.trigger.${latest.trigger}` },
        {
          record: { kind: 'creditListing', id: latest.listing_record_id },
          until: seriousClock(serious),
        },
      ),
    );
  } else {
    reasons.push(reason('seriousList', 'pass', 'eligibility.seriousList.pass'));
  }

  // Tax and social insurance: the latest statement decides; none on file is not a bad record.
  for (const kind of ['tax', 'socialInsurance'] as const) {
    const latest = facts.compliance
      .filter((c) => c.kind === kind && c.year <= Number(date.slice(0, 4)))
      .sort((a, b) => b.year - a.year)[0];
    if (!latest) reasons.push(reason(kind, 'warn', `eligibility.${kind}.none`));
    else if (latest.compliant)
      reasons.push(reason(kind, 'pass', `eligibility.${kind}.pass`, { year: latest.year }));
    else reasons.push(reason(kind, 'fail', `eligibility.${kind}.fail`, { year: latest.year }));
  }

  // The annual inspection: the latest result decides.
  const inspection = facts.annualReports.filter(
    (r) => r.year < Number(date.slice(0, 4)) + 1 && r.inspectionResult !== 'pending',
  )[0];
  if (!inspection) reasons.push(reason('annualInspection', 'warn', 'eligibility.annualInspection.none'));
  else if ((BAD_INSPECTION_RESULTS.value as readonly string[]).includes(inspection.inspectionResult)) {
    reasons.push(
      reason('annualInspection', 'fail', 'eligibility.annualInspection.fail', {
        year: inspection.year,
        result: `@registry.inspection.${inspection.inspectionResult}`,
      }),
    );
  } else {
    reasons.push(
      reason('annualInspection', 'pass', 'eligibility.annualInspection.pass', {
        year: inspection.year,
        result: `@registry.inspection.${inspection.inspectionResult}`,
      }),
    );
  }

  // Major violations in the past three years (criminal penalty, licence revoked, large fine).
  const major = records
    .filter((r) => {
      const c = CATEGORIES[r.category as keyof typeof CATEGORIES] as { majorViolation?: boolean } | undefined;
      const largeFine =
        r.category === 'fine' && r.fine_fen !== null && Number(r.fine_fen) >= LARGE_FINE_FEN.value;
      return (
        (c?.majorViolation === true || largeFine) &&
        addYears(r.event_date, MAJOR_VIOLATION_YEARS.value) > date
      );
    })
    .sort((a, b) => b.event_date.localeCompare(a.event_date));
  if (major.length > 0) {
    const m = major[0]!;
    reasons.push(
      reason(
        'majorViolation',
        'fail',
        'eligibility.majorViolation.fail',
        { date: m.event_date, category: `@credit.category.${m.category}` },
        {
          record: { kind: 'creditRecord', id: m.public_record_id },
          until: addYears(m.event_date, MAJOR_VIOLATION_YEARS.value),
        },
      ),
    );
  } else {
    reasons.push(reason('majorViolation', 'pass', 'eligibility.majorViolation.pass'));
  }

  // The anomaly list: shown, not disqualifying on its own.
  const anomaly = entries.filter((e) => e.list === 'anomaly');
  if (anomaly.length > 0) {
    const first = anomaly.slice().sort((a, b) => a.listed_on.localeCompare(b.listed_on))[0]!;
    reasons.push(
      reason(
        'anomalyList',
        'warn',
        'eligibility.anomalyList.warn',
        { listedOn: first.listed_on, trigger: `@credit.trigger.${first.trigger}` },
        {
          record: { kind: 'creditListing', id: first.listing_record_id },
          until: addYears(first.listed_on, 2),
        },
      ),
    );
  } else {
    reasons.push(reason('anomalyList', 'pass', 'eligibility.anomalyList.pass'));
  }

  // Preferences on equal terms.
  const preferences: Preference[] = [];
  const grade = gradeOn(facts, date);
  if (grade && grade.grade >= PREFERRED_GRADE.value) {
    preferences.push({
      rule: 'preferredGrade',
      key: 'eligibility.pref.grade',
      params: { grade: grade.grade },
      source: PREFERENCE_RULES.preferredGrade.source,
      until: grade.validUntil,
    });
  }
  const domains = facts.profile?.serviceDomains ?? [];
  const priority = (project.domains ?? PRIORITY_DOMAINS).filter(
    (d) => (PRIORITY_DOMAINS as readonly string[]).includes(d) && domains.includes(d),
  );
  if (priority.length > 0) {
    preferences.push({
      rule: 'priorityDomain',
      key: 'eligibility.pref.domain',
      params: { domains: priority.map((d) => `@registry.domain.${d}`).join(',') },
      source: PREFERENCE_RULES.priorityDomain.source,
    });
  }
  const threeYearsAgo = addYears(date, -3);
  const recent = records.filter((r) => r.event_date > threeYearsAgo);
  if (
    !recent.some((r) => r.polarity === 'negative') &&
    recent.some((r) => r.polarity === 'positive') &&
    entries.length === 0
  ) {
    preferences.push({
      rule: 'goodCredit',
      key: 'eligibility.pref.goodCredit',
      params: {},
      source: PREFERENCE_RULES.goodCredit.source,
    });
  }

  return {
    organizationId,
    at: at.toISOString(),
    eligible: !reasons.some((r) => r.outcome === 'fail'),
    reasons,
    preferences,
  };
}
