// The portal: published records and search, on both databases. Search must find 2-character Chinese
// words such as 养老 wherever the word segmenter put the boundaries (architecture: search).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../platform/auth/roles.js';
import { documentTokens, queryTerms } from '../../platform/db/fulltext.js';
import { runUseCase } from '../../platform/context.js';
import { publish } from '../../platform/publish/publish.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';

describe('search tokens', () => {
  it('index Chinese as words and as 2-character pieces', () => {
    const tokens = documentTokens('朝阳区社区养老院服务');
    expect(tokens).toEqual(expect.arrayContaining(['养老', '老院', '社区', '朝阳']));
    expect(queryTerms('养老')).toEqual([{ token: '养老', prefix: false }]);
    expect(queryTerms('Elderly 养老院 区')).toEqual([
      { token: '养老', prefix: false },
      { token: '老院', prefix: false },
      { token: '区', prefix: true },
      { token: 'elderly', prefix: true },
    ]);
    expect(queryTerms('  ')).toEqual([]);
  });
});

describeEachDatabase('portal', (db) => {
  let h: Harness;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness(db());
    const items = [
      [
        'elderly',
        '朝阳区居家养老服务项目公告',
        { body: '为辖区老年人提供助餐、助洁服务。Home care for the elderly.' },
      ],
      ['youth', '海淀区青少年成长服务采购公告', { body: '面向中学生的心理辅导。' }],
      ['home', '社区养老院运营服务', { body: '西城区' }],
    ] as const;
    for (const [key, title, content] of items) {
      const r = await runUseCase(h.platform.runtime, { actor: SYSTEM }, (ctx) =>
        publish(ctx, { kind: 'testNotice', subjectId: key, title, content }),
      );
      ids[key] = r.recordId;
    }
  });
  afterAll(() => h.close());

  const search = async (q: string) =>
    (await h.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` })).json<{
      items: { id: string }[];
      total: number;
    }>();

  it('finds 养老 in 居家养老 and in 养老院, and not elsewhere', async () => {
    const res = await search('养老');
    expect(res.items.map((i) => i.id).sort()).toEqual([ids.elderly, ids.home].sort());
    expect(res.total).toBe(2);
  });

  it('finds English words by prefix and combines terms with AND', async () => {
    expect((await search('elder')).items.map((i) => i.id)).toEqual([ids.elderly]);
    expect((await search('养老 朝阳')).items.map((i) => i.id)).toEqual([ids.elderly]);
    expect((await search('心理辅导')).items.map((i) => i.id)).toEqual([ids.youth]);
    expect((await search('不存在的词语')).total).toBe(0);
  });

  it('shows results and record pages with their verification data', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/search?q=%E5%85%BB%E8%80%81' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('朝阳区居家养老服务项目公告');
    const record = await h.app.inject({ method: 'GET', url: `/records/${ids.elderly}` });
    expect(record.statusCode).toBe(200);
    expect(record.body).toContain('内容摘要（SHA-256）');
    const api = await h.app.inject({ method: 'GET', url: `/api/v1/records/${ids.elderly}` });
    expect(api.json()).toMatchObject({ id: ids.elderly, log: { index: expect.any(Number) as number } });
    expect((await h.app.inject({ method: 'GET', url: '/records/nope' })).statusCode).toBe(404);
  });

  it('shows content of an unexpected shape with the generic view instead of failing', async () => {
    const r = await runUseCase(h.platform.runtime, { actor: SYSTEM }, (ctx) =>
      publish(ctx, {
        kind: 'calendarYear',
        subjectId: 'odd',
        title: '形状不同的记录',
        content: { year: 'x', holidays: 'none' },
      }),
    );
    const page = await h.app.inject({ method: 'GET', url: `/records/${r.recordId}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dt>holidays</dt>');
  });

  it('rejects an empty query on the API with 422', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/search?q=' });
    expect(res.statusCode).toBe(422);
  });
});
