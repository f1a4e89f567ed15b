// Child rows as a JSON array inside the parent's row, so that a page or API answer that needs an entity
// and its lists reads them in one statement instead of one per list. The two databases spell it
// differently (json_group_array / json_agg; architecture rule 10), and only PostgreSQL's driver parses
// the result, so callers read the column through `jsonRows`.
import { sql, type RawBuilder } from 'kysely';
import type { jsonArrayFrom as sqliteJsonArrayFrom } from 'kysely/helpers/sqlite';
import type { DialectName, Executor } from './database.js';
import { dialectAdapter } from './dialects/index.js';

const known = new WeakMap<object, DialectName>();

/**
 * The dialect behind a Kysely instance or transaction. Kysely does not expose it, but its placeholders
 * tell: PostgreSQL numbers them ($1), SQLite does not (?). Cached per instance.
 */
export function dialectOf(db: Executor): DialectName {
  let dialect = known.get(db);
  if (dialect === undefined) {
    const probe = db.selectNoFrom(sql<number>`${1}`.as('one')).compile().sql;
    dialect = probe.includes('$1') ? 'postgres' : 'sqlite';
    known.set(db, dialect);
  }
  return dialect;
}

/**
 * The rows of `subquery` (explicit selections only, no selectAll) as a JSON array column, in the
 * subquery's order. Read it with `jsonRows`.
 */
export function jsonArrayFrom<O>(
  db: Executor,
  subquery: Parameters<typeof sqliteJsonArrayFrom<O>>[0],
): RawBuilder<JsonRows<Row<O>>> {
  return dialectAdapter(dialectOf(db)).jsonArrayFrom(subquery) as RawBuilder<JsonRows<Row<O>>>;
}

/** One element of the array: the subquery's row, as JSON gives it back. */
type Row<O> = ReturnType<typeof sqliteJsonArrayFrom<O>> extends RawBuilder<(infer R)[]> ? R : never;

/** A JSON array column: parsed already (PostgreSQL) or JSON text (SQLite). */
export type JsonRows<R> = R[] | string;

export function jsonRows<R>(value: JsonRows<R>): R[] {
  return typeof value === 'string' ? (JSON.parse(value) as R[]) : value;
}
