// The scheduler (architecture rule 5): due tasks fire once, in their own transaction; recurring ones
// come back; failures back off. Two app processes on one database fire each task exactly once.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialectsUnderTest, describeEachDatabase, openTestDatabase } from '../../testing/databases.js';
import { SYSTEM } from '../access/roles.js';
import { runUseCase, type Runtime } from '../context.js';
import { createDatabase, type Db } from '../db/database.js';
import { migrate } from '../db/migrator.js';
import { newId } from '../ids.js';
import { PublishHooks } from '../context.js';
import { ManualClock } from '../time/clock.js';
import { ensureRecurringTask, scheduleTask, Scheduler } from './scheduler.js';

const quiet = { error: () => undefined, info: () => undefined };

describeEachDatabase('scheduler', (db) => {
  let runtime: Runtime;
  let clock: ManualClock;
  let scheduler: Scheduler;
  const fired: string[] = [];
  let failUntil = 0;

  beforeAll(() => {
    clock = new ManualClock('2026-11-26T00:00:00Z');
    runtime = { db: db().db, clock, hooks: new PublishHooks() };
    scheduler = new Scheduler(runtime, quiet);
    scheduler.register('test.once', async (_ctx, task) => {
      fired.push(`once:${task.subjectId}`);
      return Promise.resolve();
    });
    scheduler.register('test.recurring', async () => {
      fired.push('recurring');
      return Promise.resolve();
    });
    scheduler.register('test.later', (ctx) => {
      fired.push('later');
      return Promise.resolve({ nextCheckAt: new Date(ctx.now.getTime() + 3_600_000) });
    });
    scheduler.register('test.flaky', async () => {
      fired.push('flaky');
      if (fired.filter((f) => f === 'flaky').length <= failUntil) throw new Error('not yet');
      return Promise.resolve();
    });
  });

  const schedule = (kind: string, subjectId: string, at: string, intervalSeconds?: number) =>
    runUseCase(runtime, { actor: SYSTEM }, (ctx) =>
      scheduleTask(ctx, {
        kind,
        subjectId,
        at: new Date(at),
        ...(intervalSeconds ? { intervalSeconds } : {}),
      }),
    );
  const task = (kind: string, subjectId: string) =>
    db()
      .db.kysely.selectFrom('scheduled_tasks')
      .selectAll()
      .where('kind', '=', kind)
      .where('subject_id', '=', subjectId)
      .executeTakeFirstOrThrow();

  it('fires due tasks once and leaves future ones', async () => {
    await schedule('test.once', 'a', '2026-11-26T00:00:00Z');
    await schedule('test.once', 'b', '2026-11-26T06:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    expect(fired).toEqual(['once:a']);
    expect(await scheduler.tick()).toBe(0);
    expect((await task('test.once', 'a')).status).toBe('done');
    clock.set('2026-11-26T06:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    expect(fired).toEqual(['once:a', 'once:b']);
  });

  it('moves a task when it is scheduled again (one task per record and kind)', async () => {
    await schedule('test.once', 'c', '2026-11-27T00:00:00Z');
    await schedule('test.once', 'c', '2026-11-26T07:00:00Z');
    clock.set('2026-11-26T07:00:00Z');
    expect(await scheduler.tick()).toBe(1);
    const rows = await db()
      .db.kysely.selectFrom('scheduled_tasks')
      .select('id')
      .where('subject_id', '=', 'c')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('runs recurring tasks again after their interval, and creates them only once', async () => {
    await runUseCase(runtime, { actor: SYSTEM }, (ctx) => ensureRecurringTask(ctx, 'test.recurring', 600));
    await runUseCase(runtime, { actor: SYSTEM }, (ctx) => ensureRecurringTask(ctx, 'test.recurring', 600));
    expect(await scheduler.tick()).toBe(1);
    expect(await scheduler.tick()).toBe(0);
    clock.advance(600_000);
    expect(await scheduler.tick()).toBe(1);
    expect(fired.filter((f) => f === 'recurring')).toHaveLength(2);
    expect((await task('test.recurring', 'recurring')).status).toBe('pending');
  });

  it('lets a handler ask to be checked again later', async () => {
    await schedule('test.later', 'x', clock.now().toISOString());
    expect(await scheduler.tick()).toBe(1);
    const row = await task('test.later', 'x');
    expect(row.status).toBe('pending');
    expect(row.next_check_at).toBe(new Date(clock.now().getTime() + 3_600_000).toISOString());
  });

  it('backs off after a failure and records the error, then succeeds', async () => {
    failUntil = 2;
    await schedule('test.flaky', 'f', clock.now().toISOString());
    expect(await scheduler.tick()).toBe(0);
    let row = await task('test.flaky', 'f');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, last_error: 'not yet' });
    expect(row.next_check_at).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    clock.advance(60_000);
    expect(await scheduler.tick()).toBe(0);
    row = await task('test.flaky', 'f');
    expect(row.attempts).toBe(2);
    clock.advance(120_000);
    expect(await scheduler.tick()).toBe(1);
    row = await task('test.flaky', 'f');
    expect(row).toMatchObject({ status: 'done', attempts: 0, last_error: null });
  });

  it('records a task of a kind nobody handles as failed attempts, without stopping the others', async () => {
    await schedule('test.unknown', 'u', clock.now().toISOString());
    await schedule('test.once', 'after-unknown', clock.now().toISOString());
    expect(await scheduler.tick()).toBe(1);
    expect(fired).toContain('once:after-unknown');
    expect((await task('test.unknown', 'u')).last_error).toContain('no handler');
  });
});

// Two app processes against one database: every due task fires exactly once.
const DIST = join(import.meta.dirname, '..', '..', '..', 'dist', 'platform', 'jobs', 'scheduler.js');
const NODE_SCRIPT = join(import.meta.dirname, '..', '..', 'testing', 'scheduler-node.mjs');

/**
 * Runs app nodes (src/testing/scheduler-node.mjs) until they exit. They wait on this test's messages,
 * not on the clock: "go" once every node is ready, and "both-hold" once every node holds a claimed task
 * (each node sends "holding" on PostgreSQL only).
 */
function runNodes(argsOfEach: string[][]): Promise<void> {
  const children = argsOfEach.map((args) =>
    spawn(process.execPath, [NODE_SCRIPT, ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
  );
  const allSaid = (word: string) =>
    Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            const listen = (message: unknown) => {
              if (message !== word) return;
              child.off('message', listen);
              resolve();
            };
            child.on('message', listen);
          }),
      ),
    );
  const tellAll = (word: string) => () => {
    for (const child of children) if (child.connected) child.send(word);
  };
  void allSaid('ready').then(tellAll('go'));
  void allSaid('holding').then(tellAll('both-hold'));
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve, reject) => {
          child.on('error', reject);
          child.on('exit', (code) =>
            code === 0 ? resolve() : reject(new Error(`scheduler node exited with ${code}`)),
          );
        }),
    ),
  ).then(() => undefined);
}

