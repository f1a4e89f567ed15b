// The SQL of procurement projects: their lots, documents and invited suppliers.
import type { Executor } from '../../../platform/db/database.js';
import type { ProjectStatus } from './project.lifecycle.js';

export interface ProjectTable {
  id: string;
  /** 项目编号 (project-number.rules.ts). */
  number: string;
  department_id: string;
  district_code: string | null;
  intention_id: string;
  title: string;
  method: string;
  budget_fen: number;
  status: ProjectStatus;
  notice_date: string | null;
  deadline: string | null;
  created_at: string;
  created_by: string | null;
  sealing_public_key: string | null;
  sealing_wrapped_key: string | null;
  /** Which key-encryption key wrapped it (keyEncryptionKeyId). */
  sealing_key_id: string | null;
  follows_project_id: string | null;
  opened_at: string | null;
  restart_basis: string | null;
  /** Invited tender: how the invited suppliers were chosen (87号令 Art 14). */
  invitation_basis: string | null;
}

export interface InvitationTable {
  project_id: string;
  organization_id: string;
  invited_at: string;
}

export interface LotTable {
  project_id: string;
  number: number;
  title: string;
  budget_fen: number;
  /** After opening: whether the lot had enough responses to go on. */
  outcome: 'proceeds' | 'failed' | null;
}

export interface ProjectDocumentTable {
  project_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  added_at: string;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    procurement_documents: ProjectDocumentTable;
    procurement_projects: ProjectTable;
    procurement_lots: LotTable;
    procurement_invitations: InvitationTable;
  }
}

export async function insertProject(
  db: Executor,
  row: ProjectTable,
  lots: readonly LotTable[],
): Promise<void> {
  await db.insertInto('procurement_projects').values(row).execute();
  await db
    .insertInto('procurement_lots')
    .values([...lots])
    .execute();
}

