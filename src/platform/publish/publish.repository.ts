import { sql } from 'kysely';
import type { Executor } from '../db/database.js';
import type { LogEntryTable, LogTreeHeadTable, PublicRecordTable } from '../db/schema.js';

export async function lastLogEntry(db: Executor): Promise<LogEntryTable | undefined> {
  return db.selectFrom('log_entries').selectAll().orderBy('idx', 'desc').limit(1).executeTakeFirst();
}

export async function insertPublicRecord(db: Executor, record: PublicRecordTable): Promise<void> {
  await db.insertInto('public_records').values(record).execute();
}

export async function findPublicRecord(db: Executor, id: string): Promise<PublicRecordTable | undefined> {
  return db.selectFrom('public_records').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The record, held until the transaction ends, for a use-case that decides on it (e.g. correcting it). */
export async function findPublicRecords(db: Executor, ids: readonly string[]): Promise<PublicRecordTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('public_records')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function holdPublicRecord(db: Executor, id: string): Promise<PublicRecordTable | undefined> {
  return db.selectFrom('public_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
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

// ---- the Merkle tree ----

export interface SubtreeRef {
  level: number;
  index: number;
}

/**
 * The stored hashes of complete subtrees, keyed "level:index". Level 0 is the leaves (log_entries);
 * higher levels are log_nodes. One query per table, however many subtrees.
 */
export async function subtreeHashes(db: Executor, refs: readonly SubtreeRef[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const leaves = [...new Set(refs.filter((r) => r.level === 0).map((r) => r.index))];
  const nodes = refs.filter((r) => r.level > 0);
  // One statement for every proof: a few dozen (level, idx) pairs by primary key. The row-value list
  // `(level, idx) in ((…), (…))` reads the same on SQLite and PostgreSQL, which types the parameters
  // from the columns.
  const parts = [];
  if (leaves.length > 0) {
    parts.push(
      sql`select 0 as level, idx, leaf_hash as hash from log_entries where idx in (${sql.join(leaves)})`,
    );
  }
  if (nodes.length > 0) {
    const pairs = sql.join(nodes.map((n) => sql`(${n.level}, ${n.index})`));
    parts.push(sql`select level, idx, hash from log_nodes where (level, idx) in (${pairs})`);
  }
  if (parts.length === 0) return out;
  const rows = await sql<{
    level: number;
    idx: number;
    hash: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  for (const r of rows.rows) out.set(`${Number(r.level)}:${Number(r.idx)}`, r.hash);
  return out;
}

export async function insertLogNodes(
  db: Executor,
  rows: { level: number; idx: number; hash: string }[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('log_nodes')
      .values(rows.slice(i, i + 500))
      .execute();
}

export async function insertLogEntries(db: Executor, rows: LogEntryTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 250)
    await db
      .insertInto('log_entries')
      .values(rows.slice(i, i + 250))
      .execute();
}

export async function latestTreeHead(db: Executor): Promise<LogTreeHeadTable | undefined> {
  return db.selectFrom('log_tree_heads').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst();
}

export async function treeHeadOfSize(db: Executor, size: number): Promise<LogTreeHeadTable | undefined> {
  return db.selectFrom('log_tree_heads').selectAll().where('tree_size', '=', size).executeTakeFirst();
}

export async function insertTreeHead(db: Executor, head: LogTreeHeadTable): Promise<void> {
  await db.insertInto('log_tree_heads').values(head).execute();
}

export async function listTreeHeads(db: Executor, limit: number): Promise<LogTreeHeadTable[]> {
  return db.selectFrom('log_tree_heads').selectAll().orderBy('tree_size', 'desc').limit(limit).execute();
}
