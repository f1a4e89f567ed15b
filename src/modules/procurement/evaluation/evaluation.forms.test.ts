// The evaluation's HTML forms on both databases (evaluation.forms.tsx), told as one open tender of one
// lot through a browser without JavaScript: a confirmed expert reviews each bid (a rejection without
// reason refused, 87号令 Art 44, 50), records the explanation of an abnormally low price (Art 60), scores
// within the ranges (Art 55) and delivers the report; an outsider is refused (GPR Art 39, 41); the
// department confirms the lot (GPR Art 43) and the published result notice names the supplier and scores.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMembership } from '../../../platform/auth/add-membership.js';
import { describeEachDatabase } from '../../../testing/databases.js';
import { startHarness, testUscc, type Agent, type Harness, type TestUser } from '../../../testing/harness.js';
import { registerOrganization } from '../../organizations/index.js';
import { publishedIntention } from '../procurement.fixtures.js';
import { openAt, seatPanel } from './evaluation.fixtures.js';
import { SERVICE_PLAN } from './evaluation.plans.js';

describeEachDatabase('evaluation forms', (db) => {
  let h: Harness;
  let staff: TestUser;
  let expert: TestUser;
  let outsider: TestUser;
  let expertAgent: Agent;
  let staffAgent: Agent;
  let outsiderAgent: Agent;
  let projectId: string;
  const bids: string[] = [];
  const names: string[] = [];
  const page = () => `/procurement/projects/${projectId}/evaluation`;

  async function call<T>(user: TestUser, method: 'POST', url: string, payload: unknown) {
    const res = await h.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${user.token}` },
      payload: payload as Record<string, unknown>,
    });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json<T>();
  }

  async function login(user: TestUser) {
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    return agent;
  }

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    const civil = await h.user('civilAffairs');
    expert = await h.user('expert');
    outsider = await h.user('expert');
    const intentionId = await publishedIntention(h, staff, 100);
    h.clock.set('2026-10-09T02:00:00Z');
    ({ id: projectId } = await call<{ id: string }>(staff, 'POST', '/api/v1/projects', {
      intentionId,
      title: '望京街道居家养老上门服务（评审表单）',
      method: 'openTender',
      lots: [{ title: '全区', budgetFen: 10_000_000 }],
      evaluation: SERVICE_PLAN,
    }));
    await call(staff, 'POST', `/api/v1/projects/${projectId}/notice`, {
      deadline: '2026-10-29',
      text: '采购公告',
    });
    h.clock.set('2026-10-20T02:00:00Z');
    for (const [i, price] of [9_000_000, 9_500_000, 5_000_000].entries()) {
      const user = await h.user(null);
      const name = `朝阳区评审表单服务中心${i + 1}`;
      await h.run(async (ctx) => {
        const { id } = await registerOrganization(ctx, {
          name,
          orgType: 'serviceAgency',
          uscc: testUscc(970_100 + i),
          registrationLevel: 'district',
          districtCode: '110105',
          registrationAuthorityId: civil.organizationId!,
        });
        await addMembership(ctx, user.id, { organizationId: id, role: 'providerMember' });
      });
      const r = await call<{ bidId: string }>(user, 'POST', `/api/v1/projects/${projectId}/bids`, {
        lots: [{ number: 1, priceFen: price }],
        statement: '服务方案',
        creditCommitment: true,
      });
      bids.push(r.bidId);
      names.push(name);
    }
    await openAt(h, '2026-10-29', projectId);
    await seatPanel(h, projectId, [expert]);
    h.clock.set('2026-11-02T02:00:00Z');
    expertAgent = await login(expert);
    staffAgent = await login(staff);
    outsiderAgent = await login(outsider);
  });
  afterAll(() => h.close());

  const form = (agent: Agent, step: string, fields: Record<string, string>) =>
    agent.postForm(`${page()}/${step}`, fields, { csrfFrom: page() });
  /** The same form, sent by a browser reading the pages in English. */
  const formEn = async (agent: Agent, step: string, fields: Record<string, string>) =>
    agent.request({
      method: 'POST',
      url: `${page()}/${step}`,
      cookies: { gongshi_lang: 'en' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: await agent.csrf(page()), ...fields }).toString(),
    });

  it('shows a confirmed expert one review form per bid, with labelled fields', async () => {
    const res = await expertAgent.get(page());
    expect(res.statusCode).toBe(200);
    expect(res.body.match(/action="[^"]*\/evaluation\/reviews"/g)).toHaveLength(3);
    expect(res.body).toContain('审查结论');
    // The department sees the state but no expert's form, and no confirmation before the report.
    const dept = await staffAgent.get(page());
    expect(dept.statusCode).toBe(200);
    expect(dept.body).not.toContain('/evaluation/reviews"');
    expect(dept.body).not.toContain('/evaluation/awards"');
  });

  it('refuses a rejection without its reason (87号令 第四十四条、第五十条), in zh-CN and English; nothing written', async () => {
    const res = await form(expertAgent, 'reviews', { bidId: bids[0]!, lot: '1', passed: 'false' });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('不通过审查须写明理由');
    expect(res.body).toContain('第四十四条');
    expect(res.body).toContain('aria-invalid="true"');
    const en = await formEn(expertAgent, 'reviews', { bidId: bids[0]!, lot: '1', passed: 'false' });
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain('A rejection needs its reason');
    const missing = await form(expertAgent, 'reviews', { bidId: bids[0]!, lot: '1' });
    expect(missing.statusCode).toBe(422);
    const view = await expertAgent.get(page());
    expect(view.body.match(/action="[^"]*\/evaluation\/reviews"/g)).toHaveLength(3);
  });

  it('refuses an expert who is not on the panel (政府采购法实施条例 第三十九条、第四十一条)', async () => {
    const res = await form(outsiderAgent, 'reviews', { bidId: bids[0]!, lot: '1', passed: 'true' });
    expect(res.statusCode).toBe(403);
    expect((await outsiderAgent.get(page())).statusCode).toBe(403);
  });

  it('records the reviews (303 with a flash), then asks for the abnormally low price’s explanation (87号令 第六十条)', async () => {
    for (const bidId of bids) {
      const res = await form(expertAgent, 'reviews', { bidId, lot: '1', passed: 'true', reason: '' });
      expect(res.statusCode, res.body).toBe(303);
      expect(res.headers.location).toBe(`${page()}#lot-1`);
    }
    const view = await expertAgent.get(page());
    expect(view.body).toContain('审查结论已提交');
    expect(view.body).not.toContain('/evaluation/reviews"');
    const again = await form(expertAgent, 'reviews', { bidId: bids[0]!, lot: '1', passed: 'true' });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('该投标在此包已审查');
    expect(view.body.match(/action="[^"]*\/evaluation\/explanations"/g)).toHaveLength(1);
    // Sheets for the two compliant bids; the low one waits for its explanation.
    expect(view.body.match(/action="[^"]*\/evaluation\/sheets"/g)).toHaveLength(2);
    expect(view.body).toContain('评分区间 0 至 40');

    const empty = await form(expertAgent, 'explanations', { bidId: bids[2]!, lot: '1', accepted: 'true' });
    expect(empty.statusCode).toBe(422);
    const ok = await form(expertAgent, 'explanations', {
      bidId: bids[2]!,
      lot: '1',
      explanation: '人员成本由街道志愿者分担，报价可以履约',
      accepted: 'true',
    });
    expect(ok.statusCode, ok.body).toBe(303);
    const after = await expertAgent.get(page());
    expect(after.body).toContain('说明已接受');
    expect(after.body.match(/action="[^"]*\/evaluation\/sheets"/g)).toHaveLength(3);
  });

  it('refuses a score outside its range naming the criterion and 87号令 第五十五条, then takes each sheet', async () => {
    const bad = await form(expertAgent, 'sheets', {
      bidId: bids[0]!,
      lot: '1',
      'scores.0': '41',
      'scores.1': 'x',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('请填写数字');
    const range = await form(expertAgent, 'sheets', {
      bidId: bids[0]!,
      lot: '1',
      'scores.0': '41',
      'scores.1': '20',
    });
    expect(range.statusCode).toBe(422);
    expect(range.body).toContain('“服务方案”的得分须在 0 至 40 之间');
    expect(range.body).toContain('第五十五条');
    expect(range.body).toContain('value="41"');
    const rangeEn = await formEn(expertAgent, 'sheets', {
      bidId: bids[0]!,
      lot: '1',
      'scores.0': '41',
      'scores.1': '20',
    });
    expect(rangeEn.statusCode).toBe(422);
    expect(rangeEn.body).toContain('The score for “服务方案” must be between 0 and 40');
    expect(rangeEn.body).toContain('Scoring sheet');
    // The report cannot come before the sheets (no form for it either).
    expect((await form(expertAgent, 'report', {})).statusCode).toBe(409);
    for (const [i, bidId] of bids.entries()) {
      const res = await form(expertAgent, 'sheets', {
        bidId,
        lot: '1',
        'scores.0': `${36 - i}`,
        'scores.1': '25.5',
      });
      expect(res.statusCode, res.body).toBe(303);
    }
    const twice = await form(expertAgent, 'sheets', {
      bidId: bids[0]!,
      lot: '1',
      'scores.0': '1',
      'scores.1': '1',
    });
    expect(twice.statusCode).toBe(409);
  });

  it('delivers the report once every sheet is in; the ranking shows', async () => {
    const view = await expertAgent.get(page());
    expect(view.body).toContain('/evaluation/report"');
    const res = await form(expertAgent, 'report', {});
    expect(res.statusCode, res.body).toBe(303);
    const after = await expertAgent.get(page());
    expect(after.body).toContain('评审报告已出具');
    expect(after.body).toContain('评审排序');
    expect(after.body).not.toContain('/evaluation/report"');
    expect((await form(expertAgent, 'report', {})).statusCode).toBe(409);
  });

  it('lets the department confirm the lot (政府采购法实施条例 第四十三条); the result notice names the supplier and scores', async () => {
    const view = await staffAgent.get(page());
    expect(view.body).toContain('确定第 1 包的中标（成交）供应商');
    expect((await form(expertAgent, 'awards', { lot: '1' })).statusCode).toBe(403);
    const bad = await form(staffAgent, 'awards', { lot: '7' });
    expect(bad.statusCode).toBe(422);
    const res = await form(staffAgent, 'awards', { lot: '1' });
    expect(res.statusCode, res.body).toBe(303);
    const after = await staffAgent.get(page());
    expect(after.body).toContain('结果公告已发布');
    expect(after.body).toContain(`中标（成交）供应商：${names[2]}`);
    expect(after.body).not.toContain('/evaluation/awards"');
    const link = /href="(\/records\/[^"]+)"/.exec(after.body)?.[1];
    expect(link).toBeDefined();
    const notice = await h.agent().get(link!);
    expect(notice.statusCode).toBe(200);
    expect(notice.body).toContain(names[2]!);
    expect(notice.body).toContain('89.5'); // 34 + 25.5 + the full price score 30 (lowest price)
    expect((await form(staffAgent, 'awards', { lot: '1' })).statusCode).toBe(409);
  });
});
