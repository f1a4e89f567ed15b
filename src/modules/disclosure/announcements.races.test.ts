// Identical announcements at once are published once, and a version is corrected once
// (src/testing/races.ts).
import type { Harness, TestUser } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';

const announcement = (user: TestUser) => ({
  category: 'guide',
  title: '社区养老服务项目申报指南',
  body: '第一段：申报条件。\n\n第二段：提交材料和时间。',
  organizationId: user.organizationId,
});

async function published(h: Harness, user: TestUser): Promise<string> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/api/v1/announcements',
    headers: { authorization: `Bearer ${user.token}` },
    payload: announcement(user),
  });
  return res.json<{ recordId: string }>().recordId;
}

const scenarios: RaceScenario[] = [
  {
    route: 'POST /api/v1/announcements',
    twins: ['POST /announcements'],
    async prepare(h) {
      const staff = await h.user('purchaserStaff');
      // A new announcement has no natural key: a retry is told by its Idempotency-Key.
      return {
        method: 'POST',
        url: '/api/v1/announcements',
        user: staff,
        payload: announcement(staff),
        idempotent: true,
      };
    },
  },
  {
    // A correction names the version it corrects: the same correction at once, without a key, corrects
    // it once (the others are told it has been corrected), so the announcement does not fork.
    route: 'POST /api/v1/announcements',
    async prepare(h) {
      const staff = await h.user('purchaserStaff');
      const original = await published(h, staff);
      return {
        method: 'POST',
        url: '/api/v1/announcements',
        user: staff,
        payload: { ...announcement(staff), title: '社区养老服务项目申报指南（更正）', supersedes: original },
      };
    },
  },
];

describeRaces('announcements', scenarios);
