import type { GongshiMigration } from '../db/migrator.js';
import { makeInsertOnly } from '../db/insert-only.js';

/**
 * Every status change of every declared lifecycle (platform/lifecycle): which row, which transition, from
 * and to, who, when and why. Written by transition() in the same transaction as the change; never updated or deleted (triggers refuse it).
 */
export const statusEventsMigration: GongshiMigration = {
  name: '2026-12-02-04-status-events',
  async up(db, dialect) {
    await db.schema
      .createTable('status_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lifecycle', 'text', (c) => c.notNull())
      .addColumn('subject_id', 'text', (c) => c.notNull())
      .addColumn('transition', 'text', (c) => c.notNull())
      .addColumn('from_status', 'text', (c) => c.notNull())
      .addColumn('to_status', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_name', 'text', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('record_id', 'text')
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('status_events_subject')
      .on('status_events')
      .columns(['lifecycle', 'subject_id', 'at'])
      .execute();
    await makeInsertOnly(db, dialect, ['status_events']);
  },
};
