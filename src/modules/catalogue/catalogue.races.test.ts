// Identical requests at once on the catalogue have one effect (src/testing/races.ts).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';

const ITEM = {
  code: 'A01',
  name: '居家养老上门服务',
  domain: 'livelihood',
  forSocialOrganizations: true,
  negativeCheck: 'none',
  negativeReason: '公共服务',
  purchasable: true,
};

const thisYear = (h: Harness) => yearOf(beijingDate(h.clock.now()));

/** A department of its own (a draft per department and year) with a draft of one item. */
async function draftWithItem(h: Harness): Promise<{ user: TestUser; id: string; itemId: string }> {
  const user = await h.user('purchaserStaff');
  const post = (url: string, payload: Record<string, unknown>) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${user.token}` }, payload });
  const created = await post('/api/v1/catalogues', { departmentId: user.organizationId, year: thisYear(h) });
  const id = created.json<{ id: string }>().id;
  const item = await post(`/api/v1/catalogues/${id}/items`, ITEM);
  return { user, id, itemId: item.json<{ id: string }>().id };
}

const scenarios: RaceScenario[] = [
  {
    // One draft per department and year: the requests that lose are refused with 409, never a 500.
    route: 'POST /api/v1/catalogues',
    twins: ['POST /catalogues/mine'],
    async prepare(h) {
      const user = await h.user('purchaserStaff');
      return {
        method: 'POST',
        url: '/api/v1/catalogues',
        user,
        payload: { departmentId: user.organizationId, year: thisYear(h) },
      };
    },
  },
  {
    // The same, from a client that retries with its Idempotency-Key.
    route: 'POST /api/v1/catalogues',
    async prepare(h) {
      const user = await h.user('purchaserStaff');
      return {
        method: 'POST',
        url: '/api/v1/catalogues',
        user,
        idempotent: true,
        payload: { departmentId: user.organizationId, year: thisYear(h), note: '第二版' },
      };
    },
  },
  {
    // Deleting is idempotent (RFC 9110 §9.2.2): the draft is gone once; a request that comes after the
    // first is answered 404, as it would be a moment later.
    route: 'DELETE /api/v1/catalogues/:id',
    twins: ['POST /catalogues/:id/discard'],
    outcome: 'idempotent',
    async prepare(h) {
      const { user, id } = await draftWithItem(h);
      return { method: 'DELETE', url: `/api/v1/catalogues/${id}`, user };
    },
  },
  {
    // Codes are unique in a catalogue: the same item twice at once lands once, the others are refused.
    route: 'POST /api/v1/catalogues/:id/items',
    twins: ['POST /catalogues/:id/items'],
    async prepare(h) {
      const { user, id } = await draftWithItem(h);
      return {
        method: 'POST',
        url: `/api/v1/catalogues/${id}/items`,
        user,
        payload: { ...ITEM, code: 'A02', name: '社区助餐服务' },
      };
    },
  },
  {
    // Replacing an item with the same content twice leaves the one state (PUT is idempotent).
    route: 'PUT /api/v1/catalogues/:id/items/:itemId',
    twins: ['POST /catalogues/:id/items/:itemId'],
    outcome: 'idempotent',
    async prepare(h) {
      const { user, id, itemId } = await draftWithItem(h);
      return {
        method: 'PUT',
        url: `/api/v1/catalogues/${id}/items/${itemId}`,
        user,
        payload: { ...ITEM, name: '居家养老上门服务（含助浴）' },
      };
    },
  },
  {
    // Removing is idempotent: the item goes once; a later request finds no item (404).
    route: 'DELETE /api/v1/catalogues/:id/items/:itemId',
    twins: ['POST /catalogues/:id/items/:itemId/remove'],
    outcome: 'idempotent',
    async prepare(h) {
      const { user, id, itemId } = await draftWithItem(h);
      return { method: 'DELETE', url: `/api/v1/catalogues/${id}/items/${itemId}`, user };
    },
  },
  {
    route: 'POST /api/v1/catalogues/:id/publish',
    twins: ['POST /catalogues/:id/publish'],
    async prepare(h) {
      const { user, id } = await draftWithItem(h);
      return { method: 'POST', url: `/api/v1/catalogues/${id}/publish`, user };
    },
  },
];

describeRaces('catalogue', scenarios);

/** More copies than the walk sends: on PostgreSQL six do not always meet inside one another's reads. */
const MANY = 20;

describeEachDatabase('catalogue: new drafts at once', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(() => h.close());

  it('refuses the requests that lose with "a draft exists", naming its version', async () => {
    const user = await h.user('purchaserStaff');
    const answers = await Promise.all(
      Array.from({ length: MANY }, () =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/catalogues',
          headers: { authorization: `Bearer ${user.token}` },
          payload: { departmentId: user.organizationId, year: thisYear(h) },
        }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(1);
    for (const refused of answers.filter((a) => a.statusCode !== 201)) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ error: { code: string; message: string } }>().error).toMatchObject({
        code: 'catalogue_draft_exists',
        message: expect.stringContaining('第 1 版') as unknown,
      });
    }
  });
});
