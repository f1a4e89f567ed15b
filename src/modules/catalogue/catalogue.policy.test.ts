// The catalogue's subject rule (catalogue.policy.ts): a department keeps its own catalogue. Every API
// route that acts on a catalogue by id refuses another department's staff with 403 and changes
// nothing; the keeper's department and an administrator may act. Both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ApiMethod, type ErrorBody } from '../../testing/http.js';

const item = (code: string) => ({
  code,
  name: `养老服务事项 ${code}`,
  domain: 'livelihood',
  forSocialOrganizations: true,
  negativeCheck: 'none',
  negativeReason: '属于政府职责范围内、适合社会力量承担的公共服务，不在负面清单中',
  purchasable: true,
});

/** Every catalogue.manage API route that takes an id, with a body it would accept from the keeper. */
const ROUTES: Record<string, unknown> = {
  'DELETE /api/v1/catalogues/:id': undefined,
  'POST /api/v1/catalogues/:id/items': item('B01'),
  'PUT /api/v1/catalogues/:id/items/:itemId': item('A02'),
  'DELETE /api/v1/catalogues/:id/items/:itemId': undefined,
  'POST /api/v1/catalogues/:id/publish': undefined,
};

describeEachDatabase('catalogue policy: another department’s catalogue', (db) => {
  let h: Harness;
  let staff: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let draftId: string;
  let itemId: string;
  const api = apiClient(
    () => h.app,
    () => staff,
  );

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    other = await h.user('purchaserStaff');
    admin = await h.user('administrator');
    const draft = await api('POST', '/api/v1/catalogues', { departmentId: staff.organizationId, year: 2026 });
    draftId = draft.json<{ id: string }>().id;
    itemId = (await api('POST', `/api/v1/catalogues/${draftId}/items`, item('A01'))).json<{ id: string }>()
      .id;
  });
  afterAll(() => h.close());

  it('walks every catalogue.manage route that takes an id', () => {
    const declared = h.app.routeTable
      .filter(
        (r) =>
          r.method !== 'HEAD' &&
          r.action === 'catalogue.manage' &&
          r.url.startsWith('/api/') &&
          r.url.includes(':'),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(declared.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('refuses another department’s staff with 403 on each, and changes nothing', async () => {
    for (const [route, payload] of Object.entries(ROUTES)) {
      const [method, path] = route.split(' ') as [ApiMethod, string];
      const url = path.replace(':id', draftId).replace(':itemId', itemId);
      const res = await api(method, url, payload, other);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('forbidden');
    }
    // Nor may they start a catalogue for the department (its id is in the body).
    const start = await api(
      'POST',
      '/api/v1/catalogues',
      { departmentId: staff.organizationId, year: 2025 },
      other,
    );
    expect(start.statusCode).toBe(403);
    // Another department's draft is not shown to them at all.
    expect((await api('GET', `/api/v1/catalogues/${draftId}`, undefined, other)).statusCode).toBe(404);
    const view = await api('GET', `/api/v1/catalogues/${draftId}`);
    expect(view.json<{ status: string; items: { code: string }[] }>()).toMatchObject({
      status: 'draft',
      items: [{ code: 'A01' }],
    });
  });

  it('lets an administrator act on any department’s catalogue', async () => {
    expect((await api('GET', `/api/v1/catalogues/${draftId}`, undefined, admin)).statusCode).toBe(200);
    const added = await api('POST', `/api/v1/catalogues/${draftId}/items`, item('B01'), admin);
    expect(added.statusCode, added.body).toBe(201);
    expect((await api('POST', `/api/v1/catalogues/${draftId}/publish`, undefined, admin)).statusCode).toBe(
      201,
    );
  });
});
