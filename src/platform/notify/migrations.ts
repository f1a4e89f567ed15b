import type { GongshiMigration } from '../db/migrator.js';

/** In-platform messages to organizations (e-mail comes with the notifications issue). */
export const messagesMigration: GongshiMigration = {
  name: '2026-11-26-06-messages',
  async up(db) {
    await db.schema
      .createTable('messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
      .addColumn('subject_key', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull())
      .addColumn('link', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .addColumn('read_by', 'text')
      .execute();
    await db.schema
      .createIndex('messages_org')
      .on('messages')
      .columns(['organization_id', 'created_at'])
      .execute();
  },
};
