import type { GongshiMigration } from '../db/migrator.js';
import { makeInsertOnly, prepareInsertOnly } from '../db/insert-only.js';

/**
 * Published records and log entries are never edited or deleted (architecture rule 8). The database
 * refuses it too, so a bug or a careless script cannot do it quietly; someone with the rights to drop
 * these triggers can, and the log's hashes are what catches that.
 */
export const immutablePublications: GongshiMigration = {
  name: '2026-11-26-03-immutable-publications',
  async up(db, dialect) {
    await prepareInsertOnly(db, dialect);
    await makeInsertOnly(db, dialect, ['public_records', 'log_entries']);
  },
};
