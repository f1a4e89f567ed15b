import { sql } from 'kysely';
import type { GongshiMigration } from '../migrator.js';
import { makeInsertOnly } from './insert-only.js';

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
    }
    await makeInsertOnly(db, dialect, ['public_records', 'log_entries']);
  },
};
