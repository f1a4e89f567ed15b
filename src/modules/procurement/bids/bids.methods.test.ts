// Sealed bids under the methods that name their suppliers, over the HTTP API on both databases: single
// source, where only the approved supplier responds and no award comes before the pre-notice ran and its
// objections are answered (GPR Art 38), and invited tender, with at least three invited suppliers (GPL
// Art 34) who alone may respond. Shared set-up: bids.fixtures.ts.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import { biddingHelpers, startBiddingSuite, type BiddingSuite } from './bids.fixtures.js';
import { planFor } from '../evaluation/evaluation.plans.js';

describeEachDatabase('sealed bids and the opening', (db) => {
  let suite: BiddingSuite;
  let h: Harness;
  let staff: TestUser;
  let finance: TestUser;
  let intentionId: string;
  const { api, provider, openProject, bid } = biddingHelpers(() => suite);

  beforeAll(async () => {
    suite = await startBiddingSuite(db());
    ({ h, staff, finance, intentionId } = suite);
  });
  afterAll(() => h.close());

  it('single source: only the approved supplier responds; no award before the pre-notice ran and objections are answered', async () => {
    const supplier = await provider('通州区唯一失智照护中心');
    const stranger = await provider('通州区另一服务中心');
    const projectId = await openProject('singleSource');
    expect(
      (
        await api('POST', `/api/v1/projects/${projectId}/single-source`, {
          supplierId: supplier.orgId,
          ground: 'soleSupplier',
          justification: '辖区内唯一具备失智老人照护资质的机构',
        })
      ).statusCode,
    ).toBe(204);
    const decided = await api(
      'POST',
      `/api/v1/projects/${projectId}/single-source/decision`,
      { approve: true, note: '同意' },
      finance,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const { objectionsUntil } = decided.json<{ objectionsUntil: string }>();
    const refused = await bid(projectId, stranger);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.message).toContain('通州区唯一失智照护中心');
    h.clock.set(`${objectionsUntil}T02:00:00Z`);
    const supplierAgent = h.agent();
    await supplierAgent.logIn(supplier.login, supplier.password);
    expect((await supplierAgent.get('/procurement/opportunities')).body).toContain(
      `/procurement/projects/${projectId}`,
    );
    expect((await supplierAgent.get('/inbox')).body).toContain('请在');
    const strangerAgent = h.agent();
    await strangerAgent.logIn(stranger.login, stranger.password);
    expect((await strangerAgent.get('/procurement/opportunities')).body).not.toContain(
      `/procurement/projects/${projectId}`,
    );
    const strangerForm = await strangerAgent.get(`/procurement/projects/${projectId}/bid`);
    expect(strangerForm.body).toContain(
      '单一来源采购只接受财政部门批准的供应商（通州区唯一失智照护中心）的响应',
    );
    expect(strangerForm.body).not.toContain('name="statement"');
    const partial = await bid(projectId, supplier, { lots: [{ number: 1, priceFen: 9_000_000 }] });
    expect(partial.json<ErrorBody>().error.details.map((x) => x.field)).toEqual(['lots']);
    const response = await bid(projectId, supplier, {
      lots: [
        { number: 1, priceFen: 5_000_000 },
        { number: 2, priceFen: 4_000_000 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const objection = await api(
      'POST',
      `/api/v1/projects/${projectId}/objections`,
      { text: '还有其他机构具备资质' },
      null,
    );
    expect(objection.statusCode).toBe(201);
    // The day after the pre-notice: the response is opened; the award waits for the answer.
    h.clock.set(`${objectionsUntil}T16:00:01Z`);
    await h.platform.scheduler.tick();
    expect((await api('GET', `/api/v1/projects/${projectId}`)).json<{ status: string }>().status).toBe(
      'opened',
    );
    const early = await api('POST', `/api/v1/projects/${projectId}/award`, {
      priceFen: 8_800_000,
      text: '经协商',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('award_not_allowed');
    h.clock.set(`${objectionsUntil}T18:00:00Z`);
    const { id: objectionId } = objection.json<{ id: string }>();
    expect(
      (
        await api('POST', `/api/v1/projects/${projectId}/objections/${objectionId}/answer`, {
          text: '经核实，其他机构不具备资质',
        })
      ).statusCode,
    ).toBeLessThan(300);
    const tooHigh = await api('POST', `/api/v1/projects/${projectId}/award`, {
      priceFen: 9_000_001,
      text: '经协商',
    });
    expect(tooHigh.json<ErrorBody>().error.details[0]!.field).toBe('priceFen');
    const award = await api('POST', `/api/v1/projects/${projectId}/award`, {
      priceFen: 8_800_000,
      text: '经协商，价格下调',
    });
    expect(award.statusCode, award.body).toBe(201);
    const view = (await api('GET', `/api/v1/projects/${projectId}`, undefined, null)).json<{
      status: string;
      timeline: { kind: string }[];
    }>();
    expect(view.status).toBe('awarded');
    expect(view.timeline.map((t) => t.kind)).toEqual(['singleSource', 'opening', 'award']);
  });

  it('invited tender: at least three invited suppliers (GPL Art 34), and only they may respond', async () => {
    h.clock.set('2026-10-09T02:00:00Z');
    const created = await api('POST', '/api/v1/projects', {
      intentionId,
      title: '邀请招标测试项目',
      method: 'invitedTender',
      lots: [{ title: '全区', budgetFen: 10_000_000 }],
      ...planFor('invitedTender'),
    });
    const projectId = created.json<{ id: string }>().id;
    const [x, y, z, outsider] = await Promise.all([
      provider('东城区受邀一号'),
      provider('东城区受邀二号'),
      provider('东城区受邀三号'),
      provider('东城区未受邀'),
    ]);
    const notice = () =>
      api('POST', `/api/v1/projects/${projectId}/notice`, { deadline: '2026-10-29', text: '邀请招标' });
    const none = await notice();
    expect(none.statusCode).toBe(422);
    expect(none.json<ErrorBody>().error.details[0]).toEqual({
      field: 'suppliers',
      message: '邀请招标至少邀请 3 家供应商（《政府采购法》第三十四条）。',
    });
    const two = await api('PUT', `/api/v1/projects/${projectId}/invitations`, {
      suppliers: [x.uscc, y.uscc],
      basis: '采购人和评审专家书面推荐',
    });
    expect(two.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['suppliers']);
    // Through the page: the refusal next to the field, then the list saved.
    const staffAgent = h.agent();
    await staffAgent.logIn(staff.login, staff.password);
    const refused = await staffAgent.postForm(
      `/procurement/projects/${projectId}/invitations`,
      { suppliers: `${x.uscc}\n${x.uscc}\n${y.uscc}`, basis: '书面推荐' },
      { csrfFrom: `/procurement/projects/${projectId}` },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#field-invite-suppliers"');
    const saved = await staffAgent.postForm(
      `/procurement/projects/${projectId}/invitations`,
      {
        suppliers: `${x.uscc}\n${y.uscc}\n${z.uscc}`,
        basis: '采购人和评审专家书面推荐（朝民采推〔2026〕3号）',
      },
      { csrfFrom: `/procurement/projects/${projectId}` },
    );
    expect(saved.statusCode).toBe(303);
    const published = await notice();
    expect(published.statusCode, published.body).toBe(201);
    const record = (
      await api('GET', `/api/v1/records/${published.json<{ recordId: string }>().recordId}`, undefined, null)
    ).json<{ content: { invitations: { count: number; basis: string } } }>();
    expect(record.content.invitations).toMatchObject({
      count: 3,
      basis: '采购人和评审专家书面推荐（朝民采推〔2026〕3号）',
    });
    // Who is invited is not public before the opening.
    expect(JSON.stringify(record)).not.toContain(x.uscc);
    h.clock.set('2026-10-20T02:00:00Z');
    const refusedBid = await bid(projectId, outsider);
    expect(refusedBid.statusCode).toBe(403);
    expect(refusedBid.json<ErrorBody>().error.message).toBe('邀请招标只接受受邀供应商的响应文件。');
    expect((await bid(projectId, x)).statusCode).toBe(201);
    const invitedAgent = h.agent();
    await invitedAgent.logIn(y.login, y.password);
    expect((await invitedAgent.get('/procurement/opportunities')).body).toContain(
      `/procurement/projects/${projectId}`,
    );
    expect((await invitedAgent.get('/inbox')).body).toContain('邀请招标测试项目');
    const outsiderAgent = h.agent();
    await outsiderAgent.logIn(outsider.login, outsider.password);
    expect((await outsiderAgent.get('/procurement/opportunities')).body).not.toContain(
      `/procurement/projects/${projectId}`,
    );
    expect((await outsiderAgent.get(`/procurement/projects/${projectId}/bid`)).body).toContain(
      '邀请招标只接受受邀供应商的响应文件。',
    );
  });
});
