// Identical requests at once on procurement projects and bids have one effect (src/testing/races.ts).
// Each prepare builds its own project over the API (bids sealed for the project's key, as bids.test.ts
// does), from one published intention per harness; the clock is set where the step needs it.
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { sha256Hex } from '../../platform/publish/hashing.js';
import type { Harness, TestUser } from '../../testing/harness.js';
import { clientAddress, describeRaces, type RaceScenario } from '../../testing/races.js';
import { apiCall as call, eligibleProvider, publishedIntention } from './procurement.fixtures.js';
import { planFor } from './evaluation/evaluation.plans.js';

interface World {
  staff: TestUser;
  civil: TestUser;
  finance: TestUser;
  intentionId: string;
}

const worlds = new WeakMap<Harness, Promise<World>>();

function world(h: Harness): Promise<World> {
  let w = worlds.get(h);
  if (!w) {
    w = (async () => {
      const staff = await h.user('purchaserStaff');
      const civil = await h.user('civilAffairs');
      const finance = await h.user('finance');
      return { staff, civil, finance, intentionId: await publishedIntention(h, staff, 100) };
    })();
    worlds.set(h, w);
  }
  return w;
}

/** A draft project of the world's department, created on 2026-10-09. */
async function draftProject(h: Harness, method = 'openTender'): Promise<string> {
  const { staff, intentionId } = await world(h);
  h.clock.set('2026-10-09T02:00:00Z');
  const { id } = await call<{ id: string }>(h, staff, 'POST', '/api/v1/projects', {
    intentionId,
    title: '望京街道居家养老上门服务',
    method,
    lots: [
      { title: '望京西园片区', budgetFen: 10_000_000 },
      { title: '望京东园片区', budgetFen: 8_000_000 },
    ],
    ...planFor(method),
  });
  return id;
}

/** A project whose notice is out (deadline 2026-10-29); the clock on 2026-10-20, taking bids. */
async function openProject(h: Harness): Promise<string> {
  const { staff } = await world(h);
  const id = await draftProject(h);
  await call(h, staff, 'POST', `/api/v1/projects/${id}/notice`, { deadline: '2026-10-29', text: '采购公告' });
  h.clock.set('2026-10-20T02:00:00Z');
  return id;
}

const bidBody = (extra: Record<string, unknown> = {}) => ({
  lots: [{ number: 1, priceFen: 9_500_000 }],
  statement: '服务方案：每周上门两次',
  creditCommitment: true,
  ...extra,
});

/** A single-source draft with its supplier requested. */
async function singleSourceRequested(h: Harness) {
  const { staff } = await world(h);
  const supplier = await provider(h);
  const id = await draftProject(h, 'singleSource');
  await call(h, staff, 'POST', `/api/v1/projects/${id}/single-source`, {
    supplierId: supplier.organizationId,
    ground: 'soleSupplier',
    justification: '辖区内唯一具备失智老人照护资质的机构',
  });
  return { id, supplier };
}

/** A single source approved by the finance bureau: the pre-notice runs until `objectionsUntil`. */
async function singleSourceApproved(h: Harness) {
  const { finance } = await world(h);
  const { id, supplier } = await singleSourceRequested(h);
  const { objectionsUntil } = await call<{ objectionsUntil: string }>(
    h,
    finance,
    'POST',
    `/api/v1/projects/${id}/single-source/decision`,
    { approve: true, note: '同意' },
  );
  return { id, supplier, objectionsUntil };
}

