// Read-side use-cases: the public credit view of an organization (S2), the public directory, and the
// staff view of records and lists.
import type { Executor } from '../../platform/db/database.js';
import { AppError, notFound } from '../../platform/errors.js';
import { checkUscc, usccProblemMessage } from '../../platform/validation/uscc.js';
import { findRegistry, gradeOn } from '../organizations/index.js';
import { beijingDate } from '../../platform/time/dates.js';
import { activeEntriesOf, findOrganizationIdByUscc, organizationsOnList } from './credit.repository.js';
import {
  eligibilityInputs,
  eligibilityInputsByUscc,
  judgeEligibility,
  type Eligibility,
  type EligibilityInputs,
  type ProjectContext,
} from './eligibility.js';
import { seriousClock } from './list-organization.js';
import { hasCreditRecord } from './credit.rules.js';

/** A well-formed code or a 422 invalid_uscc saying what is wrong with it. */
export function wellFormedUscc(input: string): string {
  const check = checkUscc(input);
  if (!check.ok && check.problem) {
    const { key, params } = usccProblemMessage(check.problem);
    throw new AppError(422, 'invalid_uscc', key, params, [{ field: 'uscc', key, params }]);
  }
  return check.code;
}

export async function organizationIdByUscc(db: Executor, input: string): Promise<string> {
  const code = wellFormedUscc(input);
  const id = await findOrganizationIdByUscc(db, code);
  if (!id) throw notFound('credit.notRegistered', { uscc: code });
  return id;
}

/** The credit view of the organization holding a code: 422 for a malformed code, 404 for an unknown one. */
export async function creditViewByUscc(db: Executor, input: string, at: Date) {
  const code = wellFormedUscc(input);
  const inputs = await eligibilityInputsByUscc(db, code);
  if (!inputs) throw notFound('credit.notRegistered', { uscc: code });
  return creditViewOf(inputs, at);
}

function listView(e: {
  id: string;
  list: string;
  trigger: string;
  listed_on: string;
  listing_record_id: string;
}) {
  return {
    entryId: e.id,
    list: e.list,
    trigger: e.trigger,
    listedOn: e.listed_on,
    recordId: e.listing_record_id,
  };
}

/** What anyone may see of an organization's credit, and whether it may undertake a purchase now. */
export async function creditView(db: Executor, organizationId: string, at: Date) {
  return creditViewOf(await eligibilityInputs(db, organizationId), at);
}

/**
 * Whether an organization with a credit record may undertake a purchase at a moment, with the reasons:
 * 404 for an unknown id and for an organization that has no credit record.
 */
export async function eligibilityOf(
  db: Executor,
  organizationId: string,
  at: Date,
  project: ProjectContext = {},
): Promise<Eligibility> {
  const inputs = await eligibilityInputs(db, organizationId); // 404 for an unknown id
  if (!hasCreditRecord(inputs.facts.organization)) throw notFound('error.organizationNotFound');
  return judgeEligibility(inputs, at, project);
}

function creditViewOf(inputs: EligibilityInputs, at: Date) {
  const { facts } = inputs;
  if (!hasCreditRecord(facts.organization)) {
    throw notFound('error.organizationNotFound');
  }
  const date = beijingDate(at);
  const grade = gradeOn(facts, date) ?? null;
  const latestGrade = facts.grades[0] ?? null;
  const { entries, records } = inputs;
  const active = entries.filter((e) => e.removed_on === null);
  const result = judgeEligibility(inputs, at);
  return {
    id: facts.organization.id,
    uscc: facts.organization.uscc,
    name: facts.organization.name,
    nameEn: facts.organization.nameEn,
    type: facts.organization.orgType,
    districtCode: facts.organization.districtCode,
    foundedOn: facts.profile?.foundedOn ?? null,
    serviceDomains: facts.profile?.serviceDomains ?? [],
    grade: grade?.grade ?? null,
    gradeValidUntil: grade?.validUntil ?? null,
    /** The latest grade even when it has expired, so the page can say so. */
    lastGrade: latestGrade ? { grade: latestGrade.grade, validUntil: latestGrade.validUntil } : null,
    lists: active.map(listView),
    seriousRemovableFrom: seriousClock(active) ?? null,
    listHistory: entries.map((e) => ({
      ...listView(e),
      removedOn: e.removed_on,
      removalReason: e.removal_reason,
    })),
    records: records.map((r) => ({
      polarity: r.polarity,
      category: r.category,
      description: r.description,
      source: r.source,
      eventDate: r.event_date,
      expiresOn: r.expires_on,
      fineFen: r.fine_fen === null ? null : Number(r.fine_fen),
      enteredLate: r.late === 1,
      recordId: r.public_record_id,
    })),
    annualReports: facts.annualReports.map((r) => ({ year: r.year, result: r.inspectionResult })),
    eligible: result.eligible,
    reasons: result.reasons,
    preferences: result.preferences,
  };
}

export interface DirectoryFilter {
  q?: string | undefined;
  type?: string | undefined;
  district?: string | undefined;
  list?: 'anomaly' | 'serious' | undefined;
  limit: number;
  offset: number;
}

/** The public directory of social organizations, with their active list entries. */
export async function directory(db: Executor, filter: DirectoryFilter) {
  const ids = filter.list ? await organizationsOnList(db, filter.list) : undefined;
  const { items, total } = await findRegistry(db, {
    q: filter.q,
    orgType: filter.type,
    districtCode: filter.district,
    ids,
    limit: filter.limit,
    offset: filter.offset,
  });
  const entries = await activeEntriesOf(
    db,
    items.map((i) => i.id),
  );
  return {
    total,
    items: items.map((i) => ({
      id: i.id,
      uscc: i.uscc,
      name: i.name,
      nameEn: i.nameEn,
      type: i.orgType,
      districtCode: i.districtCode,
      foundedOn: i.foundedOn,
      serviceDomains: i.serviceDomains,
      lists: [...new Set(entries.filter((e) => e.organization_id === i.id).map((e) => e.list))],
    })),
  };
}
