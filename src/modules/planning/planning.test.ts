// Procurement intentions (采购意向): published at least 30 calendar days before procurement starts
// (财库〔2020〕10号), budgets from cost components (京财综〔2017〕2254号 四.2), the rule the procurement
// engine asks; over the HTTP API and the pages, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';
import { procurementMayStart } from './procurement-may-start.js';

describeEachDatabase('procurement intentions', (db) => {
  let h: Harness;
  let staff: TestUser;
  let otherStaff: TestUser;
  let itemId: string;
  let excludedItemId: string;

  const api = apiClient(
    () => h.app,
    () => staff,
  );

  const intention = (extra: Record<string, unknown> = {}) => ({
    departmentId: staff.organizationId,
    catalogueItemId: itemId,
    projectName: '望京街道居家养老上门服务',
    needs: '为辖区 200 名失能、半失能老年人每月上门服务 4 次',
    procurementFrom: '2027-01-05',
    contractMonths: 12,
    costs: [
      { kind: 'labour', quantity: 24, unit: '人·月', unitCostFen: 850_000 },
      { kind: 'administration', quantity: 12, unit: '月', unitCostFen: 120_000, note: '场地与办公' },
      { kind: 'evaluation', quantity: 1, unit: '次', unitCostFen: 1_500_000 },
    ],
    ...extra,
  });

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    otherStaff = await h.user('purchaserStaff');
    // A published catalogue with one purchasable item and one on the negative list.
    const catalogue = await api('POST', '/api/v1/catalogues', {
      departmentId: staff.organizationId,
      year: 2026,
    });
    const id = catalogue.json<{ id: string }>().id;
    const base = {
      domain: 'livelihood',
      forSocialOrganizations: true,
      negativeReason: '公共服务，适合社会组织承接',
    };
    itemId = (
      await api('POST', `/api/v1/catalogues/${id}/items`, {
        ...base,
        code: 'A01',
        name: '居家养老上门服务',
        negativeCheck: 'none',
        purchasable: true,
      })
    ).json<{ id: string }>().id;
    excludedItemId = (
      await api('POST', `/api/v1/catalogues/${id}/items`, {
        ...base,
        code: 'Z01',
        name: '养老机构新建工程',
        negativeCheck: 'goodsOrWorks',
        purchasable: false,
      })
    ).json<{ id: string }>().id;
    expect((await api('POST', `/api/v1/catalogues/${id}/publish`)).statusCode).toBe(201);
  });
  afterAll(() => h.close());

  describe('drafting', () => {
    it('computes the budget from its costs; keeps the draft to its department', async () => {
      const res = await api('POST', '/api/v1/intentions', intention());
      expect(res.statusCode, res.body).toBe(201);
      const { id, budgetFen } = res.json<{ id: string; budgetFen: number }>();
      // 24 × 8,500 + 12 × 1,200 + 15,000 yuan
      expect(budgetFen).toBe(24 * 850_000 + 12 * 120_000 + 1_500_000);
      expect((await api('GET', `/api/v1/intentions/${id}`, undefined, null)).statusCode).toBe(404);
      expect((await api('GET', `/api/v1/intentions/${id}`, undefined, otherStaff)).statusCode).toBe(404);
      expect((await api('PUT', `/api/v1/intentions/${id}`, intention(), otherStaff)).statusCode).toBe(403);
      const view = (await api('GET', `/api/v1/intentions/${id}`)).json<{
        monthlyFen: number;
        costs: { kind: string }[];
      }>();
      expect(view.monthlyFen).toBe(Math.round(budgetFen / 12));
      expect(view.costs.map((c) => c.kind)).toEqual(['labour', 'administration', 'evaluation']);
    });

    it('refuses a start less than 30 days ahead (财库〔2020〕10号), naming the earliest date, and writes nothing', async () => {
      const before = (await api('GET', '/api/v1/intentions?page=1', undefined, null)).json<{
        total: number;
      }>().total;
      // Today in Beijing is 2026-11-26: the earliest start is 2026-12-26.
      const res = await api('POST', '/api/v1/intentions', intention({ procurementFrom: '2026-12-25' }));
      expect(res.statusCode).toBe(422);
      const [detail] = res.json<ErrorBody>().error.details;
      expect(detail!.field).toBe('procurementFrom');
      expect(detail!.message).toContain('2026-12-26');
      expect(detail!.message).toContain('财库〔2020〕10号');
      expect(
        (await api('POST', '/api/v1/intentions', intention({ procurementFrom: '2026-12-26' }))).statusCode,
      ).toBe(201);
      const count = await h.run((ctx) =>
        ctx.trx.selectFrom('intentions').select('id').where('procurement_from', '=', '2026-12-25').execute(),
      );
      expect(count).toEqual([]);
      expect((await api('GET', '/api/v1/intentions', undefined, null)).json<{ total: number }>().total).toBe(
        before,
      );
    });

    it('refuses an item that is not purchasable, an empty budget, a cost twice, money that is not whole fen', async () => {
      const excluded = await api(
        'POST',
        '/api/v1/intentions',
        intention({ catalogueItemId: excludedItemId }),
      );
      expect(excluded.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['catalogueItemId']);
      const empty = await api(
        'POST',
        '/api/v1/intentions',
        intention({ costs: [{ kind: 'labour', quantity: 0, unit: '人', unitCostFen: 100 }] }),
      );
      expect(empty.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['costs']);
      const twice = await api(
        'POST',
        '/api/v1/intentions',
        intention({
          costs: [
            { kind: 'labour', quantity: 1, unit: '人', unitCostFen: 100 },
            { kind: 'labour', quantity: 2, unit: '人', unitCostFen: 100 },
          ],
        }),
      );
      expect(twice.json<ErrorBody>().error.details).toEqual([
        { field: 'costs', message: '每个成本要素只能填一行。' },
      ]);
      const fractional = await api(
        'POST',
        '/api/v1/intentions',
        intention({
          costs: [{ kind: 'labour', quantity: 1, unit: '人', unitCostFen: 10.5 }],
        }),
      );
      expect(fractional.statusCode).toBe(422);
      const negative = await api(
        'POST',
        '/api/v1/intentions',
        intention({
          costs: [{ kind: 'labour', quantity: 1, unit: '人', unitCostFen: -100 }],
        }),
      );
      expect(negative.statusCode).toBe(422);
      const longTerm = await api('POST', '/api/v1/intentions', intention({ contractMonths: 37 }));
      expect(longTerm.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['contractMonths']);
      const theirs = await api('POST', '/api/v1/intentions', intention(), otherStaff);
      expect(theirs.statusCode).toBe(403);
    });
  });

  describe('publishing', () => {
    it('publishes through publish(); procurement may start 30 days later; published, it never changes', async () => {
      const { id } = (await api('POST', '/api/v1/intentions', intention())).json<{ id: string }>();
      const published = await api('POST', `/api/v1/intentions/${id}/publish`);
      expect(published.statusCode, published.body).toBe(201);
      const body = published.json<{ recordId: string; procurementAllowedFrom: string }>();
      expect(body.procurementAllowedFrom).toBe('2026-12-26');
      const record = (await api('GET', `/api/v1/records/${body.recordId}`, undefined, null)).json<{
        kind: string;
        content: { budgetFen: number; procurementAllowedFrom: string; costs: { amountFen: number }[] };
      }>();
      expect(record.kind).toBe('procurementIntention');
      expect(record.content.procurementAllowedFrom).toBe('2026-12-26');
      expect(record.content.costs.reduce((s, c) => s + c.amountFen, 0)).toBe(record.content.budgetFen);

      expect((await api('PUT', `/api/v1/intentions/${id}`, intention())).statusCode).toBe(409);
      expect((await api('GET', `/api/v1/intentions/${id}`, undefined, null)).statusCode).toBe(200);
      // The rule the procurement engine asks (财库〔2020〕10号).
      const early = await h.run((ctx) => procurementMayStart(ctx.trx, id, '2026-12-25'));
      expect(early).toMatchObject({
        allowed: false,
        key: 'planning.start.tooEarly',
        params: { from: '2026-12-26' },
      });
      expect(await h.run((ctx) => procurementMayStart(ctx.trx, id, '2026-12-26'))).toEqual({
        allowed: true,
        from: '2026-12-26',
      });
      const { id: draft } = (await api('POST', '/api/v1/intentions', intention())).json<{ id: string }>();
      expect(await h.run((ctx) => procurementMayStart(ctx.trx, draft, '2027-06-01'))).toMatchObject({
        allowed: false,
        key: 'planning.start.notPublished',
      });
    });

    it('urgent, unforeseeable purchases start without the 30-day wait only with their reason recorded and published (财库〔2020〕10号 二（三）)', async () => {
      // Today in Beijing is 2026-11-26; a start on 11-30 is less than 30 days ahead.
      const urgent = { procurementFrom: '2026-11-30' };
      const without = await api('POST', '/api/v1/intentions', intention(urgent));
      expect(without.statusCode).toBe(422);
      const problems = without.json<ErrorBody>().error.details;
      expect(problems.map((p) => p.field)).toEqual(['procurementFrom', 'urgentReason']);
      expect(problems[1]!.message).toContain('财库〔2020〕10号');
      const blank = await api('POST', '/api/v1/intentions', intention({ ...urgent, urgentReason: '   ' }));
      expect(blank.json<ErrorBody>().error.details.map((p) => p.field)).toEqual([
        'procurementFrom',
        'urgentReason',
      ]);
      const short = await api(
        'POST',
        '/api/v1/intentions',
        intention({ ...urgent, urgentReason: '情况紧急' }),
      );
      expect(short.statusCode).toBe(422);
      expect(short.json<ErrorBody>().error.details.map((p) => p.field)).toEqual(['urgentReason']);
      const tooLong = await api(
        'POST',
        '/api/v1/intentions',
        intention({ ...urgent, urgentReason: '急'.repeat(1001) }),
      );
      expect(tooLong.statusCode).toBe(422);
      expect(tooLong.json<ErrorBody>().error.details.map((p) => p.field)).toEqual(['urgentReason']);
      const reason = '11 月 20 日暴雨致辖区养老驿站停用，120 名独居老人需立即转为上门照护';
      const past = await api(
        'POST',
        '/api/v1/intentions',
        intention({ procurementFrom: '2026-11-25', urgentReason: reason }),
      );
      expect(past.json<ErrorBody>().error.details.map((p) => p.field)).toEqual(['procurementFrom']);

      const created = await api(
        'POST',
        '/api/v1/intentions',
        intention({ ...urgent, urgentReason: ` ${reason} ` }),
      );
      expect(created.statusCode, created.body).toBe(201);
      const { id } = created.json<{ id: string }>();
      const published = await api('POST', `/api/v1/intentions/${id}/publish`);
      expect(published.statusCode, published.body).toBe(201);
      const body = published.json<{ recordId: string; procurementAllowedFrom: string }>();
      expect(body.procurementAllowedFrom).toBe('2026-11-26');
      const record = (await api('GET', `/api/v1/records/${body.recordId}`, undefined, null)).json<{
        content: { urgentExemption: { reason: string; source: string } };
      }>();
      expect(record.content.urgentExemption.reason).toBe(reason);
      expect(record.content.urgentExemption.source).toContain('财库〔2020〕10号）二（三）');
      expect(await h.run((ctx) => procurementMayStart(ctx.trx, id, '2026-11-26'))).toEqual({
        allowed: true,
        from: '2026-11-26',
      });
      // Shown to everyone on the intention's page, and on the project that relies on it.
      const page = await h.agent().get(`/intentions/${id}`);
      expect(page.body).toContain(reason);
      expect(page.body).toContain('2026-11-26 起（紧急采购，不等 30 日）');
      const project = await api('POST', '/api/v1/projects', {
        intentionId: id,
        title: '望京街道居家养老上门服务（紧急）',
        method: 'competitiveNegotiation',
        lots: [{ title: '全部', budgetFen: 1_000_000 }],
      });
      expect(project.statusCode, project.body).toBe(201);
      const projectId = project.json<{ id: string }>().id;
      const view = (await api('GET', `/api/v1/projects/${projectId}`)).json<{
        intention: { urgentReason: string | null };
      }>();
      expect(view.intention.urgentReason).toBe(reason);
      const keeper = h.agent();
      await keeper.logIn(staff.login, staff.password);
      expect((await keeper.get(`/procurement/projects/${projectId}`)).body).toContain(reason);
    });

    it('refuses to publish a draft that waited past its 30 days', async () => {
      const { id } = (
        await api('POST', '/api/v1/intentions', intention({ procurementFrom: '2026-12-30' }))
      ).json<{ id: string }>();
      h.clock.advance(10 * 24 * 3600_000);
      try {
        const res = await api('POST', `/api/v1/intentions/${id}/publish`);
        expect(res.statusCode).toBe(422);
        expect(res.json<ErrorBody>().error.details[0]!.field).toBe('procurementFrom');
      } finally {
        h.clock.set('2026-11-26T02:00:00Z');
      }
    });

    it('compares the budget with similar published intentions', async () => {
      const { id } = (await api('POST', '/api/v1/intentions', intention({ contractMonths: 6 }))).json<{
        id: string;
      }>();
      const view = (await api('GET', `/api/v1/intentions/${id}`)).json<{
        comparison: { count: number; monthlyMinFen: number | null; items: { monthlyFen: number }[] };
      }>();
      expect(view.comparison.count).toBeGreaterThanOrEqual(1);
      expect(view.comparison.monthlyMinFen).toBe(Math.min(...view.comparison.items.map((i) => i.monthlyFen)));
    });
  });

  describe('pages', () => {
    it('drafts through the form: a half-filled cost line is named; the saved draft shows its costs', async () => {
      const agent = h.agent();
      await agent.logIn(staff.login, staff.password);
      const fields = {
        departmentId: staff.organizationId!,
        catalogueItemId: itemId,
        projectName: '社区助餐服务',
        needs: '每日午餐 100 份',
        procurementFrom: '2027-02-01',
        contractMonths: '12',
        labourQuantity: '2',
        labourUnit: '人',
        labourUnitCost: '6000.50',
      };
      const half = await agent.postForm(
        '/intentions/new',
        { ...fields, taxesQuantity: '1' },
        { csrfFrom: '/intentions/new' },
      );
      expect(half.statusCode).toBe(422);
      expect(half.body).toContain('这一行请同时填写数量、单位和单价。');
      expect(half.body).toContain('社区助餐服务');
      const saved = await agent.postForm('/intentions/new', fields, { csrfFrom: '/intentions/new' });
      expect(saved.statusCode, saved.body).toBe(303);
      const page = await agent.get(saved.headers.location as string);
      expect(page.body).toContain('12,001'); // 2 × 6,000.50 yuan
      expect(page.body).toContain('预算构成');
      const list = await h.app.inject({ method: 'GET', url: '/intentions' });
      expect(list.statusCode).toBe(200);
    });
  });
});
