import type { GongshiMigration } from '../db/migrator.js';

/**
 * Submissions already taken: a form's one-time key or an API call's Idempotency-Key, per actor. The row is
 * written in the use-case's transaction, so a repeated submission (a double click, a client's retry) has
 * exactly one effect: the second finds the first's row, or waits for it on PostgreSQL.
 */
export const submissionsMigration: GongshiMigration = {
  name: '2026-12-02-01-submissions',
  async up(db) {
    await db.schema
      .createTable('submissions')
      .addColumn('actor_key', 'text', (c) => c.notNull())
      .addColumn('submission_key', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('submissions_pk', ['actor_key', 'submission_key'])
      .execute();
    await db.schema.createIndex('submissions_created').on('submissions').column('created_at').execute();
  },
};
