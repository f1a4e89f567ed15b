// The portal: published records and search, on both databases. Search must find 2-character Chinese
// words such as 养老 wherever the word segmenter put the boundaries (architecture: search).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM } from '../../platform/access/roles.js';
import { documentTokens, queryTerms } from '../../platform/db/fulltext.js';
import { runUseCase } from '../../platform/context.js';
import { publish } from '../../platform/publish/publish.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { translator } from '../../platform/views/i18n.js';
import { createElement, Fragment } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { RecordContent } from './record-views.js';

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

  it('shows a record as a document: money in yuan, Beijing time, codes as words, no raw fields', async () => {
    const content = {
      project: {
        id: 'p-1',
        title: '朝阳区社区养老服务',
        method: 'openTender',
        department: { id: 'd-1', name: '朝阳区民政局' },
        budgetFen: 40000000,
        intentionRecordId: null,
      },
      lots: [{ number: 1, title: '第一包', budgetFen: 40000000 }],
      documents: [],
      noticeDate: '2026-11-26',
      deadline: '2026-12-17',
      timeline: [],
      provisionalDates: [],
      minResponses: { value: 3, source: '《政府采购法》第三十六条' },
      sealing: { algorithm: 'X25519-HKDF-SHA256-AES-256-GCM', publicKey: 'k' },
      opensAt: '2026-12-17T16:00:00.000Z',
      invitations: null,
      follows: null,
      text: '欢迎社会组织参加。',
    };
    const r = await runUseCase(h.platform.runtime, { actor: SYSTEM }, (ctx) =>
      publish(ctx, {
        kind: 'tenderNotice',
        subjectId: 'p-1',
        title: '朝阳区社区养老服务（采购公告）',
        content,
      }),
    );
    // The document's text and links (a <time> keeps the instant for machines in its datetime).
    const documentOf = (body: string) =>
      body.slice(body.indexOf('<article'), body.indexOf('</article>')).replace(/datetime="[^"]*"/g, '');
    const zh = await h.app.inject({ method: 'GET', url: `/records/${r.recordId}` });
    expect(zh.statusCode).toBe(200);
    const doc = documentOf(zh.body);
    expect(doc).toContain('400,000 元');
    expect(doc).toContain('2026-12-18 00:00 北京时间');
    expect(doc).toContain('公开招标');
    expect(doc).toContain('href="/procurement/projects/p-1"');
    expect(doc).toContain('href="/planning/departments/d-1"');
    for (const raw of ['budgetFen', 'opensAt', 'openTender', '2026-12-17T16:00', '40000000'])
      expect(doc).not.toContain(raw);
    // The verification block still has the content exactly as published.
    expect(zh.body).toContain('内容摘要（SHA-256）');
    expect(zh.body).toContain('&quot;budgetFen&quot;:40000000');
    const en = await h.app.inject({
      method: 'GET',
      url: `/records/${r.recordId}`,
      cookies: { gongshi_lang: 'en' },
    });
    const enDoc = documentOf(en.body);
    expect(enDoc).toContain('400,000 yuan');
    expect(enDoc).toContain('2026-12-18 00:00 Beijing time');
    expect(enDoc).not.toContain('budgetFen');
  });

  it("shows search snippets as the kind's summary line, in the reader's language", async () => {
    const zh = await h.app.inject({ method: 'GET', url: `/search?q=${encodeURIComponent('社区养老服务')}` });
    expect(zh.body).toContain('朝阳区民政局 · 公开招标 · 400,000 元 · 截止 2026-12-17');
    const api = await h.app.inject({
      method: 'GET',
      url: `/api/v1/search?q=${encodeURIComponent('社区养老服务')}`,
    });
    expect(JSON.stringify(api.json())).toContain('400,000 元');
  });

  it('shows content no declaration fits (an older form) with the generic view', () => {
    const view = RecordContent({
      kind: 'calendarYear',
      content: { year: 'x', holidays: 'none' },
      t: translator('zh-CN'),
      locale: 'zh-CN',
    });
    const html = renderToString(createElement(Fragment, null, view));
    expect(html).toContain('<dt>holidays</dt>');
  });

  it('rejects an empty query on the API with 422', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/search?q=' });
    expect(res.statusCode).toBe(422);
  });
});
