// Identical requests at once on inquiries and challenges have one effect (src/testing/races.ts): one
// inquiry or challenge per Idempotency-Key, one answer, one withdrawal. Each prepare builds its own open
// tender (notice on 2026-10-09) from one published intention per harness.
import type { Harness, TestUser } from '../../../testing/harness.js';
import { clientAddress, describeRaces, type RaceScenario } from '../../../testing/races.js';
import { apiCall, eligibleProvider, publishedIntention } from '../procurement.fixtures.js';
import { SERVICE_PLAN } from '../evaluation/evaluation.plans.js';

interface World {
  staff: TestUser;
  civil: TestUser;
  intentionId: string;
}

const worlds = new WeakMap<Harness, Promise<World>>();

function world(h: Harness): Promise<World> {
  let w = worlds.get(h);
  if (!w) {
    w = (async () => {
      const staff = await h.user('purchaserStaff');
      const civil = await h.user('civilAffairs');
      return { staff, civil, intentionId: await publishedIntention(h, staff, 100) };
    })();
    worlds.set(h, w);
  }
  return w;
}

/** An open tender whose notice is out on 2026-10-09; the clock on 2026-10-12. */
async function openProject(h: Harness): Promise<string> {
  const { staff, intentionId } = await world(h);
  h.clock.set('2026-10-09T02:00:00Z');
  const { id } = await call<{ id: string }>(h, staff, '/api/v1/projects', {
    intentionId,
    title: '望京街道居家养老上门服务',
    method: 'openTender',
    lots: [{ title: '望京西园片区', budgetFen: 10_000_000 }],
    evaluation: SERVICE_PLAN,
  });
  await call(h, staff, `/api/v1/projects/${id}/notice`, { deadline: '2026-10-29', text: '采购公告' });
  h.clock.set('2026-10-12T02:00:00Z');
  return id;
}

const challengeBody = {
  subject: 'documents',
  knewOn: '2026-10-09',
  grounds: '评分标准排斥外区供应商',
  requests: '删除该评分项',
};

async function filedChallenge(h: Harness) {
  const id = await openProject(h);
  const supplier = await provider(h);
  const { id: challengeId } = await call<{ id: string }>(
    h,
    supplier,
    `/api/v1/projects/${id}/challenges`,
    challengeBody,
  );
  return { id, supplier, challengeId };
}

const scenarios: RaceScenario[] = [
  {
    route: 'POST /api/v1/projects/:id/inquiries',
    twins: ['POST /procurement/projects/:id/inquiries'],
    async prepare(h) {
      const id = await openProject(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/inquiries`,
        user: await provider(h),
        payload: { question: '服务对象是否包括失能老人？' },
        remoteAddress: clientAddress(),
        idempotent: true,
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/inquiries/:inquiryId/answer',
    twins: ['POST /procurement/projects/:id/inquiries/:inquiryId/answer'],
    async prepare(h) {
      const id = await openProject(h);
      const asker = await provider(h);
      const { id: inquiryId } = await call<{ id: string }>(h, asker, `/api/v1/projects/${id}/inquiries`, {
        question: '服务对象是否包括失能老人？',
      });
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/inquiries/${inquiryId}/answer`,
        user: (await world(h)).staff,
        payload: { answer: '包括。' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/challenges',
    twins: ['POST /procurement/projects/:id/challenges'],
    async prepare(h) {
      const id = await openProject(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/challenges`,
        user: await provider(h),
        payload: challengeBody,
        idempotent: true,
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/challenges/:challengeId/answer',
    twins: ['POST /procurement/projects/:id/challenges/:challengeId/answer'],
    async prepare(h) {
      const { id, challengeId } = await filedChallenge(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/challenges/${challengeId}/answer`,
        user: (await world(h)).staff,
        payload: { outcome: 'rejected', issue: '评分标准', answer: '不成立。' },
      };
    },
  },
  {
    route: 'POST /api/v1/challenges/:challengeId/withdraw',
    twins: ['POST /procurement/challenges/:challengeId/withdraw'],
    async prepare(h) {
      const { supplier, challengeId } = await filedChallenge(h);
      return { method: 'POST', url: `/api/v1/challenges/${challengeId}/withdraw`, user: supplier };
    },
  },
];

describeRaces('inquiries and challenges', scenarios);

async function provider(h: Harness) {
  return eligibleProvider(h, (await world(h)).civil, '朝阳区质疑竞态服务中心');
}

/** A POST that must succeed, from an address of its own (inquiries are limited per address). */
function call<T = unknown>(h: Harness, user: TestUser, url: string, payload?: Record<string, unknown>) {
  return apiCall<T>(h, user, 'POST', url, payload, { ownAddress: true });
}