/** A PDF no other prepare uploads: documents are stored by content, so each run adds its own. */
const uniquePdf = () =>
  Buffer.from(`%PDF-1.4\n% ${randomBytes(8).toString('hex')}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

const projectScenarios: RaceScenario[] = [
  {
    // A create with no natural key: one Idempotency-Key on every copy (forms carry `_submission`).
    route: 'POST /api/v1/projects',
    twins: ['POST /procurement/projects/mine'],
    async prepare(h) {
      const { staff, intentionId } = await world(h);
      h.clock.set('2026-10-09T02:00:00Z');
      return {
        method: 'POST',
        url: '/api/v1/projects',
        user: staff,
        idempotent: true,
        payload: {
          intentionId,
          title: '望京街道居家养老上门服务',
          method: 'openTender',
          lots: [{ title: '望京西园片区', budgetFen: 10_000_000 }],
        },
      };
    },
  },
  {
    // The same file twice on one project is refused (409 document_attached): the file is the key.
    route: 'POST /api/v1/projects/:id/documents',
    twins: ['POST /procurement/projects/:id/documents'],
    async prepare(h) {
      const { staff } = await world(h);
      const id = await draftProject(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/documents?name=${encodeURIComponent('招标文件.pdf')}`,
        user: staff,
        headers: { 'content-type': 'application/pdf' },
        payload: uniquePdf(),
      };
    },
  },
  {
    // One copy removes the document (204); the others, held behind it on the project, find none to
    // remove and answer 404 like any document not attached. The effect is one row; a DELETE repeated
    // is no second effect, so several answers are not a doubled one.
    route: 'DELETE /api/v1/projects/:id/documents/:sha256',
    twins: ['POST /procurement/projects/:id/documents/:sha256/remove'],
    outcome: 'idempotent',
    async prepare(h) {
      const { staff } = await world(h);
      const id = await draftProject(h);
      const pdf = uniquePdf();
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/projects/${id}/documents?name=a.pdf`,
        headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/pdf' },
        payload: pdf,
      });
      expect(res.statusCode, res.body).toBe(201);
      return { method: 'DELETE', url: `/api/v1/projects/${id}/documents/${sha256Hex(pdf)}`, user: staff };
    },
  },
  {
    // A PUT replaces the list: the same list sent N times is that list once.
    route: 'PUT /api/v1/projects/:id/invitations',
    twins: ['POST /procurement/projects/:id/invitations'],
    outcome: 'idempotent',
    async prepare(h) {
      const { staff } = await world(h);
      const suppliers = await Promise.all([provider(h), provider(h), provider(h)]);
      const id = await draftProject(h, 'invitedTender');
      return {
        method: 'PUT',
        url: `/api/v1/projects/${id}/invitations`,
        user: staff,
        payload: { suppliers: suppliers.map((s) => s.uscc), basis: '专家书面推荐' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/single-source',
    twins: ['POST /procurement/projects/:id/single-source'],
    async prepare(h) {
      const { staff } = await world(h);
      const supplier = await provider(h);
      const id = await draftProject(h, 'singleSource');
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/single-source`,
        user: staff,
        payload: { supplierId: supplier.organizationId, ground: 'soleSupplier', justification: '唯一机构' },
      };
    },
  },
  {
    // A rejection changes no project state: only the held request row keeps it to one decision.
    route: 'POST /api/v1/projects/:id/single-source/decision',
    twins: ['POST /procurement/projects/:id/single-source/decision'],
    async prepare(h) {
      const { finance } = await world(h);
      const { id } = await singleSourceRequested(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/single-source/decision`,
        user: finance,
        payload: { approve: false, note: '理由不充分' },
      };
    },
  },
  {
    // The approval: one pre-notice, one opening scheduled.
    route: 'POST /api/v1/projects/:id/single-source/decision',
    async prepare(h) {
      const { finance } = await world(h);
      const { id } = await singleSourceRequested(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/single-source/decision`,
        user: finance,
        payload: { approve: true, note: '同意' },
      };
    },
  },
  {
    // Anyone may object, as often as they like: each objection is its own create (no natural key).
    route: 'POST /api/v1/projects/:id/objections',
    twins: ['POST /procurement/projects/:id/objections'],
    async prepare(h) {
      const { id } = await singleSourceApproved(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/objections`,
        remoteAddress: clientAddress(),
        idempotent: true,
        payload: { text: '还有其他机构具备资质' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/objections/:objectionId/answer',
    twins: ['POST /procurement/projects/:id/objections/:objectionId/answer'],
    async prepare(h) {
      const { staff } = await world(h);
      const { id } = await singleSourceApproved(h);
      const objection = await call<{ id: string }>(h, null, 'POST', `/api/v1/projects/${id}/objections`, {
        text: '还有其他机构具备资质',
      });
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/objections/${objection.id}/answer`,
        user: staff,
        payload: { text: '经核实，其他机构不具备资质' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/notice',
    twins: ['POST /procurement/projects/:id/notice'],
    async prepare(h) {
      const { staff } = await world(h);
      const id = await draftProject(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/notice`,
        user: staff,
        payload: { deadline: '2026-10-29', text: '采购公告' },
      };
    },
  },
  {
    // Several corrections of one project are lawful: a correction is a create, held by its key.
    route: 'POST /api/v1/projects/:id/corrections',
    twins: ['POST /procurement/projects/:id/corrections'],
    async prepare(h) {
      const { staff } = await world(h);
      const id = await openProject(h);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/corrections`,
        user: staff,
        idempotent: true,
        payload: { text: '更正：服务地址', deadline: '2026-11-10' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/termination',
    twins: ['POST /procurement/projects/:id/termination'],
    async prepare(h) {
      const { staff } = await world(h);
      const id = await openProject(h);
      await call(h, await provider(h), 'POST', `/api/v1/projects/${id}/bids`, bidBody());
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/termination`,
        user: staff,
        payload: { text: '因需求变更终止' },
      };
    },
  },
];

const bidScenarios: RaceScenario[] = [
  {
    // One bid per supplier (GPR Art 22): the copies are refused 409 duplicate_bid, without any key.
    route: 'POST /api/v1/projects/:id/bids',
    twins: ['POST /procurement/projects/:id/bid'],
    async prepare(h) {
      const id = await openProject(h);
      const p = await provider(h);
      return { method: 'POST', url: `/api/v1/projects/${id}/bids`, user: p, payload: bidBody() };
    },
  },
  {
    // One replacement of a bid: the others find it replaced already, 409 bid_ended (not 404).
    route: 'POST /api/v1/bids/:id/replacement',
    async prepare(h) {
      const id = await openProject(h);
      const p = await provider(h);
      const { bidId } = await call<{ bidId: string }>(h, p, 'POST', `/api/v1/projects/${id}/bids`, bidBody());
      return {
        method: 'POST',
        url: `/api/v1/bids/${bidId}/replacement`,
        user: p,
        payload: bidBody({ lots: [{ number: 1, priceFen: 9_000_000 }] }),
      };
    },
  },
  {
    route: 'POST /api/v1/bids/:id/confirmation',
    twins: ['POST /procurement/bids/:id/confirm'],
    async prepare(h) {
      const id = await openProject(h);
      const [lead, member] = await Promise.all([provider(h), provider(h)]);
      const { bidId } = await call<{ bidId: string }>(
        h,
        lead,
        'POST',
        `/api/v1/projects/${id}/bids`,
        bidBody({ consortium: [member.uscc] }),
      );
      return {
        method: 'POST',
        url: `/api/v1/bids/${bidId}/confirmation`,
        user: member,
        payload: { creditCommitment: true },
      };
    },
  },
  {
    route: 'DELETE /api/v1/bids/:id',
    twins: ['POST /procurement/bids/:id/withdraw'],
    async prepare(h) {
      const id = await openProject(h);
      const p = await provider(h);
      const { bidId } = await call<{ bidId: string }>(h, p, 'POST', `/api/v1/projects/${id}/bids`, bidBody());
      return { method: 'DELETE', url: `/api/v1/bids/${bidId}`, user: p };
    },
  },
  {
    // One follow-up project for a failed one.
    route: 'POST /api/v1/projects/:id/restart',
    twins: ['POST /procurement/projects/:id/restart'],
    async prepare(h) {
      const { staff } = await world(h);
      const id = await openProject(h);
      h.clock.set('2026-10-30T00:00:00Z');
      await h.platform.scheduler.tick();
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/restart`,
        user: staff,
        payload: { path: 'retender' },
      };
    },
  },
  {
    route: 'POST /api/v1/projects/:id/award',
    twins: ['POST /procurement/projects/:id/award'],
    async prepare(h) {
      const { staff } = await world(h);
      const { id, supplier, objectionsUntil } = await singleSourceApproved(h);
      h.clock.set(`${objectionsUntil}T02:00:00Z`);
      await call(
        h,
        supplier,
        'POST',
        `/api/v1/projects/${id}/bids`,
        bidBody({
          lots: [
            { number: 1, priceFen: 5_000_000 },
            { number: 2, priceFen: 4_000_000 },
          ],
        }),
      );
      h.clock.set(`${objectionsUntil}T16:00:01Z`);
      await h.platform.scheduler.tick();
      h.clock.set(`${objectionsUntil}T18:00:00Z`);
      return {
        method: 'POST',
        url: `/api/v1/projects/${id}/award`,
        user: staff,
        payload: { priceFen: 8_800_000, text: '经协商，价格下调' },
      };
    },
  },
];

describeRaces('procurement projects', projectScenarios);
describeRaces('bids', bidScenarios);

/** A registered (eligible) social organization and a member of it. */
async function provider(h: Harness) {
  return eligibleProvider(h, (await world(h)).civil, '朝阳区竞态测试服务中心');
}