export async function findProject(db: Executor, id: string): Promise<ProjectTable | undefined> {
  const row = await db.selectFrom('procurement_projects').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

/**
 * The project, held until the transaction ends (architecture: a use-case decides on a row it holds), so
 * that two requests deciding on its state, its documents, its invitations or its objections run one
 * after the other, the second seeing what the first did.
 */
export async function holdProject(db: Executor, id: string): Promise<ProjectTable | undefined> {
  const row = await db
    .selectFrom('procurement_projects')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

/** Changes a project's details; its status changes only through transition() (project.lifecycle.ts). */
export async function updateProject(
  db: Executor,
  id: string,
  changes: Partial<Omit<ProjectTable, 'id' | 'status'>>,
): Promise<void> {
  await db.updateTable('procurement_projects').set(changes).where('id', '=', id).execute();
}

export async function replaceInvitations(
  db: Executor,
  projectId: string,
  rows: readonly InvitationTable[],
): Promise<void> {
  await db.deleteFrom('procurement_invitations').where('project_id', '=', projectId).execute();
  if (rows.length > 0)
    await db
      .insertInto('procurement_invitations')
      .values([...rows])
      .execute();
}

/** The suppliers invited to a project, by name. */
export async function invitationsOf(db: Executor, projectId: string) {
  return db
    .selectFrom('procurement_invitations as i')
    .innerJoin('organizations as o', 'o.id', 'i.organization_id')
    .select(['i.organization_id', 'i.invited_at', 'o.name', 'o.uscc'])
    .where('i.project_id', '=', projectId)
    .orderBy('o.name')
    .execute();
}

export async function isInvited(db: Executor, projectId: string, organizationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('procurement_invitations')
    .select('organization_id')
    .where('project_id', '=', projectId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The project that follows a failed one, if one was opened. */
export async function followerOf(db: Executor, projectId: string): Promise<ProjectTable | undefined> {
  const row = await db
    .selectFrom('procurement_projects')
    .selectAll()
    .where('follows_project_id', '=', projectId)
    .executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

export async function lotsOf(db: Executor, projectId: string): Promise<LotTable[]> {
  const rows = await db
    .selectFrom('procurement_lots')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ ...r, number: Number(r.number), budget_fen: Number(r.budget_fen) }));
}

export async function setLotOutcome(
  db: Executor,
  projectId: string,
  number: number,
  outcome: LotTable['outcome'],
): Promise<void> {
  await db
    .updateTable('procurement_lots')
    .set({ outcome })
    .where('project_id', '=', projectId)
    .where('number', '=', number)
    .execute();
}

export async function projectsOfDepartments(db: Executor, departmentIds: readonly string[] | undefined) {
  let query = db
    .selectFrom('procurement_projects as p')
    .innerJoin('organizations as o', 'o.id', 'p.department_id')
    .selectAll('p')
    .select('o.name as department_name');
  if (departmentIds) {
    if (departmentIds.length === 0) return [];
    query = query.where('p.department_id', 'in', departmentIds);
  }
  const rows = await query.orderBy('p.created_at', 'desc').limit(500).execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}

export async function documentsOf(db: Executor, projectId: string): Promise<ProjectDocumentTable[]> {
  const rows = await db
    .selectFrom('procurement_documents')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('added_at')
    .execute();
  return rows.map((r) => ({ ...r, size: Number(r.size) }));
}

export async function insertProjectDocument(db: Executor, row: ProjectDocumentTable): Promise<void> {
  await db.insertInto('procurement_documents').values(row).execute();
}

export async function deleteProjectDocument(
  db: Executor,
  projectId: string,
  sha256: string,
): Promise<number> {
  const result = await db
    .deleteFrom('procurement_documents')
    .where('project_id', '=', projectId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Projects open for responses on `today` (deadline not passed), soonest deadline first; a single source
 * only for its approved supplier (among `supplierIds`).
 */
export async function openOpportunities(
  db: Executor,
  filter: {
    today: string;
    district?: string | undefined;
    method?: string | undefined;
    supplierIds?: readonly string[];
  },
) {
  const suppliers = filter.supplierIds ?? [];
  let query = db
    .selectFrom('procurement_projects as p')
    .innerJoin('organizations as o', 'o.id', 'p.department_id')
    .selectAll('p')
    .select(['o.name as department_name', 'o.name_en as department_name_en'])
    .where('p.status', '=', 'open')
    .where((eb) =>
      suppliers.length === 0
        ? eb('p.method', 'not in', ['singleSource', 'invitedTender'])
        : eb.or([
            eb('p.method', 'not in', ['singleSource', 'invitedTender']),
            eb.exists(
              eb
                .selectFrom('single_source_requests as r')
                .select('r.project_id')
                .whereRef('r.project_id', '=', 'p.id')
                .where('r.supplier_id', 'in', [...suppliers]),
            ),
            eb.exists(
              eb
                .selectFrom('procurement_invitations as i')
                .select('i.project_id')
                .whereRef('i.project_id', '=', 'p.id')
                .where('i.organization_id', 'in', [...suppliers]),
            ),
          ]),
    )
    .where('p.deadline', '>=', filter.today);
  if (filter.district) query = query.where('p.district_code', '=', filter.district);
  if (filter.method) query = query.where('p.method', '=', filter.method);
  const rows = await query.orderBy('p.deadline').orderBy('p.id').limit(200).execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}

/** Projects open for responses, with their notice date and deadline (the calendar check on a new year). */
export async function openProjectsWithDeadline(db: Executor) {
  return db
    .selectFrom('procurement_projects')
    .select(['id', 'title', 'method', 'department_id', 'notice_date', 'deadline'])
    .where('status', '=', 'open')
    .where('notice_date', 'is not', null)
    .where('deadline', 'is not', null)
    .orderBy('id')
    .execute();
}

/** The highest sequence given so far in a project-number scope (0 for none). */
export async function lastNumberInScope(db: Executor, scope: string): Promise<number> {
  const rows = await db
    .selectFrom('procurement_projects')
    .select('number')
    .where('number', 'like', `${scope}-%`)
    .execute();
  return rows.reduce((max, r) => Math.max(max, Number(r.number.slice(scope.length + 1))), 0);
}
