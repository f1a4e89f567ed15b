// Identical requests at once on credit records and list removals have one effect (src/testing/races.ts),
// and two different penalties entered at once still count together (two minor penalties: one listing).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';

let serial = 0;

/** A civil-affairs officer and a social organization registered with their bureau as its authority. */
async function organization(h: Harness): Promise<{ officer: TestUser; id: string }> {
  const officer = await h.user('civilAffairs');
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/registry/organizations',
    headers: { authorization: `Bearer ${officer.token}` },
    payload: {
      name: `北京市朝阳区信用并发测试中心${++serial}`,
      orgType: 'serviceAgency',
      uscc: testUscc(500_000 + Math.floor(Math.random() * 9_000) * 10 + (serial % 10)),
      registrationLevel: 'district',
      districtCode: '110105',
      registrationAuthorityId: officer.organizationId,
    },
  });
  if (res.statusCode !== 201) throw new Error(`registering failed: ${res.body}`);
  return { officer, id: res.json<{ id: string }>().id };
}

const record = (category: string, eventDate: string) => ({
  category,
  description: `${category} 测试记录`,
  source: '北京市朝阳区民政局 朝民罚字〔2026〕1号',
  eventDate,
});

function enter(h: Harness, officer: TestUser, id: string, body: object) {
  return h.app.inject({
    method: 'POST',
    url: `/api/v1/registry/organizations/${id}/credit-records`,
    headers: { authorization: `Bearer ${officer.token}` },
    payload: body,
  });
}

function entriesOf(h: Harness, id: string) {
  return h.platform.db.kysely
    .selectFrom('credit_list_entries')
    .selectAll()
    .where('organization_id', '=', id)
    .execute();
}

const scenarios: RaceScenario[] = [
  {
    route: 'POST /api/v1/registry/organizations/:id/credit-records',
    twins: ['POST /registry/:id/credit/records'],
    async prepare(h) {
      const { officer, id } = await organization(h);
      // A record has no natural key (two warnings may be given on one day): a retry is told by its key.
      // This one puts the organization on the anomaly list: the copies must list it once.
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/credit-records`,
        user: officer,
        payload: record('unreachable', '2026-11-20'),
        idempotent: true,
      };
    },
  },
  {
    route: 'POST /api/v1/registry/organizations/:id/list-removals',
    twins: ['POST /registry/:id/credit/removals'],
    async prepare(h) {
      const { officer, id } = await organization(h);
      await enter(h, officer, id, record('unreachable', '2026-11-20'));
      const [entry] = await entriesOf(h, id);
      return {
        method: 'POST',
        url: `/api/v1/registry/organizations/${id}/list-removals`,
        user: officer,
        payload: { list: 'anomaly', entryId: entry!.id, reason: '已恢复联系' },
      };
    },
  },
];

describeRaces('credit', scenarios);

describeEachDatabase('credit: different records at once', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(() => h.close());

  it('two warnings entered at once count as two minor penalties: one serious listing', async () => {
    const { officer, id } = await organization(h);
    const answers = await Promise.all([
      enter(h, officer, id, record('warning', '2026-10-01')),
      enter(h, officer, id, record('warning', '2026-11-02')),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const entries = await entriesOf(h, id);
    expect(entries.filter((e) => e.list === 'anomaly')).toHaveLength(2);
    expect(entries.filter((e) => e.list === 'serious').map((e) => e.trigger)).toEqual(['twoMinorPenalties']);
  });
});
