// Planning's subject rule (planning.policy.ts): a department keeps its intentions and its annual plan.
// Every API route that acts on an intention or a spending line by id refuses another department's
// staff with 403 and changes nothing; an administrator may act. Both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ApiMethod, type ErrorBody } from '../../testing/http.js';

describeEachDatabase('planning policy: another department’s intentions and plan', (db) => {
  let h: Harness;
  let staff: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let itemId: string;
  let intentionId: string;
  let lineId: string;
  const api = apiClient(
    () => h.app,
    () => staff,
  );

  const intention = () => ({
    departmentId: staff.organizationId,
    catalogueItemId: itemId,
    projectName: '望京街道居家养老上门服务',
    needs: '为辖区 200 名失能、半失能老年人每月上门服务 4 次',
    procurementFrom: '2027-01-05',
    contractMonths: 12,
    costs: [{ kind: 'labour', quantity: 24, unit: '人·月', unitCostFen: 850_000 }],
  });

  /** Every planning API route that takes an id and changes something, with a body the keeper could send. */
  const routes = (): Record<string, { action: string; id: () => string; payload?: unknown }> => ({
    'PUT /api/v1/intentions/:id': { action: 'intention.manage', id: () => intentionId, payload: intention() },
    'DELETE /api/v1/intentions/:id': { action: 'intention.manage', id: () => intentionId },
    'POST /api/v1/intentions/:id/publish': { action: 'intention.manage', id: () => intentionId },
    'POST /api/v1/planning/spending/:id/withdraw': {
      action: 'spending.manage',
      id: () => lineId,
      payload: { reason: '项目并入区级统一采购' },
    },
  });

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    other = await h.user('purchaserStaff');
    admin = await h.user('administrator');
    const catalogue = (
      await api('POST', '/api/v1/catalogues', { departmentId: staff.organizationId, year: 2026 })
    ).json<{ id: string }>().id;
    itemId = (
      await api('POST', `/api/v1/catalogues/${catalogue}/items`, {
        code: 'A01',
        name: '居家养老上门服务',
        domain: 'livelihood',
        forSocialOrganizations: true,
        negativeCheck: 'none',
        negativeReason: '公共服务，适合社会组织承接',
        purchasable: true,
      })
    ).json<{ id: string }>().id;
    expect((await api('POST', `/api/v1/catalogues/${catalogue}/publish`)).statusCode).toBe(201);
    intentionId = (await api('POST', '/api/v1/intentions', intention())).json<{ id: string }>().id;
    const line = await api('POST', '/api/v1/planning/spending', {
      departmentId: staff.organizationId,
      year: 2026,
      projectName: '社区养老驿站运营',
      amountFen: 50_000_000,
      socialOrganization: true,
    });
    expect(line.statusCode, line.body).toBe(201);
    lineId = line.json<{ id: string }>().id;
  });
  afterAll(() => h.close());

  it('walks every planning route that takes an id and changes something', () => {
    const declared = h.app.routeTable
      .filter(
        (r) =>
          (r.action === 'intention.manage' || r.action === 'spending.manage') &&
          (r.url.startsWith('/api/v1/intentions') || r.url.startsWith('/api/v1/planning')) &&
          r.url.includes(':'),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(declared.sort()).toEqual(Object.keys(routes()).sort());
  });

  it('refuses another department’s staff with 403 on each, and changes nothing', async () => {
    for (const [route, { id, payload }] of Object.entries(routes())) {
      const [method, path] = route.split(' ') as [ApiMethod, string];
      const res = await api(method, path.replace(':id', id()), payload, other);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('forbidden');
    }
    for (const body of [
      intention(),
      {
        departmentId: staff.organizationId,
        year: 2026,
        projectName: 'x',
        amountFen: 1,
        socialOrganization: true,
      },
    ]) {
      const url = 'catalogueItemId' in body ? '/api/v1/intentions' : '/api/v1/planning/spending';
      expect((await api('POST', url, body, other)).statusCode, url).toBe(403);
    }
    expect((await api('GET', `/api/v1/intentions/${intentionId}`, undefined, other)).statusCode).toBe(404);
    expect((await api('GET', `/api/v1/intentions/${intentionId}`)).json<{ status: string }>().status).toBe(
      'draft',
    );
    const lines = await api('GET', `/api/v1/planning/departments/${staff.organizationId}/spending?year=2026`);
    expect(lines.json<{ id: string; withdrawnAt: string | null }[]>()).toEqual([
      expect.objectContaining({ id: lineId, withdrawnAt: null }),
    ]);
  });

  it('lets an administrator act on any department’s intentions and plan', async () => {
    const published = await api('POST', `/api/v1/intentions/${intentionId}/publish`, undefined, admin);
    expect(published.statusCode, published.body).toBe(201);
    const withdrawn = await api(
      'POST',
      `/api/v1/planning/spending/${lineId}/withdraw`,
      { reason: '项目并入区级统一采购' },
      admin,
    );
    expect(withdrawn.statusCode, withdrawn.body).toBe(204);
  });
});
