// The only place with SQL for the registry profile of organizations.
import type { Executor } from '../../platform/db/database.js';
import type { OrganizationTable } from '../../platform/db/schema.js';
import { containsText } from '../../platform/db/text-match.js';

export interface OrgProfileTable {
  organization_id: string;
  registration_authority_id: string | null;
  founded_on: string | null;
  legal_representative: string | null;
  contact_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  address: string | null;
  service_domains: string;
  services: string | null;
  updated_at: string;
}

export interface OrgPersonTable {
  id: string;
  organization_id: string;
  name: string;
  position: string;
  since: string | null;
  until: string | null;
  created_at: string;
}

export interface OrgAnnualReportTable {
  id: string;
  organization_id: string;
  year: number;
  submitted_on: string | null;
  inspection_result: string;
  note: string | null;
  recorded_at: string;
  recorded_by: string | null;
}

export interface OrgComplianceTable {
  id: string;
  organization_id: string;
  kind: string;
  year: number;
  compliant: number;
  evidence: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface OrgGradeTable {
  id: string;
  organization_id: string;
  grade: number;
  awarded_on: string;
  valid_until: string;
  reference: string;
  recorded_at: string;
  recorded_by: string | null;
}

export interface OrgChangeTable {
  id: string;
  organization_id: string;
  at: string;
  actor_user_id: string | null;
  what: string;
  changes: string;
}

export interface OrgPendingImportTable {
  id: string;
  user_id: string;
  file_name: string;
  /** The uploaded bytes, base64. */
  content: string;
  created_at: string;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    org_pending_imports: OrgPendingImportTable;
    org_profiles: OrgProfileTable;
    org_people: OrgPersonTable;
    org_annual_reports: OrgAnnualReportTable;
    org_compliance: OrgComplianceTable;
    org_grades: OrgGradeTable;
    org_changes: OrgChangeTable;
  }
}

export async function findProfile(
  db: Executor,
  organizationId: string,
): Promise<OrgProfileTable | undefined> {
  return db
    .selectFrom('org_profiles')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function saveProfile(db: Executor, row: OrgProfileTable): Promise<void> {
  const { organization_id: _id, ...changes } = row;
  await db
    .insertInto('org_profiles')
    .values(row)
    .onConflict((oc) => oc.column('organization_id').doUpdateSet(changes))
    .execute();
}

export async function insertChange(db: Executor, row: OrgChangeTable): Promise<void> {
  await db.insertInto('org_changes').values(row).execute();
}

export async function listChanges(db: Executor, organizationId: string, limit = 100) {
  return db
    .selectFrom('org_changes')
    .leftJoin('users', 'users.id', 'org_changes.actor_user_id')
    .selectAll('org_changes')
    .select('users.name as actor_name')
    .where('org_changes.organization_id', '=', organizationId)
    .orderBy('org_changes.at', 'desc')
    .orderBy('org_changes.id', 'desc')
    .limit(limit)
    .execute();
}

export async function listPeople(db: Executor, organizationId: string): Promise<OrgPersonTable[]> {
  return db
    .selectFrom('org_people')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .execute();
}

export async function findPerson(db: Executor, id: string): Promise<OrgPersonTable | undefined> {
  return db.selectFrom('org_people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertPerson(db: Executor, row: OrgPersonTable): Promise<void> {
  await db.insertInto('org_people').values(row).execute();
}

/** Ends a person's role if it has not ended; false when another request ended it first. */
export async function endPerson(db: Executor, id: string, until: string): Promise<boolean> {
  const result = await db
    .updateTable('org_people')
    .set({ until })
    .where('id', '=', id)
    .where('until', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function annualReports(db: Executor, organizationId: string): Promise<OrgAnnualReportTable[]> {
  return db
    .selectFrom('org_annual_reports')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('year', 'desc')
    .execute();
}

export async function saveAnnualReport(db: Executor, row: OrgAnnualReportTable): Promise<void> {
  const { id: _id, organization_id: _o, year: _y, ...changes } = row;
  await db
    .insertInto('org_annual_reports')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'year']).doUpdateSet(changes))
    .execute();
}

export async function compliance(db: Executor, organizationId: string): Promise<OrgComplianceTable[]> {
  return db
    .selectFrom('org_compliance')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('year', 'desc')
    .orderBy('kind')
    .execute();
}

export async function saveCompliance(db: Executor, row: OrgComplianceTable): Promise<void> {
  const { id: _id, organization_id: _o, year: _y, kind: _k, ...changes } = row;
  await db
    .insertInto('org_compliance')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'kind', 'year']).doUpdateSet(changes))
    .execute();
}

