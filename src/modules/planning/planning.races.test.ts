// Identical requests at once on intentions and planned spending have one effect (src/testing/races.ts):
// publishing an intention publishes one record, withdrawing a line publishes one withdrawal.
import { addDays, beijingDate, yearOf } from '../../platform/time/dates.js';
import type { Harness, TestUser } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';

const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.token}` });

/** A department of its own with a published catalogue of one purchasable item. */
async function department(h: Harness): Promise<{ user: TestUser; itemId: string }> {
  const user = await h.user('purchaserStaff');
  const post = (url: string, payload?: Record<string, unknown>) =>
    h.app.inject({ method: 'POST', url, headers: bearer(user), ...(payload ? { payload } : {}) });
  const year = yearOf(beijingDate(h.clock.now()));
  const catalogue = (await post('/api/v1/catalogues', { departmentId: user.organizationId, year })).json<{
    id: string;
  }>().id;
  const item = await post(`/api/v1/catalogues/${catalogue}/items`, {
    code: 'A01',
    name: '居家养老上门服务',
    domain: 'livelihood',
    forSocialOrganizations: true,
    negativeCheck: 'none',
    negativeReason: '公共服务，适合社会组织承接',
    purchasable: true,
  });
  await post(`/api/v1/catalogues/${catalogue}/publish`);
  return { user, itemId: item.json<{ id: string }>().id };
}

/** An intention's body: procurement 40 days from the harness's today, past the 30-day wait. */
function intentionBody(h: Harness, user: TestUser, itemId: string, projectName = '居家养老上门服务') {
  return {
    departmentId: user.organizationId,
    catalogueItemId: itemId,
    projectName,
    needs: '为辖区 200 名失能、半失能老年人每月上门服务 4 次',
    procurementFrom: addDays(beijingDate(h.clock.now()), 40),
    contractMonths: 12,
    costs: [{ kind: 'labour', quantity: 24, unit: '人·月', unitCostFen: 850_000 }],
  };
}

async function draftIntention(h: Harness): Promise<{ user: TestUser; itemId: string; id: string }> {
  const { user, itemId } = await department(h);
  const created = await h.app.inject({
    method: 'POST',
    url: '/api/v1/intentions',
    headers: bearer(user),
    payload: intentionBody(h, user, itemId),
  });
  return { user, itemId, id: created.json<{ id: string }>().id };
}

function spendingBody(h: Harness, user: TestUser) {
  return {
    departmentId: user.organizationId,
    year: yearOf(beijingDate(h.clock.now())),
    projectName: '社区助餐服务',
    amountFen: 120_000_000,
    socialOrganization: true,
  };
}

const scenarios: RaceScenario[] = [
  {
    // A draft has no natural key (a department may well draft two alike): the client's key holds it.
    route: 'POST /api/v1/intentions',
    twins: ['POST /intentions/new'],
    async prepare(h) {
      const { user, itemId } = await department(h);
      return {
        method: 'POST',
        url: '/api/v1/intentions',
        user,
        idempotent: true,
        payload: intentionBody(h, user, itemId),
      };
    },
  },
  {
    // Replacing a draft with the same content twice leaves the one state (PUT is idempotent).
    route: 'PUT /api/v1/intentions/:id',
    twins: ['POST /intentions/:id/edit'],
    outcome: 'idempotent',
    async prepare(h) {
      const { user, itemId, id } = await draftIntention(h);
      return {
        method: 'PUT',
        url: `/api/v1/intentions/${id}`,
        user,
        payload: intentionBody(h, user, itemId, '居家养老上门服务（二期）'),
      };
    },
  },
  {
    // Deleting is idempotent (RFC 9110 §9.2.2): the draft goes once; a later request finds none (404).
    route: 'DELETE /api/v1/intentions/:id',
    twins: ['POST /intentions/:id/discard'],
    outcome: 'idempotent',
    async prepare(h) {
      const { user, id } = await draftIntention(h);
      return { method: 'DELETE', url: `/api/v1/intentions/${id}`, user };
    },
  },
  {
    // One published record per intention, however many clicks.
    route: 'POST /api/v1/intentions/:id/publish',
    twins: ['POST /intentions/:id/publish'],
    async prepare(h) {
      const { user, id } = await draftIntention(h);
      return { method: 'POST', url: `/api/v1/intentions/${id}/publish`, user };
    },
  },
  {
    // A planned line has no natural key (two lines alike are two projects): the client's key holds it.
    route: 'POST /api/v1/planning/spending',
    twins: ['POST /planning/departments/:id/spending'],
    async prepare(h) {
      const { user } = await department(h);
      return {
        method: 'POST',
        url: '/api/v1/planning/spending',
        user,
        idempotent: true,
        payload: spendingBody(h, user),
      };
    },
  },
  {
    // One published withdrawal per line.
    route: 'POST /api/v1/planning/spending/:id/withdraw',
    twins: ['POST /planning/spending/:id/withdraw'],
    async prepare(h) {
      const { user } = await department(h);
      const line = await h.app.inject({
        method: 'POST',
        url: '/api/v1/planning/spending',
        headers: bearer(user),
        payload: spendingBody(h, user),
      });
      const id = line.json<{ id: string }>().id;
      return {
        method: 'POST',
        url: `/api/v1/planning/spending/${id}/withdraw`,
        user,
        payload: { reason: '项目并入区级统一采购' },
      };
    },
  },
];

describeRaces('planning', scenarios);
