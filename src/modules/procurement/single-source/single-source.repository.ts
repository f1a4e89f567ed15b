// The SQL of single-source requests and the objections to them.
import type { Executor } from '../../../platform/db/database.js';
import type { SingleSourceStatus } from './single-source.lifecycle.js';

export interface SingleSourceTable {
  /** The project's id: one request per project (the lifecycle's row id). */
  id: string;
  project_id: string;
  supplier_id: string;
  ground: string;
  justification: string;
  status: SingleSourceStatus;
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

declare module '../../../platform/db/schema.js' {
  interface Database {
    single_source_requests: SingleSourceTable;
    single_source_objections: ObjectionTable;
  }
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

export async function insertSingleSource(db: Executor, row: SingleSourceTable): Promise<void> {
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
