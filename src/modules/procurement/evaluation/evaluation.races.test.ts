// Identical requests at once on the evaluation and the award have one effect (src/testing/races.ts):
// the plan, a review, an explanation, a sheet, the report and — above all — two confirmations of a lot
// at once give one award and one result notice, through the API and through the page forms. Each prepare builds its own opened tender (three
// bids, one abnormally low) with a one-member panel, taken as far as its step needs.
import { addMembership } from '../../../platform/auth/add-membership.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../../testing/races.js';
import { apiCall as call, eligibleProvider, publishedIntention } from '../procurement.fixtures.js';
import { openAt, seatPanel } from './evaluation.fixtures.js';
import { SERVICE_PLAN } from './evaluation.plans.js';

interface World {
  staff: TestUser;
  civil: TestUser;
  expert: TestUser;
  intentionId: string;
}
const worlds = new WeakMap<Harness, Promise<World>>();
function world(h: Harness): Promise<World> {
  let w = worlds.get(h);
  if (!w) {
    w = (async () => {
      const staff = await h.user('purchaserStaff');
      const civil = await h.user('civilAffairs');
      const expert = await h.user('expert');
      return { staff, civil, expert, intentionId: await publishedIntention(h, staff, 100) };
    })();
    worlds.set(h, w);
  }
  return w;
}

type Stage = 'draft' | 'opened' | 'reviewed' | 'explained' | 'scored' | 'reported';
const ORDER: Stage[] = ['draft', 'opened', 'reviewed', 'explained', 'scored', 'reported'];

/** A one-lot open tender taken to `stage`; bids[2] is abnormally low. */
async function tender(h: Harness, stage: Stage, panel?: TestUser) {
  const { staff, intentionId } = await world(h);
  const expert = panel ?? (await world(h)).expert;
  const at = (s: Stage) => ORDER.indexOf(stage) >= ORDER.indexOf(s);
  h.clock.set('2026-10-09T02:00:00Z');
  const { id } = await call<{ id: string }>(h, staff, 'POST', '/api/v1/projects', {
    intentionId,
    title: '望京街道居家养老上门服务（评审竞态）',
    method: 'openTender',
    lots: [{ title: '全区', budgetFen: 10_000_000 }],
    evaluation: SERVICE_PLAN,
  });
  const bids: string[] = [];
  if (!at('opened')) return { id, bids };
  await call(h, staff, 'POST', `/api/v1/projects/${id}/notice`, { deadline: '2026-10-29', text: '采购公告' });
  h.clock.set('2026-10-20T02:00:00Z');
  for (const price of [9_000_000, 9_500_000, 5_000_000]) {
    const r = await call<{ bidId: string }>(h, await provider(h), 'POST', `/api/v1/projects/${id}/bids`, {
      lots: [{ number: 1, priceFen: price }],
      statement: '服务方案',
      creditCommitment: true,
    });
    bids.push(r.bidId);
  }
  await openAt(h, '2026-10-29', id);
  await seatPanel(h, id, [expert]);
  h.clock.set('2026-11-02T02:00:00Z');
  const step = (p: string, body: unknown) =>
    call(h, expert, 'POST', `/api/v1/projects/${id}/evaluation/${p}`, body);
  if (at('reviewed')) for (const bidId of bids) await step('reviews', { bidId, lot: 1, passed: true });
  if (at('explained'))
    await step('explanations', { bidId: bids[2], lot: 1, explanation: '成本说明', accepted: true });
  if (at('scored')) for (const bidId of bids) await step('sheets', { bidId, lot: 1, scores: [30, 20] });
  if (at('reported')) await step('report', {});
  return { id, bids };
}

const scenarios: RaceScenario[] = [
  {
    route: 'PUT /api/v1/projects/:id/evaluation/plan',
    twins: ['POST /procurement/projects/:id/evaluation-plan'],
    outcome: 'idempotent',
    async prepare(h) {
      const { staff } = await world(h);
      const { id } = await tender(h, 'draft');
      return {
        method: 'PUT',
        url: `/api/v1/projects/${id}/evaluation/plan`,
        user: staff,
        payload: SERVICE_PLAN,
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/evaluation/reviews',
    async prepare(h) {
      const { expert } = await world(h);
      const { id, bids } = await tender(h, 'opened');
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/evaluation/reviews`,
        user: expert,
        payload: { bidId: bids[0], lot: 1, passed: false, reason: '资格证明不全' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/evaluation/explanations',
    twins: ['POST /procurement/projects/:id/evaluation/explanations'],
    async prepare(h) {
      const { expert } = await world(h);
      const { id, bids } = await tender(h, 'reviewed');
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/evaluation/explanations`,
        user: expert,
        payload: { bidId: bids[2], lot: 1, explanation: '成本说明', accepted: true },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/evaluation/sheets',
    twins: ['POST /procurement/projects/:id/evaluation/sheets'],
    async prepare(h) {
      const { expert } = await world(h);
      const { id, bids } = await tender(h, 'explained');
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/evaluation/sheets`,
        user: expert,
        payload: { bidId: bids[0], lot: 1, scores: [30, 20] },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/evaluation/report',
    twins: ['POST /procurement/projects/:id/evaluation/report'],
    async prepare(h) {
      const { expert } = await world(h);
      const { id } = await tender(h, 'scored');
      return { method: 'POST', url: `/api/v1/projects/${id}/evaluation/report`, user: expert, payload: {} };
    },
  },
  {
    // Two confirmations of a lot at once: one award, one result notice.
    route: 'POST /api/v1/projects/:id/evaluation/awards',
    async prepare(h) {
      const { staff } = await world(h);
      const { id } = await tender(h, 'reported');
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/evaluation/awards`,
        user: staff,
        payload: { lot: 1 },
      };
    },
  },
  {
    // The page forms, double-clicked: one review, one award and one result notice.
    route: 'POST /procurement/projects/:id/evaluation/reviews',
    async prepare(h) {
      // A fresh member per run: the form's agent logs in inside the measured request.
      const expert = await h.user('expert');
      const { id, bids } = await tender(h, 'opened', expert);
      return {
        method: 'POST',
        url: `/procurement/projects/${id}/evaluation/reviews`,
        form: {
          agentOf: expert,
          fields: { bidId: bids[0]!, lot: '1', passed: 'false', reason: '资格证明不全' },
        },
      };
    },
  },
  {
    route: 'POST /procurement/projects/:id/evaluation/awards',
    async prepare(h) {
      const { staff } = await world(h);
      const { id } = await tender(h, 'reported');
      // A fresh colleague of the department per run: the form's agent logs in inside the measured request.
      const colleague = await h.user(null);
      await h.run((ctx) =>
        addMembership(ctx, colleague.id, { organizationId: staff.organizationId!, role: 'purchaserStaff' }),
      );
      return {
        method: 'POST',
        url: `/procurement/projects/${id}/evaluation/awards`,
        form: { agentOf: colleague, fields: { lot: '1' } },
      };
    },
  },
];

describeRaces('evaluation and award', scenarios);

async function provider(h: Harness) {
  return eligibleProvider(h, (await world(h)).civil, '朝阳区评审竞态服务中心');
}
