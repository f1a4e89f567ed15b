// Identical requests at once on the draw and the expert pool have one effect (src/testing/races.ts):
// two seed commitments give one panel, two draws one set of invitations, two answers one answer, two
// decisions one decision. Each prepare builds its own tender over the API up to the state it needs.
import type { Harness, TestUser } from '../../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../../testing/races.js';
import { apiCall as call, eligibleProvider, publishedIntention } from '../procurement.fixtures.js';
import { registerExpert, type Expert } from './panel.fixtures.js';
import { SERVICE_PLAN } from '../evaluation/evaluation.plans.js';

interface World {
  staff: TestUser;
  civil: TestUser;
  finance: TestUser;
  intentionId: string;
  experts: Expert[];
}

const worlds = new WeakMap<Harness, Promise<World>>();

function world(h: Harness): Promise<World> {
  let w = worlds.get(h);
  if (!w) {
    w = (async () => {
      const staff = await h.user('purchaserStaff');
      const civil = await h.user('civilAffairs');
      const finance = await h.user('finance');
      const intentionId = await publishedIntention(h, staff, 100);
      const experts: Expert[] = [];
      for (const name of ['甲', '乙', '丙', '丁', '戊', '己'])
        experts.push(await registerExpert(h, finance, `竞态专家${name}`));
      return { staff, civil, finance, intentionId, experts };
    })();
    worlds.set(h, w);
  }
  return w;
}

/** An open tender (deadline 2026-10-29); the clock on 2026-10-10. */
async function openTender(h: Harness): Promise<string> {
  const { staff, intentionId } = await world(h);
  h.clock.set('2026-10-09T02:00:00Z');
  const { id } = await call<{ id: string }>(h, staff, 'POST', '/api/v1/projects', {
    intentionId,
    title: '望京街道居家养老上门服务',
    method: 'openTender',
    lots: [{ title: '望京西园片区', budgetFen: 10_000_000 }],
    evaluation: SERVICE_PLAN,
  });
  await call(h, staff, 'POST', `/api/v1/projects/${id}/notice`, { deadline: '2026-10-29', text: '采购公告' });
  h.clock.set('2026-10-10T02:00:00Z');
  return id;
}

/** A tender with its seed committed, three bids, opened; the clock on 2026-10-30. */
async function openedWithSeed(h: Harness) {
  const { staff } = await world(h);
  const id = await openTender(h);
  await call(h, staff, 'POST', `/api/v1/projects/${id}/panel/seed`);
  h.clock.set('2026-10-20T02:00:00Z');
  const bidders = [await provider(h), await provider(h), await provider(h)];
  for (const b of bidders)
    await call(h, b, 'POST', `/api/v1/projects/${id}/bids`, {
      lots: [{ number: 1, priceFen: 9_500_000 }],
      statement: '服务方案',
      creditCommitment: true,
    });
  h.clock.set('2026-10-29T16:00:05Z');
  await h.platform.scheduler.tick();
  h.clock.set('2026-10-30T02:00:00Z');
  return { id, bidders };
}

async function drawn(h: Harness) {
  const { staff, experts } = await world(h);
  const opened = await openedWithSeed(h);
  await call(h, staff, 'POST', `/api/v1/projects/${opened.id}/panel/draw`);
  const view = await call<{ members: { id: string; expertId: string }[] }>(
    h,
    staff,
    'GET',
    `/api/v1/projects/${opened.id}/panel`,
  );
  const first = view.members[0]!;
  return { ...opened, member: first, expert: experts.find((e) => e.expertId === first.expertId)! };
}

const scenarios: RaceScenario[] = [
  {
    route: 'POST /api/v1/projects/:id/panel/seed',
    twins: ['POST /procurement/projects/:id/panel/seed'],
    async prepare(h) {
      const { staff } = await world(h);
      const id = await openTender(h);
      return { method: 'POST', url: `/api/v1/projects/${id}/panel/seed`, user: staff };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/panel/draw',
    twins: ['POST /procurement/projects/:id/panel/draw'],
    async prepare(h) {
      const { staff } = await world(h);
      const { id } = await openedWithSeed(h);
      return { method: 'POST', url: `/api/v1/projects/${id}/panel/draw`, user: staff };
    },
  },
  {
    route: 'POST /api/v1/panel/invitations/:id/answer',
    twins: ['POST /experts/me/invitations/:id'],
    async prepare(h) {
      const { member, expert } = await drawn(h);
      return {
        method: 'POST',
        url: `/api/v1/panel/invitations/${member.id}/answer`,
        user: expert,
        payload: { answer: 'decline', declaration: '出差' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/panel/recusals',
    twins: ['POST /procurement/projects/:id/recusals'],
    async prepare(h) {
      const { id, bidders } = await drawn(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/panel/recusals`,
        user: bidders[0]!,
        idempotent: true,
        payload: { organizationId: bidders[0]!.organizationId, named: '某专家', reasons: '亲属关系' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/panel/recusals/:requestId/decision',
    twins: ['POST /procurement/projects/:id/panel/recusals/:requestId'],
    async prepare(h) {
      const { staff } = await world(h);
      const { id, bidders, member } = await drawn(h);
      const { id: requestId } = await call<{ id: string }>(
        h,
        bidders[0]!,
        'POST',
        `/api/v1/projects/${id}/panel/recusals`,
        {
          organizationId: bidders[0]!.organizationId,
          named: '某专家',
          reasons: '亲属关系',
        },
      );
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/panel/recusals/${requestId}/decision`,
        user: staff,
        payload: { grant: true, memberId: member.id, note: '属实' },
      };
    },
  },
  {
    route: 'POST /api/v1/experts',
    async prepare(h) {
      const { finance } = await world(h);
      const user = await h.user('expert');
      return {
        method: 'POST',
        url: '/api/v1/experts',
        user: finance,
        payload: { userId: user.id, name: '新专家', employer: '某大学', specialties: ['livelihood'] },
      };
    },
  },
  {
    route: 'POST /api/v1/experts/:id/ties',
    twins: ['POST /experts/:id/ties'],
    async prepare(h) {
      const { finance } = await world(h);
      const expert = await registerExpert(h, finance, '申报专家', ['governance']);
      const org = await provider(h);
      return {
        method: 'POST',
        url: `/api/v1/experts/${expert.expertId}/ties`,
        user: expert,
        idempotent: true,
        payload: { organizationId: org.organizationId, kind: 'employment', endedOn: '2025-06-30' },
      };
    },
  },
  {
    // The last unavailable day, set N times, is that day once.
    route: 'PUT /api/v1/experts/:id/availability',
    twins: ['POST /experts/:id/availability'],
    outcome: 'idempotent',
    async prepare(h) {
      const { finance } = await world(h);
      const expert = await registerExpert(h, finance, '出差专家', ['governance']);
      return {
        method: 'PUT',
        url: `/api/v1/experts/${expert.expertId}/availability`,
        user: expert,
        payload: { unavailableUntil: '2026-12-31' },
      };
    },
  },
  {
    route: 'POST /api/v1/experts/:id/standing',
    async prepare(h) {
      const { finance } = await world(h);
      const expert = await registerExpert(h, finance, '暂停专家', ['governance']);
      return {
        method: 'POST',
        url: `/api/v1/experts/${expert.expertId}/standing`,
        user: finance,
        payload: { change: 'suspend', reason: '违规待查' },
      };
    },
  },
];

describeRaces('the panel draw and the expert pool', scenarios);

async function provider(h: Harness) {
  return eligibleProvider(h, (await world(h)).civil, '朝阳区抽取竞态服务中心');
}
