// The use-case context (architecture rule 3): the open transaction, who acts, and the time.
import type { Transaction } from 'kysely';
import type { Actor } from './auth/roles.js';
import type { Db, DialectName } from './db/database.js';
import type { Database } from './db/schema.js';
import type { PublishHooks } from './publish/hooks.js';
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

/** Runs `fn` as one use-case: one transaction, committed when it returns, rolled back when it throws. */
export function runUseCase<T>(runtime: Runtime, caller: Caller, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return runtime.db.kysely.transaction().execute((trx) =>
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
}
