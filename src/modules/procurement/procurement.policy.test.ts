// The procurement policy on real records (issue 12 item 3): for every procurement route that takes a
// project, the purchaser staff of another department are refused (403), and the department's own staff
// are not; for every route that takes a bid, a member of another provider is refused (the bid is not
// found: whether it exists is nobody else's business) and the bid's own provider is not. The routes are
// walked from the app's route table, so a new one is covered without touching this file.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMembership } from '../../platform/auth/add-membership.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Agent, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient } from '../../testing/http.js';
import { registerOrganization } from '../organizations/index.js';
import { publishedIntention } from './procurement.fixtures.js';
import { planFor } from './evaluation/evaluation.plans.js';

const DUMMY_ID = '00000000-0000-7000-8000-000000000000';
const DUMMY_SHA = 'a'.repeat(64);

interface Person {
  user: TestUser;
  agent: Agent;
  csrf: string;
}

/**
 * A valid body for an API route (the schema is checked before anyone is asked who they are): by the
 * route's last segment. A route missing here answers 422 and the test names it.
 */
function bodyFor(method: string, url: string): unknown {
  const last = url.split('/').at(-1)!;
  const bodies: Record<string, unknown> = {
    'single-source': { supplierId: DUMMY_ID, ground: 'soleSupplier', justification: '唯一供应商' },
    answer: { text: '答复' },
    notice: { deadline: '2026-12-31', text: '采购公告' },
    corrections: { text: '更正' },
    termination: { text: '终止' },
    invitations: { suppliers: ['X'], basis: '推荐' },
    restart: { path: 'retender' },
    award: { priceFen: 100, text: '成交' },
    confirmation: { creditCommitment: true },
    confirm: { creditCommitment: true },
    replacement: {
      lots: [{ number: 1, priceFen: 9_000_000 }],
      statement: '服务方案',
      creditCommitment: true,
    },
    plan: {
      method: 'comprehensive',
      priceWeight: 30,
      criteria: [{ name: '方案', weight: 70, min: 0, max: 70 }],
    },
    awards: { lot: 1 },
    decision: { grant: false, note: '不同意' },
  };
  // Inquiries and challenges (challenges/): their answers have bodies of their own.
  if (last === 'answer' && url.includes('/inquiries/')) return { answer: '答复' };
  if (last === 'answer' && url.includes('/challenges/'))
    return { outcome: 'rejected', issue: '质疑事项', answer: '答复' };
  return method === 'PUT' || method === 'POST' ? (bodies[last] ?? {}) : undefined;
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The fields of a page's form, valid enough to reach the use-case (the form is checked first). */
function formFor(url: string): Record<string, string> {
  const body = bodyFor('POST', url) as Record<string, unknown> | undefined;
  const fields = Object.fromEntries(
    Object.entries(body ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join(' ') : String(v)]),
  );
  return url.endsWith('/award') ? { price: '1', text: '成交' } : fields;
}

/** The URL with the record's id, other parameters made up. */
function concrete(url: string, id: string): string {
  return url
    .replace(':id', id)
    .replace(':sha256', DUMMY_SHA)
    .replace(/:[A-Za-z]+/g, DUMMY_ID);
}

function refused(status: number, location: string | undefined): boolean {
  return status === 401 || status === 403 || (status === 303 && !!location?.startsWith('/login'));
}

