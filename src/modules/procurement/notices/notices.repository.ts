// The SQL of procurement notices (each one published, never changed).
import type { Executor } from '../../../platform/db/database.js';
import type { ProjectTable } from '../projects/projects.repository.js';

export interface NoticeTable {
  id: string;
  project_id: string;
  kind: 'tender' | 'correction' | 'termination' | 'singleSource' | 'opening' | 'failure' | 'award';
  notice_date: string;
  deadline: string | null;
  moved_from: string | null;
  text: string;
  published_at: string;
  public_record_id: string;
}

declare module '../../../platform/db/schema.js' {
  interface Database {
    procurement_notices: NoticeTable;
  }
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
