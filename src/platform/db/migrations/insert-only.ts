import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * Makes tables insert-only: UPDATE and DELETE are refused by triggers (on PostgreSQL through the
 * function gongshi_refuse_change, which migration 2026-11-26-03 creates). Used by migrations only.
 */
export async function makeInsertOnly(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see the schema as it was
  db: Kysely<any>,
  dialect: DialectName,
  tables: readonly string[],
): Promise<void> {
  for (const table of tables) {
    if (dialect === 'postgres') {
      await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
        for each row execute function gongshi_refuse_change()`.execute(db);
      continue;
    }
    for (const event of ['update', 'delete']) {
      const message = sql.lit(`published records and log entries are immutable (${table})`);
      await sql`create trigger ${sql.raw(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
        begin select raise(abort, ${message}); end`.execute(db);
    }
  }
}