describeEachDatabase(
  'procurement policy: a department keeps its projects, an organization its bids',
  (db) => {
    let h: Harness;
    let owner: Person;
    let otherDepartment: Person;
    let bidder: Person;
    let otherProvider: Person;
    let projectId: string;
    let bidId: string;
    let staff: TestUser;
    const api = apiClient(
      () => h.app,
      () => staff,
    );

    async function person(user: TestUser): Promise<Person> {
      const agent = h.agent();
      await agent.logIn(user.login, user.password);
      return { user, agent, csrf: await agent.csrf('/account') };
    }

    async function provider(n: number, civil: TestUser): Promise<TestUser> {
      const user = await h.user(null);
      await h.run(async (ctx) => {
        const { id } = await registerOrganization(ctx, {
          name: `朝阳区第${n}社会工作事务所`,
          orgType: 'serviceAgency',
          uscc: testUscc(970_000 + n),
          registrationLevel: 'district',
          districtCode: '110105',
          registrationAuthorityId: civil.organizationId!,
        });
        await addMembership(ctx, user.id, { organizationId: id, role: 'providerMember' });
      });
      return user;
    }

    beforeAll(async () => {
      h = await startHarness(db());
      staff = await h.user('purchaserStaff');
      const civil = await h.user('civilAffairs');
      const intentionId = await publishedIntention(h, staff, 100);
      const otherStaff = await h.user('purchaserStaff');
      const bidderUser = await provider(1, civil);
      h.clock.set('2026-10-09T02:00:00Z');
      const created = await api('POST', '/api/v1/projects', {
        intentionId,
        title: '望京街道居家养老上门服务',
        method: 'openTender',
        lots: [{ title: '望京西园片区', budgetFen: 10_000_000 }],
        ...planFor('openTender'),
      });
      projectId = created.json<{ id: string }>().id;
      const notice = await api('POST', `/api/v1/projects/${projectId}/notice`, {
        deadline: '2026-10-29',
        text: '采购公告正文',
      });
      expect(notice.statusCode, notice.body).toBe(201);
      h.clock.set('2026-10-20T02:00:00Z');
      const bid = await api(
        'POST',
        `/api/v1/projects/${projectId}/bids`,
        { lots: [{ number: 1, priceFen: 9_000_000 }], statement: '服务方案', creditCommitment: true },
        bidderUser,
      );
      expect(bid.statusCode, bid.body).toBe(201);
      bidId = bid.json<{ bidId: string }>().bidId;
      // Logged in now: a session started at an earlier date of the test would have expired.
      owner = await person(staff);
      otherDepartment = await person(otherStaff);
      bidder = await person(bidderUser);
      otherProvider = await person(await provider(2, civil));
    });
    afterAll(() => h.close());

    /** One request as `who`; a refusal must come before anything is changed, so the owner goes last. */
    async function send(who: Person, method: string, url: string) {
      if (url.startsWith('/api/') && url.endsWith('/documents') && method === 'POST')
        return h.app.inject({
          method: 'POST',
          url: `${url}?name=a.pdf`,
          headers: { authorization: `Bearer ${who.user.token}`, 'content-type': 'application/pdf' },
          payload: PDF,
        });
      if (url.startsWith('/api/'))
        return api(
          method as 'GET',
          url,
          method === 'GET' || method === 'DELETE' ? undefined : bodyFor(method, url),
          who.user,
        );
      if (method === 'GET') return who.agent.get(url);
      if (url.endsWith('/documents'))
        return who.agent.postMultipart(
          url,
          { name: 'a.pdf' },
          { name: 'file', filename: 'a.pdf', contentType: 'application/pdf', content: PDF },
          { csrf: who.csrf },
        );
      return who.agent.postForm(url, formFor(url), { csrf: who.csrf });
    }

    // First: the department's own requests below change the project (its termination discards the bid).
    it('refuses another provider on every route that takes a bid, and not the bid’s own provider', async () => {
      const routes = h.app.routeTable.filter(
        (r) => r.action === 'bid.submit' && r.method !== 'HEAD' && /\/bids\/:id(\/|$)/.test(r.url),
      );
      expect(routes.length).toBeGreaterThan(3);
      const problems: string[] = [];
      // Withdrawal ends the bid, so it goes last.
      for (const route of [...routes].sort(
        (a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'),
      )) {
        const url = concrete(route.url, bidId);
        const other = await send(otherProvider, route.method, url);
        if (![403, 404].includes(other.statusCode))
          problems.push(`${route.method} ${url} as another provider: ${other.statusCode}`);
        const own = await send(bidder, route.method, url);
        if (refused(own.statusCode, own.headers.location) || own.statusCode >= 500)
          problems.push(`${route.method} ${url} as the bidder: ${own.statusCode}`);
      }
      expect(problems).toEqual([]);
    }, 60_000);

    it('refuses another department on every route that takes a project, and not the department', async () => {
      const routes = h.app.routeTable.filter(
        (r) =>
          r.action === 'project.manage' &&
          r.method !== 'HEAD' &&
          /^(\/api\/v1|\/procurement)\/projects\/:id(\/|$)/.test(r.url),
      );
      expect(routes.length).toBeGreaterThan(20);
      const problems: string[] = [];
      for (const route of routes) {
        const url = concrete(route.url, projectId);
        const other = await send(otherDepartment, route.method, url);
        if (other.statusCode !== 403)
          problems.push(
            `${route.method} ${url} as another department: ${other.statusCode} ${url.startsWith('/api') ? other.body : ''}`,
          );
        const own = await send(owner, route.method, url);
        if (refused(own.statusCode, own.headers.location) || own.statusCode >= 500)
          problems.push(`${route.method} ${url} as the department: ${own.statusCode}`);
      }
      expect(problems).toEqual([]);
    }, 120_000);
  },
);
