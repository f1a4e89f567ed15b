import type { Executor } from '../db/database.js';
import type { LogEntryTable, PublicRecordTable } from '../db/schema.js';

export async function lastLogEntry(db: Executor): Promise<LogEntryTable | undefined> {
  return db.selectFrom('log_entries').selectAll().orderBy('idx', 'desc').limit(1).executeTakeFirst();
}

export async function insertLogEntry(db: Executor, entry: LogEntryTable): Promise<void> {
  await db.insertInto('log_entries').values(entry).execute();
}

export async function insertPublicRecord(db: Executor, record: PublicRecordTable): Promise<void> {
  await db.insertInto('public_records').values(record).execute();
}

export async function findPublicRecord(db: Executor, id: string): Promise<PublicRecordTable | undefined> {
  return db.selectFrom('public_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLogEntry(db: Executor, idx: number): Promise<LogEntryTable | undefined> {
  return db.selectFrom('log_entries').selectAll().where('idx', '=', idx).executeTakeFirst();
}

export async function logEntries(db: Executor, start: number, end: number): Promise<LogEntryTable[]> {
  return db
    .selectFrom('log_entries')
    .selectAll()
    .where('idx', '>=', start)
    .where('idx', '<', end)
    .orderBy('idx')
    .execute();
}

export interface RecordListFilter {
  kind?: string;
  subjectId?: string;
  limit: number;
  offset: number;
}

export async function listPublicRecords(
  db: Executor,
  filter: RecordListFilter,
): Promise<{ rows: PublicRecordTable[]; total: number }> {
  let q = db.selectFrom('public_records');
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.subjectId) q = q.where('subject_id', '=', filter.subjectId);
  const [rows, count] = await Promise.all([
    q.selectAll().orderBy('log_index', 'desc').limit(filter.limit).offset(filter.offset).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function recordKinds(db: Executor): Promise<{ kind: string; n: number }[]> {
  const rows = await db
    .selectFrom('public_records')
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({ kind: r.kind, n: Number(r.n) }));
}

export async function supersedingRecordIds(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('public_records')
    .select('id')
    .where('supersedes', '=', id)
    .orderBy('log_index')
    .execute();
  return rows.map((r) => r.id);
}

export async function countLogEntries(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('log_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
