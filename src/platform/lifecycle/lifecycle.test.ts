// transition() (architecture rule 4): the one way a status changes, on both databases.
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { SYSTEM } from '../access/roles.js';
import { runUseCase, type Runtime } from '../context.js';
import { AppError } from '../errors.js';
import { PublishHooks } from '../context.js';
import { ManualClock } from '../time/clock.js';
import { defineLifecycle, eventsOf, transition } from './lifecycle.js';

const door = defineLifecycle({
  name: 'testDoor',
  table: 'test_doors',
  states: ['shut', 'open', 'gone'],
  initial: ['shut'],
  final: ['gone'],
  labels: 'test.door',
  transitions: {
    open: { from: ['shut'], to: 'open', by: 'system' },
    shut: { from: ['open'], to: 'shut', by: 'system' },
    remove: { from: ['shut', 'open'], to: 'gone', by: 'system' },
  },
});

it('refuses a lifecycle whose transition leaves a final state or names an unknown one', () => {
  const base = { table: 't', states: ['a', 'b'], initial: ['a'], final: ['b'], labels: 'x' } as const;
  expect(() =>
    defineLifecycle({ ...base, name: 'bad1', transitions: { back: { from: ['b'], to: 'a', by: 'system' } } }),
  ).toThrow(/leaves final state b/);
  expect(() =>
    defineLifecycle({
      ...base,
      name: 'bad2',
      transitions: { odd: { from: ['a'], to: 'c' as 'b', by: 'system' } },
    }),
  ).toThrow(/unknown state c/);
});

describeEachDatabase('transition()', (db) => {
  let runtime: Runtime;
  beforeAll(async () => {
    // Every database the platform opens refuses status writes outside transition() (status-writes.ts).
    runtime = { db: db().db, clock: new ManualClock('2026-11-26T02:00:00Z'), hooks: new PublishHooks() };
    await sql`create table test_doors (id text primary key, status text not null, opened_at text)`.execute(
      runtime.db.kysely,
    );
    await sql`insert into test_doors (id, status) values ('d1', 'shut'), ('d2', 'shut')`.execute(
      runtime.db.kysely,
    );
  });

  const run = <T>(fn: Parameters<typeof runUseCase<T>>[2]) => runUseCase(runtime, { actor: SYSTEM }, fn);
  const statusOf = async (id: string) =>
    (await sql<{ status: string }>`select status from test_doors where id = ${id}`.execute(runtime.db.kysely))
      .rows[0]!.status;

  it('changes the status and other columns, and records who, when, from, to and why', async () => {
    const to = await run((ctx) =>
      transition(ctx, door, { id: 'd1', status: 'shut' }, 'open', {
        changes: { opened_at: ctx.now.toISOString() },
        reason: 'morning',
      }),
    );
    expect(to).toBe('open');
    expect(await statusOf('d1')).toBe('open');
    const events = await run((ctx) => eventsOf(ctx, 'testDoor', 'd1'));
    expect(events).toMatchObject([
      {
        transition: 'open',
        from_status: 'shut',
        to_status: 'open',
        actor_user_id: null,
        actor_name: 'scheduler',
        reason: 'morning',
        at: '2026-11-26T02:00:00.000Z',
      },
    ]);
  });

  it('refuses a transition that does not start from the row’s state, writing nothing', async () => {
    const error = await run((ctx) => transition(ctx, door, { id: 'd2', status: 'shut' }, 'shut')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 409,
      code: 'testDoor_state',
      params: { status: '@test.door.shut' },
    });
    expect(await run((ctx) => eventsOf(ctx, 'testDoor', 'd2'))).toEqual([]);
  });

  it('refuses when the row moved since it was read (a stale read cannot apply twice)', async () => {
    await run((ctx) => transition(ctx, door, { id: 'd2', status: 'shut' }, 'remove'));
    // A second request that read the row before the first changed it:
    const error = await run((ctx) => transition(ctx, door, { id: 'd2', status: 'shut' }, 'open')).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ status: 409, params: { status: '@test.door.gone' } });
    expect(await statusOf('d2')).toBe('gone');
    expect(await run((ctx) => eventsOf(ctx, 'testDoor', 'd2'))).toHaveLength(1);
  });

  it('is the only way to write a status: any other update of a status column is refused', async () => {
    await expect(
      runtime.db.kysely
        .updateTable('test_doors' as never)
        .set({ status: 'open' } as never)
        .execute(),
    ).rejects.toThrow(/outside transition\(\)/);
    await expect(
      runtime.db.kysely
        .updateTable('test_doors' as never)
        .set({ opened_at: 'x' } as never)
        .execute(),
    ).resolves.toBeDefined();
  });

  it('keeps the events: they cannot be changed or deleted', async () => {
    await expect(sql`update status_events set reason = 'x'`.execute(runtime.db.kysely)).rejects.toThrow();
    await expect(sql`delete from status_events`.execute(runtime.db.kysely)).rejects.toThrow();
  });
});
