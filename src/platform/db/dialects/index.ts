import type { DatabaseConfig } from '../../config.js';
import type { DialectName } from '../database.js';
import type { DialectAdapter } from './adapter.js';
import { postgresAdapter } from './postgres.js';
import { sqliteAdapter } from './sqlite.js';

export type { DialectAdapter } from './adapter.js';

const ADAPTERS: Record<DialectName, DialectAdapter> = { sqlite: sqliteAdapter, postgres: postgresAdapter };

/** The adapter of a dialect: everything that differs between the two databases. */
export function dialectAdapter(dialect: DialectName): DialectAdapter {
  return ADAPTERS[dialect];
}

/** The column type of raw bytes on this dialect, for migrations (`addColumn('bytes', bytesColumn(dialect))`). */
export function bytesColumn(dialect: DialectName) {
  return ADAPTERS[dialect].bytesColumn;
}

/** How the server's start line names the database: the SQLite file, or "PostgreSQL". */
export function describeDatabase(db: { dialect: DialectName }, config: DatabaseConfig): string {
  return ADAPTERS[db.dialect].describe(config);
}
