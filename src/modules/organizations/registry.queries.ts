// Read-side use-cases of the registry: the full entry for staff, and the facts other modules need.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/http/errors.js';
import type { ServiceDomain } from './registry.rules.js';
import {
  annualReports,
  bureaus,
  compliance,
  exportRegistry,
  findProfile,
  grades,
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
  const org = await findOrganization(db, organizationId);
  if (!org) throw notFound('error.organizationNotFound');
  const profile = await findProfile(db, organizationId);
  return {
    organization: {
      id: org.id,
      name: org.name,
      nameEn: org.name_en,
      uscc: org.uscc,
      orgType: org.org_type,
      level: org.level,
      districtCode: org.district_code,
      status: org.status,
      kind: org.kind,
    },
    profile: profile
      ? {
          registrationAuthorityId: profile.registration_authority_id,
          foundedOn: profile.founded_on,
          legalRepresentative: profile.legal_representative,
          contactName: profile.contact_name,
          contactPhone: profile.contact_phone,
          contactEmail: profile.contact_email,
          address: profile.address,
          serviceDomains: JSON.parse(profile.service_domains) as ServiceDomain[],
          services: profile.services,
        }
      : null,
    annualReports: (await annualReports(db, organizationId)).map((r) => ({
      year: r.year,
      submittedOn: r.submitted_on,
      inspectionResult: r.inspection_result,
      note: r.note,
      recordedAt: r.recorded_at,
    })),
    compliance: (await compliance(db, organizationId)).map((c) => ({
      kind: c.kind,
      year: c.year,
      compliant: c.compliant === 1,
      evidence: c.evidence,
      recordedAt: c.recorded_at,
    })),
    grades: (await grades(db, organizationId)).map((g) => ({
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
  if (facts.organization.kind !== 'socialOrganization') throw notFound('error.organizationNotFound');
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
