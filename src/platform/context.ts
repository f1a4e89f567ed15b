// The use-case context (architecture rule 3): the open transaction, who acts, and the time.
import type { Transaction } from 'kysely';
import type { Actor } from './access/roles.js';
import type { Db, DialectName } from './db/database.js';
import type { Database } from './db/schema.js';
import { fieldOfColumn, isRetryable, uniqueViolationOf, type UniqueViolation } from './db/db-errors.js';
import { AppError } from './errors.js';
import type { Clock } from './time/clock.js';

export interface Ctx {
  readonly trx: Transaction<Database>;
  readonly dialect: DialectName;
  readonly actor: Actor;
  /** The moment the use-case runs; every timestamp it writes uses this. */
  readonly now: Date;
  readonly clock: Clock;
  readonly hooks: PublishHooks;
  readonly requestId: string | null;
  readonly ip: string | null;
}

/** What a use-case runner needs; built once by app.ts (or a CLI command, or a test). */
export interface Runtime {
  readonly db: Db;
  readonly clock: Clock;
  readonly hooks: PublishHooks;
}

export interface Caller {
  actor: Actor;
  requestId?: string | null;
  ip?: string | null;
}

/** How often a use-case that PostgreSQL rolled back for a deadlock or serialization failure runs again. */
const ATTEMPTS = 3;

/**
 * Runs `fn` as one use-case: one transaction, committed when it returns, rolled back when it throws.
 * A unique key that the use-case collided with (two requests racing for the same e-mail or credit code)
 * becomes a 409 naming the field, never a 500 carrying the value; a deadlock, which rolled everything
 * back, runs the use-case again.
 */
export async function runUseCase<T>(
  runtime: Runtime,
  caller: Caller,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runtime.db.kysely.transaction().execute((trx) =>
        fn({
          trx,
          dialect: runtime.db.dialect,
          actor: caller.actor,
          now: runtime.clock.now(),
          clock: runtime.clock,
          hooks: runtime.hooks,
          requestId: caller.requestId ?? null,
          ip: caller.ip ?? null,
        }),
      );
    } catch (error) {
      if (isRetryable(error) && attempt < ATTEMPTS) continue;
      const unique = uniqueViolationOf(error);
      if (unique) throw duplicateOf(unique);
      throw error;
    }
  }
}

function duplicateOf(unique: UniqueViolation): AppError {
  const column = unique.columns.at(-1);
  const field = column ? fieldOfColumn(column) : '_form';
  return new AppError(409, 'duplicate', 'error.duplicate', {}, [{ field, key: 'error.duplicateValue' }]);
}

/**
 * A record as publish() made it, handed to the publish hooks. Declared here with the hooks, which every
 * use-case context carries, so that the context imports nothing of publish/ (publish/hooks.ts re-exports
 * them).
 */
export interface PublishedRecord {
  id: string;
  kind: string;
  subjectId: string;
  title: string;
  content: unknown;
  contentHash: string;
  publishedAt: string;
  logIndex: number;
  supersedes: string | null;
}

export type PublishHook = (ctx: Ctx, record: PublishedRecord) => Promise<void>;

/**
 * Hooks that modules register at start (the portal's search index, notifications). They run inside
 * publish()'s transaction, so a record, its log leaf and its index entries exist together or not at all.
 */
export class PublishHooks {
  private readonly hooks: { name: string; hook: PublishHook }[] = [];

  register(name: string, hook: PublishHook): void {
    if (this.hooks.some((h) => h.name === name)) throw new Error(`publish hook ${name} is registered twice`);
    this.hooks.push({ name, hook });
  }

  async run(ctx: Ctx, record: PublishedRecord): Promise<void> {
    for (const { hook } of this.hooks) await hook(ctx, record);
  }

  names(): string[] {
    return this.hooks.map((h) => h.name);
  }
}
