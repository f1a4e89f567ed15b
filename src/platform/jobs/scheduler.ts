// The scheduler for time-driven transitions (architecture rule 5). A record that waits on time has a
// task row with `next_check_at`; each tick claims due tasks one by one, each in its own transaction,
// and runs the handler its module registered for that kind, in that same transaction. Several app nodes
// may tick at once against one PostgreSQL: a claimed row is locked and skipped by the others, and it is
// rescheduled or marked done before the lock is released, so each firing happens once.
import type { Ctx, Runtime } from '../context.js';
import { SYSTEM } from '../access/roles.js';
import { lockNamed } from '../db/locks.js';
import { newId } from '../ids.js';
import { runUseCase } from '../context.js';
import { transition } from '../lifecycle/lifecycle.js';
import { claimDueTask, findTask, holdTask, holdTaskOf, insertTask, updateTask } from './jobs.repository.js';
import { taskLifecycle } from './tasks.lifecycle.js';

export interface TaskRef {
  id: string;
  kind: string;
  subjectId: string;
  attempts: number;
}

/** What a handler may ask for: to be checked again at a later time. Otherwise the task is done. */
export interface TaskOutcome {
  nextCheckAt?: Date;
}

export type TaskHandler = (ctx: Ctx, task: TaskRef) => Promise<TaskOutcome | void>;

export interface ScheduleInput {
  kind: string;
  subjectId: string;
  at: Date;
  /** For housekeeping that repeats: run again this many seconds after each run. */
  intervalSeconds?: number;
}

/**
 * Creates or moves the task for (kind, subject) — inside the caller's transaction, so a record and the
 * moment it is next checked are written together.
 */
export async function scheduleTask(ctx: Ctx, input: ScheduleInput): Promise<void> {
  const existing = await holdTaskOf(ctx.trx, input.kind, input.subjectId);
  const at = input.at.toISOString();
  if (existing) {
    const changes = {
      next_check_at: at,
      attempts: 0,
      last_error: null,
      interval_seconds: input.intervalSeconds ?? null,
    };
    if (existing.status === 'pending') await updateTask(ctx.trx, existing.id, changes);
    else await transition(ctx, taskLifecycle, existing, 'reschedule', { changes });
    return;
  }
  await insertTask(ctx.trx, {
    id: newId(ctx.now),
    kind: input.kind,
    subject_id: input.subjectId,
    next_check_at: at,
    interval_seconds: input.intervalSeconds ?? null,
    status: 'pending',
    attempts: 0,
    last_error: null,
    last_run_at: null,
    created_at: ctx.now.toISOString(),
  });
}

/** Creates a repeating task unless it exists (or updates its interval); safe when several nodes start at once. */
export async function ensureRecurringTask(ctx: Ctx, kind: string, intervalSeconds: number): Promise<void> {
  await lockNamed(ctx.trx, ctx.dialect, `gongshi.task.${kind}`);
  const existing = await findTask(ctx.trx, kind, 'recurring');
  if (!existing) {
    await scheduleTask(ctx, { kind, subjectId: 'recurring', at: ctx.now, intervalSeconds });
  } else if (existing.interval_seconds !== intervalSeconds) {
    // The operator changed the interval: it applies from the next run.
    await updateTask(ctx.trx, existing.id, { interval_seconds: intervalSeconds });
  }
}

export async function cancelTask(ctx: Ctx, kind: string, subjectId: string): Promise<void> {
  const existing = await holdTaskOf(ctx.trx, kind, subjectId);
  if (existing && existing.status === 'pending') await transition(ctx, taskLifecycle, existing, 'cancel');
}

/** Waits after a failed run: 1, 2, 4 … minutes, at most an hour; after 10 failures the task stops. */
const MAX_ATTEMPTS = 10;
function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}

