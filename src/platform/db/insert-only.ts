import type { Kysely } from 'kysely';
import type { DialectName } from './database.js';
import { dialectAdapter } from './dialects/index.js';

/**
 * Makes tables insert-only: UPDATE and DELETE are refused by triggers (on PostgreSQL through the
 * function gongshi_refuse_change, which migration 2026-11-26-03 creates with `prepareInsertOnly`). Used
 * by migrations only.
 */
export async function makeInsertOnly(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was
  db: Kysely<any>,
  dialect: DialectName,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) await dialectAdapter(dialect).makeInsertOnly(db, table);
}

/** Once, before the first insert-only table: what the dialect's triggers need (PostgreSQL: a function). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function prepareInsertOnly(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await dialectAdapter(dialect).prepareInsertOnly(db);
}
