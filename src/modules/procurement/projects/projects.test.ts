// Procurement projects and their notices (issue: Procurement I, items 1, 2, 6): a project only 30 days
// after its intention (财库〔2020〕10号), a tender notice whose deadline keeps the statutory periods
// (GPL Art 35), a correction that moves the deadline (GPR Art 31), a termination; all published and
// listed; over the HTTP API on both databases. Single source, which has its own procedure, is in
// projects.single-source.test.ts; the shared set-up is in projects.fixtures.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import { publishedIntention } from '../procurement.fixtures.js';
import { projectHelpers, startProjectsSuite, type ProjectsSuite } from './projects.fixtures.js';

describeEachDatabase('procurement projects and notices', (db) => {
  let suite: ProjectsSuite;
  let h: Harness;
  let staff: TestUser;
  let other: TestUser;
  let intentionId: string;
  const { api, project } = projectHelpers(() => suite);

  beforeAll(async () => {
    suite = await startProjectsSuite(db());
    ({ h, staff, other, intentionId } = suite);
  });
  afterAll(() => h.close());

  describe('opening a project', () => {
    it('waits 30 days after the intention (财库〔2020〕10号), then opens with lots within its budget', async () => {
      h.clock.set('2026-09-20T02:00:00Z');
      const early = await api('POST', '/api/v1/projects', project());
      expect(early.statusCode).toBe(422);
      expect(early.json<ErrorBody>().error.details[0]!.message).toContain('2026-10-01');
      h.clock.set('2026-10-09T02:00:00Z');
      const over = await api(
        'POST',
        '/api/v1/projects',
        project({ lots: [{ title: '全部', budgetFen: 19_300_000 }] }),
      );
      expect(over.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['lots']);
      expect((await api('POST', '/api/v1/projects', project(), other)).statusCode).toBe(403);
      const created = await api('POST', '/api/v1/projects', project());
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      // A draft is not public.
      expect((await api('GET', `/api/v1/projects/${id}`, undefined, null)).statusCode).toBe(404);
      const view = (await api('GET', `/api/v1/projects/${id}`)).json<{
        budgetFen: number;
        lots: unknown[];
        status: string;
      }>();
      expect(view).toMatchObject({ budgetFen: 18_000_000, status: 'draft' });
      expect(view.lots).toHaveLength(2);
    });

    it('numbers each project <district>-<year>-<method>-<sequence>, once, even when opened at the same moment', async () => {
      h.clock.set('2026-10-09T02:00:00Z');
      const created = await Promise.all([1, 2, 3, 4].map(() => api('POST', '/api/v1/projects', project())));
      expect(created.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
      const numbers = await Promise.all(
        created.map(
          async (r) =>
            (await api('GET', `/api/v1/projects/${r.json<{ id: string }>().id}`)).json<{ number: string }>()
              .number,
        ),
      );
      for (const n of numbers) expect(n).toMatch(/^\d{6}-2026-GK-\d{4}$/);
      const sequences = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
      expect(new Set(numbers).size).toBe(4);
      expect(sequences[3]! - sequences[0]!).toBe(3);
    });
  });

  describe('notices', () => {
    it('refuses a deadline under 20 days (GPL Art 35), publishes a lawful one; corrections move it (GPR Art 31)', async () => {
      h.clock.set('2026-10-09T02:00:00Z'); // Friday, a working day after the National Day holiday
      const { id } = (await api('POST', '/api/v1/projects', project())).json<{ id: string }>();
      const short = await api('POST', `/api/v1/projects/${id}/notice`, {
        deadline: '2026-10-20',
        text: '招标公告正文',
      });
      expect(short.statusCode).toBe(422);
      const [problem] = short.json<ErrorBody>().error.details;
      expect(problem!.field).toBe('deadline');
      expect(problem!.message).toContain('《政府采购法》第三十五条');
      expect(problem!.message).toContain('2026-10-29');
      const notice = await api('POST', `/api/v1/projects/${id}/notice`, {
        deadline: '2026-10-29',
        text: '招标公告正文',
      });
      expect(notice.statusCode, notice.body).toBe(201);
      expect(
        (await api('POST', `/api/v1/projects/${id}/notice`, { deadline: '2026-10-30', text: '再发' }))
          .statusCode,
      ).toBe(409);

      // Ten days before the deadline, a clarification: the deadline moves to 15 days after it.
      h.clock.set('2026-10-19T02:00:00Z');
      const correction = await api('POST', `/api/v1/projects/${id}/corrections`, {
        text: '更正服务人数为 220 名',
      });
      expect(correction.statusCode, correction.body).toBe(201);
      expect(correction.json()).toMatchObject({ deadline: '2026-11-03', movedFrom: '2026-10-29' });
      const record = (
        await api(
          'GET',
          `/api/v1/records/${correction.json<{ recordId: string }>().recordId}`,
          undefined,
          null,
        )
      ).json<{
        kind: string;
        supersedes: string;
        content: { project: { number: string }; movedBy: { from: string; source: string } };
      }>();
      expect(record.kind).toBe('correctionNotice');
      // Every notice of the project carries its number (issue 13 §1).
      const { number } = (await api('GET', `/api/v1/projects/${id}`)).json<{ number: string }>();
      expect(record.content.project.number).toBe(number);
      expect(record.supersedes).toBe(notice.json<{ recordId: string }>().recordId);
      expect(record.content.movedBy).toMatchObject({
        from: '2026-10-29',
        source: '《政府采购法实施条例》第三十一条第二款',
      });

      const view = (await api('GET', `/api/v1/projects/${id}`, undefined, null)).json<{
        deadline: string;
        timeline: { kind: string; deadline: string | null; movedFrom: string | null }[];
      }>();
      expect(view.deadline).toBe('2026-11-03');
      expect(view.timeline.map((s) => [s.kind, s.deadline, s.movedFrom])).toEqual([
        ['tender', '2026-10-29', null],
        ['correction', '2026-11-03', '2026-10-29'],
      ]);
      const list = (await api('GET', '/api/v1/notices?kind=correction', undefined, null)).json<{
        items: { project: { id: string } }[];
      }>();
      expect(list.items.map((n) => n.project.id)).toContain(id);
      expect((await api('GET', '/api/v1/notices?district=999999', undefined, null)).statusCode).toBe(422);

      // Terminated: published, and no longer open.
      expect(
        (await api('POST', `/api/v1/projects/${id}/termination`, { text: '需求发生重大变化' }, other))
          .statusCode,
      ).toBe(403);
      expect(
        (await api('POST', `/api/v1/projects/${id}/termination`, { text: '需求发生重大变化' })).statusCode,
      ).toBe(201);
      expect((await api('POST', `/api/v1/projects/${id}/corrections`, { text: '再更正' })).statusCode).toBe(
        409,
      );
      const terminated = (await api('GET', '/api/v1/notices?status=terminated', undefined, null)).json<{
        items: { kind: string; project: { id: string } }[];
      }>();
      expect(
        terminated.items
          .filter((n) => n.project.id === id)
          .map((n) => n.kind)
          .sort(),
      ).toEqual(['correction', 'tender', 'termination']);
    });

    it('competitive consultation: the deadline waits for the 5 working days of sale (财库〔2014〕214号 第十条), in the notice and in a correction', async () => {
      // An intention public since 2026-08-20, so procurement may start before the National Day holiday.
      const keeper = await h.user('purchaserStaff');
      const earlyIntention = await publishedIntention(h, keeper, 24, '2026-08-20');
      h.clock.set('2026-09-28T02:00:00Z'); // Monday: ten days end on 10-08, the fifth working day is 10-10
      const created = await api(
        'POST',
        '/api/v1/projects',
        project({ intentionId: earlyIntention, method: 'competitiveConsultation' }),
        keeper,
      );
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      const early = await api(
        'POST',
        `/api/v1/projects/${id}/notice`,
        { deadline: '2026-10-09', text: '磋商公告正文' },
        keeper,
      );
      expect(early.statusCode).toBe(422);
      const [problem] = early.json<ErrorBody>().error.details;
      expect(problem!.field).toBe('deadline');
      expect(problem!.message).toBe(
        '截止日期太早：采购文件提供（发售）期限不得少于 5 个工作日（《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）第十条），最早为 2026-10-10。',
      );
      const english = await h.app.inject({
        method: 'POST',
        url: `/api/v1/projects/${id}/notice`,
        headers: { authorization: `Bearer ${keeper.token}` },
        cookies: { gongshi_lang: 'en' },
        payload: { deadline: '2026-10-09', text: '磋商公告正文' },
      });
      const [inEnglish] = english.json<ErrorBody>().error.details;
      expect(inEnglish!.field).toBe('deadline');
      expect(inEnglish!.message).toContain('Documents available (on sale) must be at least 5 working days');
      const published = await api(
        'POST',
        `/api/v1/projects/${id}/notice`,
        { deadline: '2026-10-12', text: '磋商公告正文' },
        keeper,
      );
      expect(published.statusCode, published.body).toBe(201);
      // A correction may not bring the deadline before the end of the sale either.
      h.clock.set('2026-09-29T02:00:00Z');
      const moved = await api(
        'POST',
        `/api/v1/projects/${id}/corrections`,
        { text: '提前截止', deadline: '2026-10-09' },
        keeper,
      );
      expect(moved.statusCode).toBe(422);
      const [tooEarly] = moved.json<ErrorBody>().error.details;
      expect(tooEarly!.field).toBe('deadline');
      expect(tooEarly!.message).toContain('最早为 2026-10-10');
      // The public timeline shows the sale period.
      const page = await h.app.inject({
        method: 'GET',
        url: '/procurement/methods?method=competitiveConsultation&noticeDate=2026-09-28',
      });
      expect(page.body).toContain('采购文件提供（发售）期限');
      expect(page.body).toContain('2026-10-10');
    });

    it('works through the pages: a half-filled lot is named; the notice form proposes the earliest deadline', async () => {
      h.clock.set('2026-10-09T02:00:00Z');
      const agent = h.agent();
      await agent.logIn(staff.login, staff.password);
      const mine = '/procurement/projects/mine';
      const half = await agent.postForm(
        mine,
        { intentionId, title: '页面新建的项目', method: 'openTender', lot1Title: '第一包' },
        { csrfFrom: mine },
      );
      expect(half.statusCode).toBe(422);
      expect(half.body).toContain('这一包请同时填写名称和预算。');
      const created = await agent.postForm(
        mine,
        {
          intentionId,
          title: '页面新建的项目',
          method: 'openTender',
          lot1Title: '第一包',
          lot1Budget: '50000',
        },
        { csrfFrom: mine },
      );
      expect(created.statusCode, created.body).toBe(303);
      const page = created.headers.location as string;
      const draft = await agent.get(page);
      expect(draft.body).toContain('value="2026-10-29"');
      const notPdf = await agent.postMultipart(
        `${page}/documents`,
        { name: '说明.pdf' },
        {
          name: 'file',
          filename: '说明.pdf',
          content: Buffer.from('not a pdf'),
          contentType: 'application/pdf',
        },
        { csrfFrom: page },
      );
      expect(notPdf.statusCode).toBe(422);
      expect(notPdf.body).toContain('只能上传 PDF');
      const attached = await agent.postMultipart(
        `${page}/documents`,
        { name: '说明.pdf' },
        {
          name: 'file',
          filename: '说明.pdf',
          content: Buffer.from('%PDF-1.7\n说明\n'),
          contentType: 'application/pdf',
        },
        { csrfFrom: page },
      );
      expect(attached.statusCode).toBe(303);
      expect((await agent.get(page)).body).toContain('说明.pdf');
      const early = await agent.postForm(
        `${page}/notice`,
        { deadline: '2026-10-20', text: '公告' },
        { csrfFrom: page },
      );
      expect(early.statusCode).toBe(422);
      expect(early.body).toContain('《政府采购法》第三十五条');
      const published = await agent.postForm(
        `${page}/notice`,
        { deadline: '2026-10-29', text: '公告正文' },
        { csrfFrom: page },
      );
      expect(published.statusCode).toBe(303);
      const open = await h.app.inject({ method: 'GET', url: page });
      expect(open.body).toContain('响应截止：2026-10-29');
      const list = await h.app.inject({ method: 'GET', url: '/procurement/notices' });
      expect(list.body).toContain('页面新建的项目');
    });

    it('stores documents by SHA-256, refuses disguised files and altered uploads, publishes their hashes', async () => {
      h.clock.set('2026-10-09T02:00:00Z');
      const { id } = (await api('POST', '/api/v1/projects', project())).json<{ id: string }>();
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n');
      const { createHash } = await import('node:crypto');
      const sha = createHash('sha256').update(pdf).digest('hex');
      const upload = (
        bytes: Buffer,
        type: string,
        headers: Record<string, string> = {},
        user: TestUser = staff,
      ) =>
        h.app.inject({
          method: 'POST',
          url: `/api/v1/projects/${id}/documents?name=${encodeURIComponent('招标文件.pdf')}`,
          headers: { authorization: `Bearer ${user.token}`, 'content-type': type, ...headers },
          payload: bytes,
        });
      const altered = await upload(pdf, 'application/pdf', { 'x-content-sha256': 'a'.repeat(64) });
      expect(altered.statusCode).toBe(422);
      expect(altered.json<ErrorBody>().error.code).toBe('document_hash_mismatch');
      const disguised = await upload(Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf');
      expect(disguised.statusCode).toBe(422);
      expect(disguised.json<ErrorBody>().error.details[0]!.message).toContain('只能上传 PDF');
      const text = await upload(Buffer.from('plain text'), 'text/plain');
      expect(text.statusCode).toBe(422);
      expect(text.json<ErrorBody>().error.details[0]!.field).toBe('file');
      expect((await upload(pdf, 'application/pdf', {}, other)).statusCode).toBe(403);
      const stored = await upload(pdf, 'application/pdf', { 'x-content-sha256': sha });
      expect(stored.statusCode, stored.body).toBe(201);
      expect(stored.json()).toMatchObject({
        sha256: sha,
        mediaType: 'application/pdf',
        name: '招标文件.pdf',
      });
      expect((await upload(pdf, 'application/pdf')).statusCode).toBe(409);
      // Not public before the notice.
      const download = `/procurement/projects/${id}/documents/${sha}`;
      expect((await h.app.inject({ method: 'GET', url: download })).statusCode).toBe(404);

      const notice = await api('POST', `/api/v1/projects/${id}/notice`, {
        deadline: '2026-10-29',
        text: '公告',
      });
      const record = (
        await api('GET', `/api/v1/records/${notice.json<{ recordId: string }>().recordId}`, undefined, null)
      ).json<{ content: { documents: { name: string; sha256: string }[] } }>();
      expect(record.content.documents).toEqual([
        { name: '招标文件.pdf', sha256: sha, size: pdf.length, mediaType: 'application/pdf' },
      ]);
      const file = await h.app.inject({ method: 'GET', url: download });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(sha);
      // Published: the documents no longer change.
      expect((await upload(Buffer.from('%PDF-1.4\nanother\n'), 'application/pdf')).statusCode).toBe(409);
    });

    it('lists open opportunities with the provider’s own verdict, and an Atom feed of the notices', async () => {
      h.clock.set('2026-10-09T02:00:00Z');
      const { id } = (await api('POST', '/api/v1/projects', project({ title: '机会 <测试> & 项目' }))).json<{
        id: string;
      }>();
      expect(
        (await api('POST', `/api/v1/projects/${id}/notice`, { deadline: '2026-10-29', text: '公告' }))
          .statusCode,
      ).toBe(201);
      const provider = await h.user('providerMember');
      const agent = h.agent();
      await agent.logIn(provider.login, provider.password);
      const page = await agent.get('/procurement/opportunities');
      expect(page.statusCode).toBe(200);
      // Escaped: < and & become entities (> needs none in text).
      expect(page.body).toContain('机会 &lt;测试> &amp; 项目');
      expect(page.body).toMatch(/测试机构\d+ 目前(可以|不能)承接政府购买服务/);
      const other = await h.app.inject({
        method: 'GET',
        url: '/procurement/opportunities?method=competitiveNegotiation',
      });
      expect(other.body).not.toContain('机会 &lt;测试>');
      // After the deadline it is no longer an opportunity.
      h.clock.set('2026-10-30T02:00:00Z');
      expect((await h.app.inject({ method: 'GET', url: '/procurement/opportunities' })).body).not.toContain(
        '机会 &lt;测试>',
      );
      const feed = await h.app.inject({ method: 'GET', url: '/procurement/notices.atom' });
      expect(feed.headers['content-type']).toContain('application/atom+xml');
      expect(feed.body).toContain('<title>采购公告：机会 &lt;测试&gt; &amp; 项目</title>');
      expect(feed.body.match(/<entry>/g)!.length).toBeGreaterThan(0);
    });
  });
});
