// Runs a suite against each database: SQLite always, PostgreSQL when TEST_DATABASE_URL is set (and in CI,
// where a missing PostgreSQL fails the run instead of skipping). Each suite gets a fresh database: an
// in-memory SQLite file, or a new PostgreSQL database next to TEST_DATABASE_URL's, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { allMigrations } from '../app.js';
import { testSettings } from '../platform/config.js';
import { createDatabase, type Db, type DialectName } from '../platform/db/database.js';
import { migrate } from '../platform/db/migrator.js';

export interface TestDatabase {
  dialect: DialectName;
  db: Db;
  /** For PostgreSQL: the URL (and schema), so another process can open the same database. */
  postgres?: { url: string; schema: string };
}

const settings = testSettings();

export function dialectsUnderTest(): DialectName[] {
  if (settings.postgresUrl) return ['sqlite', 'postgres'];
  if (settings.requirePostgres) {
    throw new Error(
      'CI is set but TEST_DATABASE_URL is not: the PostgreSQL half of the tests cannot be skipped in CI',
    );
  }
  return ['sqlite'];
}

export async function openTestDatabase(
  dialect: DialectName,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase & { drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const db = createDatabase({ kind: 'sqlite', file: ':memory:' });
    if (options.migrate !== false) await migrate(db, allMigrations());
    return { dialect, db, drop: () => db.destroy() };
  }
  // A database of its own per suite (not a schema): suites run in parallel, and PostgreSQL's catalog
  // queries (Kysely's migrator introspects every schema) trip over schemas another suite is dropping.
  const adminUrl = settings.postgresUrl!;
  const name = `gongshi_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  // Ten connections: the race walk (races.ts) sends eight requests at once, each in its own transaction.
  const db = createDatabase({ kind: 'postgres', url: url.toString() }, { max: 10 });
  if (options.migrate !== false) await migrate(db, allMigrations());
  return {
    dialect,
    db,
    postgres: { url: url.toString(), schema: 'public' },
    drop: async () => {
      await db.destroy();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

/** `describe` once per database; `get()` returns that run's migrated database. */
export function describeEachDatabase(title: string, suite: (get: () => TestDatabase) => void): void {
  for (const dialect of dialectsUnderTest()) {
    describe(`${title} [${dialect}]`, () => {
      let current: (TestDatabase & { drop(): Promise<void> }) | undefined;
      beforeAll(async () => {
        current = await openTestDatabase(dialect);
      });
      afterAll(async () => {
        await current?.drop();
      });
      suite(() => {
        if (!current) throw new Error('database not open yet');
        return current;
      });
    });
  }
}
