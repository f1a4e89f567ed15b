// The publication pipeline (architecture rule 8): immutable record + hash-chained log leaf + hooks, in
// one transaction. Runs on both databases.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { declareTestKind } from '../../testing/test-records.js';
import { SYSTEM } from '../access/roles.js';
import { runUseCase, type Runtime } from '../context.js';
import { ManualClock } from '../time/clock.js';
import { canonicalJson } from './canonical-json.js';
import { chainHash, leafHash, ZERO_HASH } from './hashing.js';
import { PublishHooks } from '../context.js';
import { publish } from './publish.js';
import { getPublicRecord, listRecords } from './records.js';
import '../calendar/calendar.records.js';

declareTestKind('refused');

describeEachDatabase('publish()', (db) => {
  let runtime: Runtime;
  const seen: string[] = [];
  beforeAll(() => {
    const hooks = new PublishHooks();
    hooks.register('recorder', async (ctx, record) => {
      // The hook sees the record inside the same transaction.
      const row = await ctx.trx
        .selectFrom('public_records')
        .select('id')
        .where('id', '=', record.id)
        .executeTakeFirst();
      expect(row?.id).toBe(record.id);
      seen.push(record.kind);
    });
    hooks.register('refuser', async (_ctx, record) => {
      if (record.kind === 'refused') throw new Error('hook refused');
      return Promise.resolve();
    });
    runtime = { db: db().db, clock: new ManualClock('2026-11-26T02:00:00Z'), hooks };
  });
  afterAll(() => undefined);

  // Test kinds take any content; `kind` may also be one nobody declared, or malformed.
  const publishOne = (kind: string, content: unknown, supersedes?: string) =>
    runUseCase(runtime, { actor: SYSTEM }, (ctx) =>
      publish(ctx, {
        kind: kind as 'testNotice',
        subjectId: 'subject-1',
        title: `${kind} 标题`,
        content,
        ...(supersedes ? { supersedes } : {}),
      }),
    );

  it('stores the record, appends a leaf, and hands back a receipt that checks out', async () => {
    const content = { b: 2, a: ['中文', 1.5], when: '2026-11-26' };
    const r = await publishOne('testNotice', content);
    expect(r.logIndex).toBe(0);
    expect(r.contentHash).toBe(createHash('sha256').update(canonicalJson(content)).digest('hex'));
    expect(JSON.parse(r.leaf)).toEqual({
      index: 0,
      kind: 'testNotice',
      recordId: r.recordId,
      publishedAt: '2026-11-26T02:00:00.000Z',
      contentHash: r.contentHash,
    });
    expect(r.leaf).toBe(canonicalJson(JSON.parse(r.leaf)));
    expect(r.leafHash).toBe(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), Buffer.from(r.leaf)]))
        .digest('hex'),
    );
    expect(r.chainHash).toBe(chainHash(ZERO_HASH, r.leafHash));
    const stored = await getPublicRecord(db().db.kysely, r.recordId);
    expect(stored.content).toEqual(content);
    expect(stored.canonicalContent).toBe(canonicalJson(content));
    expect(stored.log).toEqual({ index: 0, leaf: r.leaf, leafHash: r.leafHash, chainHash: r.chainHash });
    expect(seen).toEqual(['testNotice']);
  });

  it('chains every entry to the ones before it', async () => {
    const a = await publishOne('testNotice', { n: 1 });
    const b = await publishOne('testNotice', { n: 2 });
    expect(b.logIndex).toBe(a.logIndex + 1);
    expect(b.chainHash).toBe(chainHash(a.chainHash, b.leafHash));
    const leaves = await db().db.kysely.selectFrom('log_entries').selectAll().orderBy('idx').execute();
    let previous = ZERO_HASH;
    leaves.forEach((entry, i) => {
      expect(Number(entry.idx)).toBe(i);
      expect(entry.leaf_hash).toBe(leafHash(entry.leaf));
      previous = chainHash(previous, entry.leaf_hash);
      expect(entry.chain_hash).toBe(previous);
    });
  });

  it('records corrections as new records that name the one they supersede', async () => {
    const first = await publishOne('testNotice', { v: 1 });
    const correction = await publishOne('testNotice', { v: 2 }, first.recordId);
    const original = await getPublicRecord(db().db.kysely, first.recordId);
    expect(original.content).toEqual({ v: 1 });
    expect(original.supersededBy).toEqual([correction.recordId]);
    await expect(publishOne('testNotice', { v: 3 }, 'no-such-record')).rejects.toThrow(/does not exist/);
  });

  it('writes nothing when a hook fails: no record, no leaf', async () => {
    const before = await listRecords(db().db.kysely, { limit: 1, offset: 0 });
    const leavesBefore = await db().db.kysely.selectFrom('log_entries').select('idx').execute();
    await expect(publishOne('refused', { x: 1 })).rejects.toThrow('hook refused');
    const after = await listRecords(db().db.kysely, { limit: 1, offset: 0 });
    const leavesAfter = await db().db.kysely.selectFrom('log_entries').select('idx').execute();
    expect(after.total).toBe(before.total);
    expect(leavesAfter.length).toBe(leavesBefore.length);
  });

  it('keeps indices gapless and the chain sound when many publish at once', async () => {
    const start = (await db().db.kysely.selectFrom('log_entries').select('idx').execute()).length;
    const receipts = await Promise.all(
      Array.from({ length: 25 }, (_, i) => publishOne('testNotice', { parallel: i })),
    );
    const indices = receipts.map((r) => r.logIndex).sort((x, y) => x - y);
    expect(indices).toEqual(Array.from({ length: 25 }, (_, i) => start + i));
    const leaves = await db().db.kysely.selectFrom('log_entries').selectAll().orderBy('idx').execute();
    let previous = ZERO_HASH;
    for (const entry of leaves) {
      previous = chainHash(previous, entry.leaf_hash);
      expect(entry.chain_hash).toBe(previous);
    }
  });

  it('refuses to edit or delete published records and log entries, in the database itself', async () => {
    const r = await publishOne('testNotice', { final: true });
    const k = db().db.kysely;
    await expect(
      k.updateTable('public_records').set({ title: 'changed' }).where('id', '=', r.recordId).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(k.deleteFrom('public_records').where('id', '=', r.recordId).execute()).rejects.toThrow(
      /immutable/,
    );
    await expect(
      k.updateTable('log_entries').set({ leaf: '{}' }).where('idx', '=', r.logIndex).execute(),
    ).rejects.toThrow(/immutable/);
    await expect(k.deleteFrom('log_entries').where('idx', '=', r.logIndex).execute()).rejects.toThrow(
      /immutable/,
    );
    expect((await getPublicRecord(k, r.recordId)).title).toBe('testNotice 标题');
  });

  it('refuses malformed kinds and empty titles (programming errors)', async () => {
    await expect(publishOne('Bad Kind', {})).rejects.toThrow(/bad record kind/);
    await expect(
      runUseCase(runtime, { actor: SYSTEM }, (ctx) =>
        publish(ctx, { kind: 'testNotice', subjectId: 's', title: ' ', content: {} }),
      ),
    ).rejects.toThrow(/title/);
  });

  it('refuses a kind nobody declared, and content its kind does not admit, writing nothing', async () => {
    const leavesBefore = await db().db.kysely.selectFrom('log_entries').select('idx').execute();
    await expect(publishOne('undeclaredKind', { x: 1 })).rejects.toThrow(/not declared/);
    await expect(
      runUseCase(runtime, { actor: SYSTEM }, (ctx) =>
        publish(ctx, {
          kind: 'calendarYear',
          subjectId: '2031',
          title: '2031 年',
          content: { year: '2031', holidays: 'none' } as never,
        }),
      ),
    ).rejects.toThrow(/calendarYear content does not fit/);
    const leavesAfter = await db().db.kysely.selectFrom('log_entries').select('idx').execute();
    expect(leavesAfter.length).toBe(leavesBefore.length);
  });

  it('stores declared content exactly as given (members in any order, undefined ones left out)', async () => {
    const content = {
      year: 2031,
      reference: '国办发明电〔2030〕1号',
      workdays: [],
      holidays: [{ name: '元旦', date: '2031-01-01' }],
      extra: undefined,
    };
    const r = await runUseCase(runtime, { actor: SYSTEM }, (ctx) =>
      publish(ctx, { kind: 'calendarYear', subjectId: '2031', title: '2031 年', content }),
    );
    const stored = await getPublicRecord(db().db.kysely, r.recordId);
    expect(stored.canonicalContent).toBe(canonicalJson(content));
    expect(r.contentHash).toBe(createHash('sha256').update(canonicalJson(content)).digest('hex'));
  });
});
