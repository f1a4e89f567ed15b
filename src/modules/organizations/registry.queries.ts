// Read-side use-cases of the registry: the full entry for staff, and the facts other modules need.
import type { Executor } from '../../platform/db/database.js';
import { compiledOnce } from '../../platform/db/compiled.js';
import { jsonArrayFrom, jsonRows } from '../../platform/db/json.js';
import { notFound } from '../../platform/errors.js';
import { isRegistryEntry, type ServiceDomain } from './registry.rules.js';
import {
  bureaus,
  exportRegistry,
  listChanges,
  listPeople,
  listRegistry,
  type RegistryFilter,
} from './registry.repository.js';
import { COLUMNS, DOMAIN_LABELS, LEVEL_LABELS, TYPE_LABELS } from './registry-sheet.js';

export interface RegistryFacts {
  organization: {
    id: string;
    name: string;
    nameEn: string | null;
    uscc: string | null;
    orgType: 'association' | 'foundation' | 'serviceAgency' | null;
    level: 'city' | 'district' | 'street' | null;
    districtCode: string | null;
    status: 'active' | 'inactive';
    kind: string;
  };
  profile: {
    registrationAuthorityId: string | null;
    foundedOn: string | null;
    legalRepresentative: string | null;
    contactName: string | null;
    contactPhone: string | null;
    contactEmail: string | null;
    address: string | null;
    serviceDomains: ServiceDomain[];
    services: string | null;
  } | null;
  annualReports: {
    year: number;
    submittedOn: string | null;
    inspectionResult: string;
    note: string | null;
    recordedAt: string;
  }[];
  compliance: { kind: string; year: number; compliant: boolean; evidence: string; recordedAt: string }[];
  grades: { grade: number; awardedOn: string; validUntil: string; reference: string; recordedAt: string }[];
}

/** What the registry knows about an organization: identity, profile, reports, compliance, grades. */
export async function registryFacts(db: Executor, organizationId: string): Promise<RegistryFacts> {
  const facts = await readFacts(db, 'id', organizationId);
  if (!facts) throw notFound('error.organizationNotFound');
  return facts;
}

/** The same facts, found by unified social credit code; undefined when no organization holds it. */
export async function registryFactsByUscc(db: Executor, uscc: string): Promise<RegistryFacts | undefined> {
  return readFacts(db, 'uscc', uscc);
}

/**
 * One statement: the organization, its profile, and its reports, statements and grades as JSON arrays.
 * The public credit query reads this on every request (bench/credit.mjs), where one statement instead of
 * five is most of the difference.
 */
const factsQuery = (db: Executor, by: 'id' | 'uscc', value: string) =>
  db
    .selectFrom('organizations as o')
    .leftJoin('org_profiles as p', 'p.organization_id', 'o.id')
    .select((eb) => [
      'o.id',
      'o.name',
      'o.name_en',
      'o.uscc',
      'o.org_type',
      'o.level',
      'o.district_code',
      'o.status',
      'o.kind',
      'p.organization_id as profile_id',
      'p.registration_authority_id',
      'p.founded_on',
      'p.legal_representative',
      'p.contact_name',
      'p.contact_phone',
      'p.contact_email',
      'p.address',
      'p.service_domains',
      'p.services',
      jsonArrayFrom(
        db,
        eb
          .selectFrom('org_annual_reports as r')
          .select(['r.year', 'r.submitted_on', 'r.inspection_result', 'r.note', 'r.recorded_at'])
          .whereRef('r.organization_id', '=', 'o.id')
          .orderBy('r.year', 'desc'),
      ).as('reports'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('org_compliance as c')
          .select(['c.kind', 'c.year', 'c.compliant', 'c.evidence', 'c.recorded_at'])
          .whereRef('c.organization_id', '=', 'o.id')
          .orderBy('c.year', 'desc')
          .orderBy('c.kind'),
      ).as('compliance'),
      jsonArrayFrom(
        db,
        eb
          .selectFrom('org_grades as g')
          .select(['g.grade', 'g.awarded_on', 'g.valid_until', 'g.reference', 'g.recorded_at'])
          .whereRef('g.organization_id', '=', 'o.id')
          .orderBy('g.awarded_on', 'desc'),
      ).as('grades'),
    ])
    .where(by === 'id' ? 'o.id' : 'o.uscc', '=', value);

const factsById = compiledOnce((db, id) => factsQuery(db, 'id', id));
const factsByUscc = compiledOnce((db, uscc) => factsQuery(db, 'uscc', uscc));

