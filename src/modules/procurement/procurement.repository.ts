// The only place with SQL for procurement projects, their lots and their notices.
import type { Executor } from '../../platform/db/database.js';

export interface ProjectTable {
  id: string;
  department_id: string;
  district_code: string | null;
  intention_id: string;
  title: string;
  method: string;
  budget_fen: number;
  status: 'draft' | 'open' | 'terminated';
  notice_date: string | null;
  deadline: string | null;
  created_at: string;
  created_by: string | null;
}

export interface LotTable {
  project_id: string;
  number: number;
  title: string;
  budget_fen: number;
}

export interface NoticeTable {
  id: string;
  project_id: string;
  kind: 'tender' | 'correction' | 'termination' | 'singleSource';
  notice_date: string;
  deadline: string | null;
  moved_from: string | null;
  text: string;
  published_at: string;
  public_record_id: string;
}

export interface ProjectDocumentTable {
  project_id: string;
  sha256: string;
  name: string;
  media_type: string;
  size: number;
  added_at: string;
}

export interface SingleSourceTable {
  project_id: string;
  supplier_id: string;
  ground: string;
  justification: string;
  status: 'requested' | 'approved' | 'rejected';
  requested_at: string;
  decided_at: string | null;
  decided_by: string | null;
  decision_note: string | null;
  notice_date: string | null;
  objections_until: string | null;
  public_record_id: string | null;
}

export interface ObjectionTable {
  id: string;
  project_id: string;
  text: string;
  submitted_at: string;
  record_id: string;
  answer: string | null;
  answered_at: string | null;
  answer_record_id: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    single_source_requests: SingleSourceTable;
    single_source_objections: ObjectionTable;
    procurement_documents: ProjectDocumentTable;
    procurement_projects: ProjectTable;
    procurement_lots: LotTable;
    procurement_notices: NoticeTable;
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

export async function updateProject(
  db: Executor,
  id: string,
  changes: Partial<Omit<ProjectTable, 'id'>>,
): Promise<void> {
  await db.updateTable('procurement_projects').set(changes).where('id', '=', id).execute();
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

export async function insertNotice(db: Executor, row: NoticeTable): Promise<void> {
  await db.insertInto('procurement_notices').values(row).execute();
}

export async function noticesOf(db: Executor, projectId: string): Promise<NoticeTable[]> {
  return db
    .selectFrom('procurement_notices')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('published_at')
    .orderBy('id')
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

export interface NoticeFilter {
  kind?: string | undefined;
  method?: string | undefined;
  status?: string | undefined;
  district?: string | undefined;
  limit: number;
  offset: number;
}

/** Published notices with their project, newest first. */
export async function listNotices(db: Executor, filter: NoticeFilter) {
  let query = db
    .selectFrom('procurement_notices as n')
    .innerJoin('procurement_projects as p', 'p.id', 'n.project_id')
    .innerJoin('organizations as o', 'o.id', 'p.department_id');
  if (filter.kind) query = query.where('n.kind', '=', filter.kind as NoticeTable['kind']);
  if (filter.method) query = query.where('p.method', '=', filter.method);
  if (filter.status) query = query.where('p.status', '=', filter.status as ProjectTable['status']);
  if (filter.district) query = query.where('p.district_code', '=', filter.district);
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await query
    .select([
      'n.id',
      'n.kind',
      'n.notice_date',
      'n.deadline',
      'n.moved_from',
      'n.published_at',
      'n.public_record_id',
      'p.id as project_id',
      'p.title',
      'p.method',
      'p.status',
      'p.budget_fen',
      'p.district_code',
      'o.name as department_name',
    ])
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { total, items: rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) })) };
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

export async function findSingleSource(
  db: Executor,
  projectId: string,
): Promise<SingleSourceTable | undefined> {
  return db
    .selectFrom('single_source_requests')
    .selectAll()
    .where('project_id', '=', projectId)
    .executeTakeFirst();
}

export async function saveSingleSource(db: Executor, row: SingleSourceTable): Promise<void> {
  await db.deleteFrom('single_source_requests').where('project_id', '=', row.project_id).execute();
  await db.insertInto('single_source_requests').values(row).execute();
}

export async function objectionsOf(db: Executor, projectId: string): Promise<ObjectionTable[]> {
  return db
    .selectFrom('single_source_objections')
    .selectAll()
    .where('project_id', '=', projectId)
    .orderBy('submitted_at')
    .orderBy('id')
    .execute();
}

export async function insertObjection(db: Executor, row: ObjectionTable): Promise<void> {
  await db.insertInto('single_source_objections').values(row).execute();
}

export async function answerObjectionRow(
  db: Executor,
  id: string,
  changes: { answer: string; answered_at: string; answer_record_id: string },
): Promise<void> {
  await db.updateTable('single_source_objections').set(changes).where('id', '=', id).execute();
}

/** Single-source requests waiting for the finance bureau, oldest first. */
export async function pendingSingleSource(db: Executor) {
  const rows = await db
    .selectFrom('single_source_requests as r')
    .innerJoin('procurement_projects as p', 'p.id', 'r.project_id')
    .innerJoin('organizations as d', 'd.id', 'p.department_id')
    .innerJoin('organizations as s', 's.id', 'r.supplier_id')
    .select([
      'p.id',
      'p.title',
      'p.budget_fen',
      'r.ground',
      'r.requested_at',
      'd.name as department_name',
      's.name as supplier_name',
    ])
    .where('r.status', '=', 'requested')
    .orderBy('r.requested_at')
    .execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}

/** Projects open for responses on `today` (deadline not passed), soonest deadline first. */
export async function openOpportunities(
  db: Executor,
  filter: { today: string; district?: string | undefined; method?: string | undefined },
) {
  let query = db
    .selectFrom('procurement_projects as p')
    .innerJoin('organizations as o', 'o.id', 'p.department_id')
    .selectAll('p')
    .select(['o.name as department_name', 'o.name_en as department_name_en'])
    .where('p.status', '=', 'open')
    .where('p.method', '!=', 'singleSource')
    .where('p.deadline', '>=', filter.today);
  if (filter.district) query = query.where('p.district_code', '=', filter.district);
  if (filter.method) query = query.where('p.method', '=', filter.method);
  const rows = await query.orderBy('p.deadline').orderBy('p.id').limit(200).execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}