export async function grades(db: Executor, organizationId: string): Promise<OrgGradeTable[]> {
  return db
    .selectFrom('org_grades')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('awarded_on', 'desc')
    .execute();
}

export async function insertGrade(db: Executor, row: OrgGradeTable): Promise<void> {
  await db.insertInto('org_grades').values(row).execute();
}

export interface RegistryFilter {
  q?: string | undefined;
  orgType?: string | undefined;
  districtCode?: string | undefined;
  /** Restrict to these organizations (e.g. those on a credit list). */
  ids?: readonly string[] | undefined;
  limit: number;
  offset: number;
}

/** Social organizations with their profile, for the registry and the public directory. */
export async function listRegistry(
  db: Executor,
  filter: RegistryFilter,
): Promise<{
  rows: (OrganizationTable & { founded_on: string | null; service_domains: string | null })[];
  total: number;
}> {
  let q = db
    .selectFrom('organizations')
    .leftJoin('org_profiles', 'org_profiles.organization_id', 'organizations.id')
    .where('organizations.kind', '=', 'socialOrganization');
  if (filter.q) {
    const text = filter.q;
    q = q.where((eb) =>
      eb.or([containsText('organizations.name', text), containsText('organizations.uscc', text)]),
    );
  }
  if (filter.orgType)
    q = q.where('organizations.org_type', '=', filter.orgType as NonNullable<OrganizationTable['org_type']>);
  if (filter.districtCode) q = q.where('organizations.district_code', '=', filter.districtCode);
  if (filter.ids) {
    if (filter.ids.length === 0) return { rows: [], total: 0 };
    q = q.where('organizations.id', 'in', filter.ids);
  }
  const [rows, count] = await Promise.all([
    q
      .selectAll('organizations')
      .select(['org_profiles.founded_on', 'org_profiles.service_domains'])
      .orderBy('organizations.name')
      .orderBy('organizations.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** Every registered social organization with its profile (export). */
export async function exportRegistry(db: Executor) {
  return db
    .selectFrom('organizations')
    .leftJoin('org_profiles', 'org_profiles.organization_id', 'organizations.id')
    .leftJoin('organizations as authority', 'authority.id', 'org_profiles.registration_authority_id')
    .selectAll('organizations')
    .select([
      'org_profiles.founded_on',
      'org_profiles.legal_representative',
      'org_profiles.contact_name',
      'org_profiles.contact_phone',
      'org_profiles.contact_email',
      'org_profiles.address',
      'org_profiles.service_domains',
      'org_profiles.services',
      'authority.name as authority_name',
    ])
    .where('organizations.kind', '=', 'socialOrganization')
    .orderBy('organizations.name')
    .execute();
}

/** Bureaus: a social organization's registration authority is one of them (a 民政局 of its level). */
/**
 * A civil-affairs bureau (民政局): the registration authority of social organizations is the civil-affairs
 * department of the city or district (社会团体登记管理条例 Art 6; 基金会管理条例 Art 6; 民办非企业单位登记
 * 管理暂行条例 Art 5). The platform knows them by name, as every one of them is called 民政局.
 */
export function isCivilAffairsBureau(org: { kind: string; name: string }): boolean {
  return org.kind === 'bureau' && org.name.endsWith('民政局');
}

/** The active civil-affairs bureaus: the registration authorities an organization may have. */
export async function bureaus(db: Executor) {
  return db
    .selectFrom('organizations')
    .select(['id', 'name', 'name_en', 'level', 'district_code'])
    .where('kind', '=', 'bureau')
    .where('name', 'like', '%民政局')
    .where('status', '=', 'active')
    .orderBy('level')
    .orderBy('name')
    .execute();
}

export async function savePendingImport(db: Executor, row: OrgPendingImportTable): Promise<void> {
  await db.insertInto('org_pending_imports').values(row).execute();
}

/** Takes (reads and deletes) a pending import of this user, if it is younger than `since`. */
export async function takePendingImport(
  db: Executor,
  id: string,
  userId: string,
  since: string,
): Promise<OrgPendingImportTable | undefined> {
  const row = await db
    .selectFrom('org_pending_imports')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('created_at', '>=', since)
    .executeTakeFirst();
  // Only the uploader's own, unexpired file is taken: another user's upload is left alone.
  if (row) await db.deleteFrom('org_pending_imports').where('id', '=', id).execute();
  return row;
}

export async function purgePendingImports(db: Executor, before: string): Promise<void> {
  await db.deleteFrom('org_pending_imports').where('created_at', '<', before).execute();
}
