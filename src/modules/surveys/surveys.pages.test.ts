// Needs surveys as pages (S7): a department creates a survey, adds questions, opens it, issues links
// (page and CSV), reads the results and publishes the summary; another department sees none of it.
// Both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';

describeEachDatabase('needs survey pages', (db) => {
  let h: Harness;
  let staff: TestUser;
  let otherStaff: TestUser;

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    otherStaff = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  it('works as pages: create, questions, open, links (page and CSV), results and summary', async () => {
    const agent = h.agent();
    await agent.logIn(staff.login, staff.password);
    const created = await agent.postForm(
      '/surveys',
      { title: '页面调研', purpose: '了解需求', subject: '社区助餐' },
      { csrfFrom: '/surveys/new' },
    );
    expect(created.statusCode).toBe(303);
    const page = created.headers.location as string;

    const badQuestion = await agent.postForm(
      `${page}/questions`,
      { prompt: '需要哪些服务？', kind: 'single', required: 'yes', options: '助餐' },
      { csrfFrom: page },
    );
    expect(badQuestion.statusCode).toBe(422);
    expect(badQuestion.body).toContain('href="#field-question-options"');
    expect(badQuestion.body).toContain('至少要有两个选项');

    for (const q of [
      { prompt: '需要哪些服务？', kind: 'multiple', required: 'yes', options: '助餐\n助浴\n\n上门探访' },
      { prompt: '满意度', kind: 'rating', required: 'no', options: '' },
    ]) {
      expect((await agent.postForm(`${page}/questions`, q, { csrfFrom: page })).statusCode).toBe(303);
    }
    const draft = await agent.get(page);
    expect(draft.body).toContain('上门探访');
    expect(draft.body).toContain('开始调研');

    expect((await agent.postForm(`${page}/open`, {}, { csrfFrom: page })).statusCode).toBe(303);
    const shown = await agent.postForm(`${page}/links`, { count: '2', format: 'page' }, { csrfFrom: page });
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('只显示这一次');
    const urls = [...shown.body.matchAll(/<code>(https?:\/\/[^<]+\/s\/([A-Za-z0-9_-]{22}))<\/code>/g)];
    expect(urls).toHaveLength(2);

    const csv = await agent.postForm(
      `${page}/links`,
      { count: '3', respondentKind: 'organization', format: 'csv' },
      { csrfFrom: page },
    );
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="survey-links-2026-11-26.csv"');
    expect(csv.body.trim().split('\r\n')).toHaveLength(4);

    const badCount = await agent.postForm(
      `${page}/links`,
      { count: '0', format: 'page' },
      { csrfFrom: page },
    );
    expect(badCount.statusCode).toBe(422);
    expect(badCount.body).toContain('href="#field-links-count"');

    // A respondent answers on the public page, without logging in.
    const token = urls[0]![2]!;
    const respondent = h.agent();
    const form = await respondent.get(`/s/${token}`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('需要哪些服务？');
    expect(form.body).toContain('name="q1"');
    const incomplete = await respondent.postForm(`/s/${token}`, { q2: '5' }, { csrfFrom: `/s/${token}` });
    expect(incomplete.statusCode).toBe(422);
    expect(incomplete.body).toContain('href="#field-q1"');
    expect(incomplete.body).toContain('请回答这一题');
    const sent = await respondent.postForm(
      `/s/${token}`,
      { q1: ['0', '2'], q2: '4' },
      { csrfFrom: `/s/${token}` },
    );
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/s/thanks');
    expect((await respondent.get('/s/thanks')).body).toContain('您的回答已经收到');
    const used = await respondent.get(`/s/${token}`);
    expect(used.statusCode).toBe(409);
    expect(used.body).toContain('已经回答过了');
    const invalid = await respondent.get('/s/nonsense');
    expect(invalid.statusCode).toBe(404);
    expect(invalid.body).toContain('链接无效');

    expect((await agent.postForm(`${page}/close`, {}, { csrfFrom: page })).statusCode).toBe(303);
    const results = await agent.get(`${page}/results`);
    expect(results.statusCode).toBe(200);
    expect(results.body).toContain('平均 4.00 分');
    expect(results.body).toMatch(/<td>助餐<\/td><td>1<\/td>/);
    const closedLink = await respondent.get(`/s/${urls[1]![2]!}`);
    expect(closedLink.statusCode).toBe(410);
    expect(closedLink.body).toContain('调研已结束');

    const empty = await agent.postForm(`${page}/summary`, { summary: '' }, { csrfFrom: `${page}/results` });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('href="#field-summary"');
    const published = await agent.postForm(
      `${page}/summary`,
      { summary: '居民最需要助餐和上门探访。' },
      { csrfFrom: `${page}/results` },
    );
    expect(published.statusCode).toBe(303);
    const record = await agent.get(published.headers.location as string);
    expect(record.body).toContain('调研结果已发布');
    expect(record.body).toContain('居民最需要助餐和上门探访。');

    // Another department's staff: 403 on the page.
    const other = h.agent();
    await other.logIn(otherStaff.login, otherStaff.password);
    expect((await other.get(page)).statusCode).toBe(403);
    expect((await other.get('/surveys')).body).not.toContain('页面调研');
  });
});
