import type { GongshiMigration } from '../../platform/db/migrator.js';
import { createSearchTables } from '../../platform/db/fulltext.js';

export const disclosureMigrations: GongshiMigration[] = [
  {
    name: '2026-11-26-02-search-index',
    up: (db, dialect) => createSearchTables(db, dialect),
  },
];