async function prepare(db: Db, count: number): Promise<void> {
  await sql`create table firings (task_id text not null, node text not null)`.execute(db.kysely);
  const now = new Date('2026-01-01T00:00:00Z').toISOString();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(new Date(now)),
    kind: 'test.fire',
    subject_id: `s${i}`,
    next_check_at: now,
    interval_seconds: null,
    status: 'pending' as const,
    attempts: 0,
    last_error: null,
    last_run_at: null,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 100)
    await db.kysely
      .insertInto('scheduled_tasks')
      .values(rows.slice(i, i + 100))
      .execute();
}

async function firings(db: Db): Promise<{ task_id: string; node: string }[]> {
  return (await sql<{ task_id: string; node: string }>`select task_id, node from firings`.execute(db.kysely))
    .rows;
}

describe('scheduler on two app processes', () => {
  beforeAll(() => {
    if (!existsSync(DIST))
      throw new Error('dist/ is missing: run `npm run build` (npm test does) before this test');
  });

  const COUNT = 300;

  if (dialectsUnderTest().includes('postgres')) {
    let test: Awaited<ReturnType<typeof openTestDatabase>>;
    beforeAll(async () => {
      test = await openTestDatabase('postgres');
      await prepare(test.db, COUNT);
    });
    afterAll(async () => {
      await test.drop();
    });

    it('fires each of 300 due tasks exactly once on PostgreSQL (FOR UPDATE SKIP LOCKED)', async () => {
      const { url, schema } = test.postgres!;
      await runNodes([
        ['postgres', url, schema, 'A'],
        ['postgres', url, schema, 'B'],
      ]);
      const rows = await firings(test.db);
      expect(rows).toHaveLength(COUNT);
      expect(new Set(rows.map((r) => r.task_id)).size).toBe(COUNT);
      const pending = await test.db.kysely
        .selectFrom('scheduled_tasks')
        .select('id')
        .where('status', '!=', 'done')
        .execute();
      expect(pending).toHaveLength(0);
      // Both nodes took part (each held a task while the other claimed one).
      expect(new Set(rows.map((r) => r.node))).toEqual(new Set(['A', 'B']));
    }, 120_000);
  }

  it('fires each of 300 due tasks exactly once on one SQLite file (BEGIN IMMEDIATE)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongshi-sched-'));
    const file = join(dir, 'scheduler.sqlite');
    const db = createDatabase({ kind: 'sqlite', file });
    try {
      const { allMigrations } = await import('../../app.js');
      await migrate(db, allMigrations());
      await prepare(db, COUNT);
      await runNodes([
        ['sqlite', file, '', 'A'],
        ['sqlite', file, '', 'B'],
      ]);
      const rows = await firings(db);
      expect(rows).toHaveLength(COUNT);
      expect(new Set(rows.map((r) => r.task_id)).size).toBe(COUNT);
    } finally {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