async function readFacts(db: Executor, by: 'id' | 'uscc', value: string): Promise<RegistryFacts | undefined> {
  const [row] = await (by === 'id' ? factsById : factsByUscc)(db, value);
  if (!row) return undefined;
  return {
    organization: {
      id: row.id,
      name: row.name,
      nameEn: row.name_en,
      uscc: row.uscc,
      orgType: row.org_type,
      level: row.level,
      districtCode: row.district_code,
      status: row.status,
      kind: row.kind,
    },
    profile:
      row.profile_id !== null
        ? {
            registrationAuthorityId: row.registration_authority_id,
            foundedOn: row.founded_on,
            legalRepresentative: row.legal_representative,
            contactName: row.contact_name,
            contactPhone: row.contact_phone,
            contactEmail: row.contact_email,
            address: row.address,
            serviceDomains: JSON.parse(row.service_domains ?? '[]') as ServiceDomain[],
            services: row.services,
          }
        : null,
    annualReports: jsonRows(row.reports).map((r) => ({
      year: r.year,
      submittedOn: r.submitted_on,
      inspectionResult: r.inspection_result,
      note: r.note,
      recordedAt: r.recorded_at,
    })),
    compliance: jsonRows(row.compliance).map((c) => ({
      kind: c.kind,
      year: c.year,
      compliant: Number(c.compliant) === 1,
      evidence: c.evidence,
      recordedAt: c.recorded_at,
    })),
    grades: jsonRows(row.grades).map((g) => ({
      grade: g.grade,
      awardedOn: g.awarded_on,
      validUntil: g.valid_until,
      reference: g.reference,
      recordedAt: g.recorded_at,
    })),
  };
}

/** The grade in force on a date, if any. */
export function gradeOn(facts: RegistryFacts, date: string): RegistryFacts['grades'][number] | undefined {
  return facts.grades.find((g) => g.awardedOn <= date && g.validUntil >= date);
}

export async function registryEntry(db: Executor, organizationId: string) {
  const facts = await registryFacts(db, organizationId);
  if (!isRegistryEntry(facts.organization)) throw notFound('error.organizationNotFound');
  const people = (await listPeople(db, organizationId)).map((p) => ({
    id: p.id,
    name: p.name,
    position: p.position,
    since: p.since,
    until: p.until,
  }));
  const changes = (await listChanges(db, organizationId)).map((c) => ({
    id: c.id,
    at: c.at,
    actorName: c.actor_name,
    what: c.what,
    changes: JSON.parse(c.changes) as Record<string, unknown>,
  }));
  return { ...facts, people, changes };
}

export async function findRegistry(db: Executor, filter: RegistryFilter) {
  const { rows, total } = await listRegistry(db, filter);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      nameEn: r.name_en,
      uscc: r.uscc,
      orgType: r.org_type,
      level: r.level,
      districtCode: r.district_code,
      status: r.status,
      foundedOn: r.founded_on,
      serviceDomains: r.service_domains ? (JSON.parse(r.service_domains) as ServiceDomain[]) : [],
    })),
  };
}

/** The registry as rows of the sheet layout (header first), for CSV and Excel export. */
export async function registrySheetRows(db: Executor): Promise<string[][]> {
  const rows = await exportRegistry(db);
  const body = rows.map((r) => {
    const value: Record<string, string> = {
      name: r.name,
      nameEn: r.name_en ?? '',
      orgType: r.org_type ? TYPE_LABELS[r.org_type] : '',
      uscc: r.uscc ?? '',
      registrationLevel: r.level === 'city' || r.level === 'district' ? LEVEL_LABELS[r.level] : '',
      districtCode: r.district_code ?? '',
      registrationAuthority: r.authority_name ?? '',
      foundedOn: r.founded_on ?? '',
      legalRepresentative: r.legal_representative ?? '',
      contactName: r.contact_name ?? '',
      contactPhone: r.contact_phone ?? '',
      contactEmail: r.contact_email ?? '',
      address: r.address ?? '',
      serviceDomains: r.service_domains
        ? (JSON.parse(r.service_domains) as ServiceDomain[]).map((d) => DOMAIN_LABELS[d]).join('、')
        : '',
      services: r.services ?? '',
    };
    return COLUMNS.map((c) => value[c.key] ?? '');
  });
  return [COLUMNS.map((c) => c.zh), ...body];
}

/** The bureaus a social organization may be registered with (the registration-authority choices). */
export async function authorityChoices(db: Executor) {
  return (await bureaus(db)).map((b) => ({
    id: b.id,
    name: b.name,
    nameEn: b.name_en,
    level: b.level,
    districtCode: b.district_code,
  }));
}
