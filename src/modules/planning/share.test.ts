// The 30% monitor (S5; 京财综〔2017〕2254号 三.2): planned and contracted spending, the share per
// department, district and city, the chart, the Excel export; on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership } from '../../platform/auth/add-membership.js';
import { createOrganization } from '../../platform/auth/create-organization.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';
import { recordContractedSpending } from './record-spending.js';

interface Row {
  id: string;
  name: string;
  purchaseSpendingFen: number;
  socialOrgSpendingFen: number;
  share: number | null;
  meetsTarget: boolean | null;
  basis: string;
}

describeEachDatabase('30% share monitor', (db) => {
  let h: Harness;
  let chaoyang: TestUser; // staff of a district department in Chaoyang
  let haidian: TestUser; // staff of a street office in Haidian
  let chaoyangId: string;
  let haidianId: string;

  const api = apiClient(
    () => h.app,
    () => chaoyang,
  );
  const plan = (
    user: TestUser,
    departmentId: string,
    projectName: string,
    amountFen: number,
    socialOrganization: boolean,
  ) =>
    api(
      'POST',
      '/api/v1/planning/spending',
      { departmentId, year: 2026, projectName, amountFen, socialOrganization },
      user,
    );
  const share = async (query: string) =>
    (await api('GET', `/api/v1/planning/share?year=2026&${query}`, undefined, null)).json<Row[]>();

  beforeAll(async () => {
    h = await startHarness(db());
    chaoyang = await h.user('purchaserStaff');
    haidian = await h.user('purchaserStaff');
    // Departments with a place in the city: a Chaoyang bureau and a Haidian street office (its name
    // has markup, which must come out as text in the chart and the table).
    [chaoyangId, haidianId] = await h.run(async (ctx) => {
      const a = await createOrganization(ctx, {
        name: '朝阳区测试局',
        kind: 'bureau',
        level: 'district',
        districtCode: '110105',
      });
      const b = await createOrganization(ctx, {
        name: '海淀<b>街道</b>',
        kind: 'purchaser',
        level: 'street',
        districtCode: '110108',
      });
      await addMembership(ctx, chaoyang.id, { organizationId: a.id, role: 'purchaserStaff' });
      await addMembership(ctx, haidian.id, { organizationId: b.id, role: 'purchaserStaff' });
      return [a.id, b.id];
    });
  });
  afterAll(() => h.close());

  describe('planned spending', () => {
    it('measures each department by its plan: shares, the 30% target, districts and the city', async () => {
      expect((await plan(chaoyang, chaoyangId, '居家养老上门服务', 40_000_000, true)).statusCode).toBe(201);
      expect((await plan(chaoyang, chaoyangId, '政务服务热线外包', 60_000_000, false)).statusCode).toBe(201);
      expect((await plan(haidian, haidianId, '社区议事协商辅导', 10_000_000, true)).statusCode).toBe(201);
      expect((await plan(haidian, haidianId, '街道保洁', 40_000_000, false)).statusCode).toBe(201);

      const departments = await share('level=department');
      expect(departments.find((r) => r.id === chaoyangId)).toMatchObject({
        purchaseSpendingFen: 100_000_000,
        socialOrgSpendingFen: 40_000_000,
        share: 0.4,
        meetsTarget: true,
        basis: 'plan',
      });
      expect(departments.find((r) => r.id === haidianId)).toMatchObject({ share: 0.2, meetsTarget: false });
      // Lowest share first, so the departments below the target lead the list.
      expect(departments[0]!.id).toBe(haidianId);

      const districts = await share('level=district');
      expect(districts.find((r) => r.id === '110105')).toMatchObject({ share: 0.4, meetsTarget: true });
      expect(districts.find((r) => r.id === '110108')).toMatchObject({ name: '海淀区', share: 0.2 });
      const [city] = await share('level=city');
      expect(city).toMatchObject({
        id: '110000',
        purchaseSpendingFen: 150_000_000,
        socialOrgSpendingFen: 50_000_000,
        share: 0.3333,
      });
      // Drill-down: the departments of one district.
      expect((await share('level=department&district=110108')).map((r) => r.id)).toEqual([haidianId]);
      const unknown = await api('GET', '/api/v1/planning/share?year=2026&district=999999', undefined, null);
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json<ErrorBody>().error.details[0]!.field).toBe('district');
      expect((await api('GET', '/api/v1/planning/share?level=province', undefined, null)).statusCode).toBe(
        422,
      );
    });

    it('publishes each planned project, and its withdrawal; refuses bad amounts and other departments', async () => {
      const added = await plan(chaoyang, chaoyangId, '临时项目', 5_000_000, false);
      const { id, recordId } = added.json<{ id: string; recordId: string }>();
      const record = (await api('GET', `/api/v1/records/${recordId}`, undefined, null)).json<{
        kind: string;
      }>();
      expect(record.kind).toBe('plannedSpending');
      expect(
        (await api('POST', `/api/v1/planning/spending/${id}/withdraw`, { reason: '并入其他项目' }, haidian))
          .statusCode,
      ).toBe(403);
      expect(
        (await api('POST', `/api/v1/planning/spending/${id}/withdraw`, { reason: '并入其他项目' }))
          .statusCode,
      ).toBe(204);
      expect(
        (await api('POST', `/api/v1/planning/spending/${id}/withdraw`, { reason: '再次' })).statusCode,
      ).toBe(409);
      const lines = (
        await api('GET', `/api/v1/planning/departments/${chaoyangId}/spending?year=2026`, undefined, null)
      ).json<{ id: string; withdrawnAt: string | null }[]>();
      const line = lines.find((l) => l.id === id);
      expect(line, 'the withdrawn line is still listed').toBeDefined();
      expect(line!.withdrawnAt).not.toBeNull();
      // Withdrawn: no longer counted.
      expect((await share('level=department')).find((r) => r.id === chaoyangId)!.purchaseSpendingFen).toBe(
        100_000_000,
      );

      for (const amountFen of [0, -100, 12.5]) {
        const bad = await plan(chaoyang, chaoyangId, '坏金额', amountFen, true);
        expect(bad.statusCode).toBe(422);
        expect(bad.json<ErrorBody>().error.details[0]!.field).toBe('amountFen');
      }
      expect((await plan(haidian, chaoyangId, '别人的', 100, true)).statusCode).toBe(403);
      expect((await plan(chaoyang, chaoyangId, '太远', 100, true)).statusCode).toBe(201);
      const late = await api('POST', '/api/v1/planning/spending', {
        departmentId: chaoyangId,
        year: 2028,
        projectName: '后年',
        amountFen: 100,
        socialOrganization: true,
      });
      expect(late.json<ErrorBody>().error.details[0]!.field).toBe('year');
    });
  });

  describe('contracted spending', () => {
    it('measures a department by its contracts once it has any', async () => {
      await h.run((ctx) =>
        recordContractedSpending(ctx, {
          departmentId: haidianId,
          year: 2026,
          projectName: '社区议事协商辅导（合同）',
          amountFen: 30_000_000,
          socialOrganization: true,
          contractRef: 'HT-2026-001',
        }),
      );
      const row = (await share('level=department')).find((r) => r.id === haidianId)!;
      expect(row).toMatchObject({
        basis: 'contracts',
        purchaseSpendingFen: 30_000_000,
        share: 1,
        meetsTarget: true,
      });
      const [city] = await share('level=city');
      expect(city!.basis).toBe('mixed');
    });
  });

  describe('pages', () => {
    it('shows the chart, marks departments below 30% in words, and exports to Excel', async () => {
      const page = await h.app.inject({ method: 'GET', url: '/planning/share?year=2026&level=department' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<svg');
      expect(page.body).toContain('目标 30%');
      // No inline styles: the page's Content-Security-Policy would refuse them.
      expect(page.body).not.toMatch(/style=|<style/);
      expect(page.body).not.toContain('<b>街道</b>');
      expect(page.body).toContain('海淀&lt;b&gt;街道&lt;/b&gt;');
      const districts = await h.app.inject({ method: 'GET', url: '/planning/share?year=2026' });
      expect(districts.body).toContain('北京市朝阳区'.slice(3));
      const xlsx = await h.app.inject({
        method: 'GET',
        url: '/planning/share.xlsx?year=2026&level=district',
      });
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
      const department = await h.app.inject({
        method: 'GET',
        url: `/planning/departments/${chaoyangId}?year=2026`,
      });
      expect(department.body).toContain('居家养老上门服务');
      expect(department.body).toContain('40.0%');

      const agent = h.agent();
      await agent.logIn(chaoyang.login, chaoyang.password);
      const form = `/planning/departments/${chaoyangId}`;
      const refused = await agent.postForm(
        `${form}/spending`,
        { year: '2026', projectName: '助餐', amountYuan: '12.345' },
        { csrfFrom: form },
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('最多两位小数');
      const added = await agent.postForm(
        `${form}/spending`,
        { year: '2026', projectName: '社区助餐', amountYuan: '200000.50', socialOrganization: 'true' },
        { csrfFrom: form },
      );
      expect(added.statusCode).toBe(303);
      const lines = (
        await api('GET', `/api/v1/planning/departments/${chaoyangId}/spending?year=2026`, undefined, null)
      ).json<{ projectName: string; amountFen: number }[]>();
      expect(lines.find((l) => l.projectName === '社区助餐')?.amountFen).toBe(20_000_050);
    });
  });
});
