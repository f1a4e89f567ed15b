import { bytesColumn } from '../db/dialects/index.js';
import type { GongshiMigration } from '../db/migrator.js';

/** Uploaded documents, content-addressed: one row per distinct content, keyed by its SHA-256. */
export const documentsMigration: GongshiMigration = {
  name: '2026-11-26-13-documents',
  async up(db, dialect) {
    await db.schema
      .createTable('documents')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('media_type', 'text', (c) => c.notNull())
      // In the database, not on a node's disk, so that every app node serves every document.
      .addColumn('bytes', bytesColumn(dialect), (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
  },
};
