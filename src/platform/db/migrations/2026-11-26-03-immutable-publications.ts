import { sql } from 'kysely';
import type { GongshiMigration } from '../migrator.js';

/**
 * Published records and log entries are never edited or deleted (architecture rule 8). The database
 * refuses it too, so a bug or a careless script cannot do it quietly; someone with the rights to drop
 * these triggers can, and the log's hashes are what catches that.
 */
export const immutablePublications: GongshiMigration = {
  name: '2026-11-26-03-immutable-publications',
  async up(db, dialect) {
    if (dialect === 'postgres') {
      await sql`create function gongshi_refuse_change() returns trigger language plpgsql as $$
        begin raise exception 'published records and log entries are immutable (%)', tg_table_name; end $$`.execute(
        db,
      );
      for (const table of ['public_records', 'log_entries']) {
        await sql`create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
          for each row execute function gongshi_refuse_change()`.execute(db);
      }
      return;
    }
    for (const table of ['public_records', 'log_entries']) {
      for (const event of ['update', 'delete']) {
        await sql`create trigger ${sql.raw(`${table}_no_${event}`)} before ${sql.raw(event)} on ${sql.table(table)}
          begin select raise(abort, ${sql.lit(`published records and log entries are immutable (${table})`)}); end`.execute(
          db,
        );
      }
    }
  },
};