export interface SchedulerLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export class Scheduler {
  private readonly handlers = new Map<string, TaskHandler>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly runtime: Runtime,
    private log: SchedulerLog,
  ) {}

  /** Once the HTTP server exists, scheduler messages go to its logger. */
  useLog(log: SchedulerLog): void {
    this.log = log;
  }

  register(kind: string, handler: TaskHandler): void {
    if (this.handlers.has(kind)) throw new Error(`scheduler: a handler for ${kind} is already registered`);
    this.handlers.set(kind, handler);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }

  /** Runs every task due now (up to `limit`); returns how many fired successfully. */
  async tick(limit = 500): Promise<number> {
    const skip: string[] = [];
    let fired = 0;
    for (let i = 0; i < limit; i++) {
      const result = await this.runOne(skip);
      if (result === 'none') break;
      if (result === 'fired') fired++;
    }
    return fired;
  }

  private async runOne(skip: string[]): Promise<'none' | 'fired' | 'failed'> {
    let claimed: TaskRef | undefined;
    try {
      const outcome = await runUseCase(this.runtime, { actor: SYSTEM }, async (ctx) => {
        const row = await claimDueTask(ctx.trx, ctx.now.toISOString(), skip);
        if (!row) return 'none' as const;
        claimed = { id: row.id, kind: row.kind, subjectId: row.subject_id, attempts: row.attempts };
        const handler = this.handlers.get(row.kind);
        if (!handler) throw new Error(`no handler registered for task kind ${row.kind}`);
        const result = (await handler(ctx, claimed)) ?? {};
        const nowIso = ctx.now.toISOString();
        if (result.nextCheckAt) {
          await updateTask(ctx.trx, row.id, {
            next_check_at: result.nextCheckAt.toISOString(),
            last_run_at: nowIso,
            attempts: 0,
            last_error: null,
          });
        } else if (row.interval_seconds) {
          await updateTask(ctx.trx, row.id, {
            next_check_at: new Date(ctx.now.getTime() + row.interval_seconds * 1000).toISOString(),
            last_run_at: nowIso,
            attempts: 0,
            last_error: null,
          });
        } else {
          // The handler may have ended its own task already (a survey closing cancels its deadline).
          const after = await findTask(ctx.trx, row.kind, row.subject_id);
          const changes = { last_run_at: nowIso, attempts: 0, last_error: null };
          if (after?.status === 'pending')
            await transition(ctx, taskLifecycle, after, 'complete', { changes });
          else await updateTask(ctx.trx, row.id, changes);
        }
        return 'fired' as const;
      });
      return outcome;
    } catch (error) {
      if (!claimed) throw error;
      const task = claimed;
      skip.push(task.id);
      this.log.error({ err: error, task }, 'scheduled task failed');
      await runUseCase(this.runtime, { actor: SYSTEM }, async (ctx) => {
        const attempts = task.attempts + 1;
        const changes = {
          attempts,
          last_error: error instanceof Error ? error.message.slice(0, 2000) : String(error).slice(0, 2000),
          last_run_at: ctx.now.toISOString(),
        };
        // Held again: the failed run rolled back, and a use-case may have moved the task since.
        const row = await holdTask(ctx.trx, task.id);
        if (row?.status === 'pending' && attempts >= MAX_ATTEMPTS) {
          await transition(ctx, taskLifecycle, row, 'giveUp', { changes });
        } else {
          await updateTask(ctx.trx, task.id, {
            ...changes,
            ...(attempts >= MAX_ATTEMPTS
              ? {}
              : { next_check_at: new Date(ctx.now.getTime() + retryDelayMs(attempts)).toISOString() }),
          });
        }
      });
      return 'failed';
    }
  }

  /** Ticks every `intervalMs` until stop(); a tick never overlaps the previous one. */
  start(intervalMs: number): void {
    if (this.timer) return;
    const loop = () => {
      this.running = this.tick().catch((error: unknown) => {
        this.log.error({ err: error }, 'scheduler tick failed');
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer) this.timer = setTimeout(loop, intervalMs);
      });
    };
    this.timer = setTimeout(loop, 0);
  }

  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.running) await this.running;
  }
}
