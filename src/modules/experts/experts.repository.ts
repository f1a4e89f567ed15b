// The expert pool's tables (migrations.ts) and the statements on them.
import type { Executor } from '../../platform/db/database.js';

export const EXPERT_STATES = ['active', 'suspended', 'retired'] as const;
export type ExpertStatus = (typeof EXPERT_STATES)[number];

export const TIE_KINDS = ['employment', 'boardSeat', 'control', 'closeFamily', 'other'] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export interface ExpertTable {
  id: string;
  user_id: string;
  name: string;
  employer: string;
  title: string | null;
  status: ExpertStatus;
  unavailable_until: string | null;
  joined_on: string;
  created_at: string;
  created_by: string | null;
}

export interface ExpertSpecialtyTable {
  expert_id: string;
  domain: string;
}

export interface ExpertTieTable {
  id: string;
  expert_id: string;
  organization_id: string;
  kind: TieKind;
  started_on: string | null;
  ended_on: string | null;
  note: string | null;
  declared_at: string;
  declared_by: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    experts: ExpertTable;
    expert_specialties: ExpertSpecialtyTable;
    expert_ties: ExpertTieTable;
  }
}

export async function findExpertOfUser(db: Executor, userId: string): Promise<ExpertTable | undefined> {
  return db.selectFrom('experts').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function findExpert(db: Executor, id: string): Promise<ExpertTable | undefined> {
  return db.selectFrom('experts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The expert, held until the transaction ends (a change of standing or declarations decides on it). */
export async function holdExpert(db: Executor, id: string): Promise<ExpertTable | undefined> {
  return db.selectFrom('experts').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertExpert(
  db: Executor,
  row: ExpertTable,
  domains: readonly string[],
): Promise<void> {
  await db.insertInto('experts').values(row).execute();
  if (domains.length > 0)
    await db
      .insertInto('expert_specialties')
      .values(domains.map((domain) => ({ expert_id: row.id, domain })))
      .execute();
}

export async function setAvailability(db: Executor, id: string, until: string | null): Promise<void> {
  await db.updateTable('experts').set({ unavailable_until: until }).where('id', '=', id).execute();
}

export async function insertTie(db: Executor, row: ExpertTieTable): Promise<void> {
  await db.insertInto('expert_ties').values(row).execute();
}

export async function specialtiesOf(db: Executor, expertIds: readonly string[]) {
  if (expertIds.length === 0) return [];
  return db
    .selectFrom('expert_specialties')
    .selectAll()
    .where('expert_id', 'in', [...expertIds])
    .orderBy('expert_id')
    .orderBy('domain')
    .execute();
}

export async function tiesOfExpert(db: Executor, expertId: string) {
  return db
    .selectFrom('expert_ties as t')
    .innerJoin('organizations as o', 'o.id', 't.organization_id')
    .selectAll('t')
    .select('o.name as organization_name')
    .where('t.expert_id', '=', expertId)
    .orderBy('t.declared_at')
    .orderBy('t.id')
    .execute();
}

/** Active experts with a specialty, available on `onDate`, in ascending id. */
export async function activeExpertsIn(db: Executor, domain: string, onDate: string) {
  return db
    .selectFrom('experts as e')
    .innerJoin('expert_specialties as s', 's.expert_id', 'e.id')
    .select(['e.id', 'e.name', 'e.employer'])
    .where('s.domain', '=', domain)
    .where('e.status', '=', 'active')
    .where((eb) => eb.or([eb('e.unavailable_until', 'is', null), eb('e.unavailable_until', '<', onDate)]))
    .orderBy('e.id')
    .execute();
}

/** Declared ties of these experts to any of these organizations. */
export async function tiesBetween(
  db: Executor,
  expertIds: readonly string[],
  organizationIds: readonly string[],
) {
  if (expertIds.length === 0 || organizationIds.length === 0) return [];
  return db
    .selectFrom('expert_ties')
    .selectAll()
    .where('expert_id', 'in', [...expertIds])
    .where('organization_id', 'in', [...organizationIds])
    .orderBy('expert_id')
    .orderBy('id')
    .execute();
}

export async function listExperts(db: Executor, limit: number, offset: number) {
  const [rows, total] = await Promise.all([
    db.selectFrom('experts').selectAll().orderBy('name').orderBy('id').limit(limit).offset(offset).execute(),
    db
      .selectFrom('experts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/**
 * The panels an expert was invited to (panel_members, procurement's table, read here so the pool does
 * not import procurement): only those revealed, unless `includeUnrevealed` (the expert's own view).
 */
export async function panelsOfExpert(db: Executor, expertId: string, includeUnrevealed: boolean) {
  let q = db
    .selectFrom('panel_members as m')
    .innerJoin('evaluation_panels as p', 'p.id', 'm.panel_id')
    .innerJoin('procurement_projects as pr', 'pr.id', 'p.project_id')
    .select([
      'm.id',
      'm.status',
      'm.position',
      'p.round',
      'p.revealed_at',
      'p.reveal_record_id',
      'pr.id as project_id',
      'pr.title',
    ])
    .where('m.expert_id', '=', expertId);
  if (!includeUnrevealed) q = q.where('p.revealed_at', 'is not', null);
  return q.orderBy('m.id', 'desc').limit(100).execute();
}
