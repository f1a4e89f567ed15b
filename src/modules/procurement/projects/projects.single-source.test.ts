// Single source (GPL Art 31, GPR Art 38), as far as the project goes: an eligible supplier, the finance
// bureau's approval, 5 working days of pre-notice, objections answered before the award may come; and
// no tender notice for it. Over the HTTP API on both databases; the shared set-up is in
// projects.fixtures.ts (the single-source response and award are in bids/bids.methods.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationLifecycle } from '../../../platform/auth/organizations.lifecycle.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import { testUscc, type Harness, type TestUser } from '../../../testing/harness.js';
import { registerOrganization } from '../../organizations/index.js';
import { singleSourceMayAward } from '../single-source/single-source.js';
import { projectHelpers, startProjectsSuite, type ProjectsSuite } from './projects.fixtures.js';

describeEachDatabase('procurement projects and notices', (db) => {
  let suite: ProjectsSuite;
  let h: Harness;
  let other: TestUser;
  const { api, project } = projectHelpers(() => suite);

  beforeAll(async () => {
    suite = await startProjectsSuite(db());
    ({ h, other } = suite);
  });
  afterAll(() => h.close());

  describe('notices', () => {
    it('single source: an eligible supplier, the finance bureau’s approval, 5 working days of pre-notice, objections answered (GPL Art 31, GPR Art 38)', async () => {
      h.clock.set('2026-10-09T02:00:00Z');
      const civil = await h.user('civilAffairs');
      const finance = await h.user('finance');
      const register = (n: number) =>
        h.run((ctx) =>
          registerOrganization(ctx, {
            name: `北京市测试养老服务中心${n}`,
            orgType: 'serviceAgency',
            uscc: testUscc(900_000 + n),
            registrationLevel: 'district',
            districtCode: '110105',
            registrationAuthorityId: civil.organizationId!,
          }),
        );
      const eligible = (await register(1)).id;
      const revoked = (await register(2)).id;
      await h.run((ctx) =>
        transition(ctx, organizationLifecycle, { id: revoked, status: 'active' }, 'deactivate'),
      );
      const { id } = (await api('POST', '/api/v1/projects', project({ method: 'singleSource' }))).json<{
        id: string;
      }>();
      const request = (supplierId: string) =>
        api('POST', `/api/v1/projects/${id}/single-source`, {
          supplierId,
          ground: 'soleSupplier',
          justification: '该机构是辖区内唯一具备失智老人照护资质的社会服务机构',
        });
      const refused = await request(revoked);
      expect(refused.statusCode).toBe(422);
      expect(refused.json<ErrorBody>().error).toMatchObject({ code: 'supplier_ineligible' });
      expect(refused.json<ErrorBody>().error.details[0]).toEqual({
        field: 'supplierId',
        message: '登记已注销或停用。',
      });
      expect((await request(eligible)).statusCode).toBe(204);
      expect((await request(eligible)).statusCode).toBe(409);
      // Not public yet; the finance bureau sees it and decides; purchasers cannot.
      expect((await api('GET', `/api/v1/projects/${id}`, undefined, null)).statusCode).toBe(404);
      expect((await api('GET', `/api/v1/projects/${id}`, undefined, finance)).statusCode).toBe(200);
      const financeAgent = h.agent();
      await financeAgent.logIn(finance.login, finance.password);
      expect((await financeAgent.get('/procurement/approvals')).body).toContain('北京市测试养老服务中心1');
      expect(
        (await api('POST', `/api/v1/projects/${id}/single-source/decision`, { approve: true, note: '同意' }))
          .statusCode,
      ).toBe(403);
      const decision = await api(
        'POST',
        `/api/v1/projects/${id}/single-source/decision`,
        { approve: true, note: '理由充分，同意' },
        finance,
      );
      expect(decision.statusCode, decision.body).toBe(200);
      // Friday 10-09 + 5 working days: Saturday 10-10 is a working day after the National Day holiday (调休).
      // The award may come the day after the pre-notice's last day (GPR Art 38).
      expect(decision.json()).toEqual({ objectionsUntil: '2026-10-15', earliestAward: '2026-10-16' });
      const view = (await api('GET', `/api/v1/projects/${id}`, undefined, null)).json<{
        singleSource: { supplier: { name: string }; recordId: string; status: string };
      }>();
      expect(view.singleSource).toMatchObject({
        status: 'approved',
        supplier: { name: '北京市测试养老服务中心1' },
      });
      const notice = (
        await api('GET', `/api/v1/records/${view.singleSource.recordId}`, undefined, null)
      ).json<{ kind: string; content: { objectionsUntil: string; earliestAward: string } }>();
      expect(notice.kind).toBe('singleSourceNotice');
      // Published and shown: the notice's last day and the award the day after (GPR Art 38).
      expect(notice.content).toMatchObject({ objectionsUntil: '2026-10-15', earliestAward: '2026-10-16' });
      expect((await h.agent().get(`/procurement/projects/${id}`)).body).toContain(
        '公示期至 2026-10-15（北京时间），期间任何人可以提出异议；最早 2026-10-16 起可以确定成交。',
      );
      const listed = (await api('GET', '/api/v1/notices?kind=singleSource', undefined, null)).json<{
        items: { project: { id: string }; deadline: string }[];
      }>();
      expect(listed.items.find((n) => n.project.id === id)?.deadline).toBe('2026-10-15');

      // Anyone objects; the award waits for the notice to run and the answer.
      const objection = await api(
        'POST',
        `/api/v1/projects/${id}/objections`,
        { text: '本街道另有两家机构具备同类资质' },
        null,
      );
      expect(objection.statusCode).toBe(201);
      const objectionId = objection.json<{ id: string }>().id;
      // The same through the page, by a visitor who is not signed in; the finance page shows the decision.
      const visitor = h.agent();
      const page = `/procurement/projects/${id}`;
      expect((await visitor.get(page)).body).toContain('提出异议');
      const empty = await visitor.postForm(`${page}/objections`, { text: '' }, { csrfFrom: page });
      expect(empty.statusCode).toBe(422);
      const posted = await visitor.postForm(
        `${page}/objections`,
        { text: '请公开唯一性论证材料' },
        { csrfFrom: page },
      );
      expect(posted.statusCode).toBe(303);
      // Objections made in the same millisecond have no order between them: find it by its text.
      const second = (await api('GET', `/api/v1/projects/${id}`, undefined, null))
        .json<{ objections: { id: string; text: string }[] }>()
        .objections.find((o) => o.text === '请公开唯一性论证材料')!.id;
      expect(
        (
          await api('POST', `/api/v1/projects/${id}/objections/${second}/answer`, {
            text: '论证材料已随公示发布',
          })
        ).statusCode,
      ).toBe(204);
      expect(await h.run((ctx) => singleSourceMayAward(ctx.trx, id, '2026-10-19'))).toMatchObject({
        allowed: false,
        key: 'procurement.award.objectionsOpen',
      });
      expect(
        (
          await api(
            'POST',
            `/api/v1/projects/${id}/objections/${objectionId}/answer`,
            { text: '已核实' },
            other,
          )
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await api('POST', `/api/v1/projects/${id}/objections/${objectionId}/answer`, {
            text: '经核实，另两家机构不具备失智照护资质',
          })
        ).statusCode,
      ).toBe(204);
      // The last day of the pre-notice is still the notice's own: no award on it (GPR Art 38).
      expect(await h.run((ctx) => singleSourceMayAward(ctx.trx, id, '2026-10-15'))).toEqual({
        allowed: false,
        key: 'procurement.award.noticeRunning',
        params: { until: '2026-10-15', date: '2026-10-16' },
      });
      expect(await h.run((ctx) => singleSourceMayAward(ctx.trx, id, '2026-10-16'))).toEqual({
        allowed: true,
      });
      // After the notice: no more objections.
      h.clock.set('2026-10-16T02:00:00Z');
      expect(
        (await api('POST', `/api/v1/projects/${id}/objections`, { text: '晚了' }, null)).statusCode,
      ).toBe(409);
    });

    it('leaves single source to its own procedure (approval and pre-notice), for now refused with the reason', async () => {
      h.clock.set('2026-10-09T02:00:00Z');
      const { id } = (await api('POST', '/api/v1/projects', project({ method: 'singleSource' }))).json<{
        id: string;
      }>();
      const res = await api('POST', `/api/v1/projects/${id}/notice`, {
        deadline: '2026-11-30',
        text: '单一来源',
      });
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.details[0]!.field).toBe('method');
    });
  });
});
