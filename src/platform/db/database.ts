// One Kysely instance over either SQLite (better-sqlite3, WAL) or PostgreSQL (pg).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type Transaction,
} from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../config.js';
import { SqliteRowLocksPlugin } from './row-locks.js';
import { StatusWritesPlugin } from './status-writes.js';
import type { Database } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** A Kysely handle: the whole database or one open transaction. */
export type Executor = Kysely<Database> | Transaction<Database>;

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: DialectName;
  destroy(): Promise<void>;
}

// PostgreSQL returns bigint (int8) and numeric counts as strings; money in fen and log indices are
// well inside Number's safe range, so parse them as numbers and refuse anything that is not.
pg.types.setTypeParser(20, (value: string) => {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`bigint value ${value} is outside the safe integer range`);
  return n;
});

/**
 * Kysely's SQLite driver opens transactions with a deferred BEGIN. A deferred transaction that reads
 * and then writes can fail with SQLITE_BUSY when another process (a CLI command next to the server)
 * wrote in between; BEGIN IMMEDIATE takes the write lock up front and waits for busy_timeout instead.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly sqliteConfig: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(sqliteConfig);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqliteConfig);
  }
}

export function openSqlite(file: string): SqliteDatabase.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/**
 * Kysely's SQLite driver prepares every statement anew; preparing is a large share of a short query's
 * cost (measured: bench/credit.mjs). Kysely compiles the same SQL text for the same query shape, so the
 * prepared statements are kept, up to a bound, and reused. Reuse is safe: better-sqlite3 is synchronous
 * and Kysely runs one query at a time on its single connection; SQLite re-prepares a cached statement
 * itself after a schema change.
 */
const STATEMENT_CACHE_SIZE = 500;

function withStatementCache(sqlite: SqliteDatabase.Database) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => {
      cache.clear();
      sqlite.close();
    },
    prepare: (sql: string) => {
      let stmt = cache.get(sql);
      if (stmt) {
        // Most recently used last, so the oldest is evicted first.
        cache.delete(sql);
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt;
    },
  };
}

export interface PostgresOptions {
  /** Schema to put first on the search path (tests use one schema per suite). */
  schema?: string;
  max?: number;
}

export function createDatabase(config: DatabaseConfig, options: PostgresOptions = {}): Db {
  if (config.kind === 'sqlite') {
    const sqlite = openSqlite(config.file);
    const kysely = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }),
      plugins: [new StatusWritesPlugin(), new SqliteRowLocksPlugin()],
    });
    return { kysely, dialect: 'sqlite', destroy: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  const kysely = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new StatusWritesPlugin()],
  });
  return { kysely, dialect: 'postgres', destroy: () => kysely.destroy() };
}
