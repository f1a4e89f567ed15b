// Migrations run at start on both databases. The platform's live in platform/migrations (which lists
// those of documents and notify too); each domain module exports its own from its index.ts, and app.ts's
// `allMigrations()` hands them all to `migrate()`. Names sort in the
// order they must run ("YYYY-MM-DD-NN-what"), across platform and modules alike.
import { Migrator, type Kysely, type Migration, type MigrationResult } from 'kysely';
import type { Db, DialectName } from './database.js';
import { dialectAdapter } from './dialects/index.js';

export interface GongshiMigration {
  name: string;
  // Migrations are written against the schema as it was, not the current `Database` type.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  up(db: Kysely<any>, dialect: DialectName): Promise<void>;
}

export class MigrationError extends Error {
  constructor(
    message: string,
    readonly results: MigrationResult[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export async function migrate(db: Db, all: readonly GongshiMigration[]): Promise<string[]> {
  const migrations: Record<string, Migration> = {};
  for (const m of all) {
    if (migrations[m.name]) throw new Error(`two migrations are named ${m.name}`);
    migrations[m.name] = { up: (k) => m.up(k, db.dialect) };
  }
  // On PostgreSQL, name the schema the migration tables live in: otherwise Kysely looks for them in
  // every schema and may take another schema's tables (several schemas in one database) for ours.
  const schema = await dialectAdapter(db.dialect).migrationTableSchema(db.kysely);
  const migrator = new Migrator({
    db: db.kysely,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(
      `migration ${failed} failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`,
      results,
      { cause: error },
    );
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
