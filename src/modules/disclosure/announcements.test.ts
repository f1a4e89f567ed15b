// Announcements (platform notices, operating guides — S15 — and policy documents): published through
// publish(), for an organization the author acts for, corrected by a new record. Both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { paragraphsOf } from './publish-announcement.js';

interface ErrorBody {
  error: { code: string; details: { field: string; message: string }[] };
}

describeEachDatabase('announcements', (db) => {
  let h: Harness;
  let staff: TestUser;
  let expert: TestUser;
  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    expert = await h.user('expert');
  });
  afterAll(() => h.close());

  const post = (user: TestUser | null, payload: object) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/announcements',
      headers: user ? { authorization: `Bearer ${user.token}` } : {},
      payload,
    });

  it('publishes an operating guide for the author’s organization, searchable at once', async () => {
    const res = await post(staff, {
      category: 'guide',
      title: '社区养老服务项目申报指南',
      body: '第一段：申报条件。\n\n第二段：提交材料\n和时间。',
      organizationId: staff.organizationId,
    });
    expect(res.statusCode).toBe(201);
    const { recordId } = res.json<{ recordId: string }>();
    const record = await h.app.inject({ method: 'GET', url: `/api/v1/records/${recordId}` });
    expect(record.json()).toMatchObject({
      kind: 'announcement',
      title: '社区养老服务项目申报指南',
      content: {
        category: 'guide',
        paragraphs: ['第一段：申报条件。', '第二段：提交材料\n和时间。'],
        publisher: { id: staff.organizationId },
      },
    });
    const found = await h.app.inject({ method: 'GET', url: '/api/v1/search?q=%E5%85%BB%E8%80%81' });
    expect(found.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(recordId);
    const page = await h.app.inject({ method: 'GET', url: `/records/${recordId}` });
    expect(page.body).toContain('<p>第一段：申报条件。</p>');
    expect(page.body).toContain('操作指南');
  });

  it('refuses to publish for an organization the author does not act for', async () => {
    const other = await h.user('purchaserStaff');
    const res = await post(staff, {
      category: 'platform',
      title: 't',
      body: 'b',
      organizationId: other.organizationId,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.details[0]!.field).toBe('organizationId');
  });

  it('is for purchasers, finance, civil affairs and administrators only', async () => {
    expect((await post(null, {})).statusCode).toBe(401);
    expect((await post(expert, {})).statusCode).toBe(403);
  });

  it('corrects by publishing a new record that supersedes the old; the old one stays', async () => {
    const first = (
      await post(staff, {
        category: 'platform',
        title: '通知',
        body: '错字',
        organizationId: staff.organizationId,
      })
    ).json<{
      recordId: string;
    }>();
    const fixed = await post(staff, {
      category: 'platform',
      title: '通知（更正）',
      body: '正确',
      organizationId: staff.organizationId,
      supersedes: first.recordId,
    });
    expect(fixed.statusCode).toBe(201);
    const old = await h.app.inject({ method: 'GET', url: `/api/v1/records/${first.recordId}` });
    expect(old.json()).toMatchObject({
      content: { paragraphs: ['错字'] },
      supersededBy: [fixed.json<{ recordId: string }>().recordId],
    });
    const bogus = await post(staff, {
      category: 'platform',
      title: 'x',
      body: 'y',
      organizationId: staff.organizationId,
      supersedes: 'nope',
    });
    expect(bogus.json<ErrorBody>().error.details[0]!.field).toBe('supersedes');
  });

  it('works as a form: problems listed, then published and shown', async () => {
    const agent = h.agent();
    await agent.logIn(staff.login, staff.password);
    const bad = await agent.postForm(
      '/announcements',
      { category: 'guide', title: '', body: '' },
      { csrfFrom: '/announcements/new' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('href="#field-title"');
    const ok = await agent.postForm(
      '/announcements',
      { category: 'policy', title: '政策文件', body: '正文', organizationId: staff.organizationId! },
      { csrfFrom: '/announcements/new' },
    );
    expect(ok.statusCode).toBe(303);
    const page = await agent.get(ok.headers.location as string);
    expect(page.body).toContain('已发布，公开日志序号');
    expect(page.body).toContain('发布更正');
  });

  it('splits paragraphs on blank lines', () => {
    expect(paragraphsOf('a\r\n\r\n  b\n c \n\n\n')).toEqual(['a', 'b\nc']);
  });
});
