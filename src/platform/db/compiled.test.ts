// The hot-read helpers (compiledOnce, jsonArrayFrom) on both databases: same rows, same order, the
// argument put in every place it is used, and a transaction sees its own writes.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { compiledOnce } from './compiled.js';
import { dialectOf, jsonArrayFrom, jsonRows } from './json.js';

describeEachDatabase('compiled hot reads', (db) => {
  const now = '2026-11-26T02:00:00.000Z';
  const organization = (id: string, name: string, parent: string | null) => ({
    id,
    name,
    name_en: null,
    kind: 'purchaser' as const,
    level: 'city' as const,
    parent_id: parent,
    district_code: '110000',
    uscc: null,
    org_type: null,
    status: 'active' as const,
    created_at: now,
    updated_at: now,
  });

  const children = compiledOnce((k, parentId) =>
    k
      .selectFrom('organizations as o')
      .select((eb) => [
        'o.name',
        jsonArrayFrom(
          k,
          eb
            .selectFrom('organizations as c')
            .select(['c.name', 'c.district_code'])
            .whereRef('c.parent_id', '=', 'o.id')
            .orderBy('c.name', 'desc'),
        ).as('children'),
      ])
      .where((eb) => eb.or([eb('o.id', '=', parentId), eb('o.parent_id', '=', parentId)]))
      .orderBy('o.name'),
  );

  it('knows the dialect, and runs one compiled query with each argument', async () => {
    const k = db().db.kysely;
    expect(dialectOf(k)).toBe(db().db.dialect);
    await k
      .insertInto('organizations')
      .values([
        organization('cq-a', 'A 市', null),
        organization('cq-a1', 'A1 区', 'cq-a'),
        organization('cq-a2', 'A2 区', 'cq-a'),
        organization('cq-b', 'B 市', null),
      ])
      .execute();
    const a = await children(k, 'cq-a');
    expect(a.map((r) => r.name)).toEqual(['A 市', 'A1 区', 'A2 区']);
    expect(jsonRows(a[0]!.children)).toEqual([
      { name: 'A2 区', district_code: '110000' },
      { name: 'A1 区', district_code: '110000' },
    ]);
    expect(jsonRows(a[1]!.children)).toEqual([]);
    // The same compiled query with another argument: nothing of the first one is left in it.
    const b = await children(k, 'cq-b');
    expect(b.map((r) => r.name)).toEqual(['B 市']);
    expect(await children(k, 'cq-none')).toEqual([]);
  });

  it('runs inside a transaction and sees its writes', async () => {
    const k = db().db.kysely;
    await k.transaction().execute(async (trx) => {
      expect(dialectOf(trx)).toBe(db().db.dialect);
      await trx
        .insertInto('organizations')
        .values(organization('cq-b1', 'B1 区', 'cq-b'))
        .execute();
      const b = await children(trx, 'cq-b');
      expect(jsonRows(b[0]!.children).map((c) => c.name)).toEqual(['B1 区']);
    });
  });

  it('refuses a query that does not use its argument', async () => {
    const constant = compiledOnce((k) => k.selectFrom('organizations').select('id').where('id', '=', 'x'));
    await expect(constant(db().db.kysely, 'y')).rejects.toThrow('the argument is not used');
  });
});
