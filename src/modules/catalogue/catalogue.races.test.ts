// Identical requests at once on the catalogue have one effect (src/testing/races.ts).
import type { Harness, TestUser } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';

/** A department of its own (a draft per department and year) with a draft of one item. */
async function draftWithItem(h: Harness): Promise<{ user: TestUser; id: string }> {
  const user = await h.user('purchaserStaff');
  const post = (url: string, payload: Record<string, unknown>) =>
    h.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${user.token}` }, payload });
  const created = await post('/api/v1/catalogues', { departmentId: user.organizationId, year: 2026 });
  const id = created.json<{ id: string }>().id;
  await post(`/api/v1/catalogues/${id}/items`, {
    code: 'A01',
    name: '居家养老上门服务',
    domain: 'livelihood',
    forSocialOrganizations: true,
    negativeCheck: 'none',
    negativeReason: '公共服务',
    purchasable: true,
  });
  return { user, id };
}

const scenarios: RaceScenario[] = [
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
