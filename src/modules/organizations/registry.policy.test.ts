// Every registry route that takes an organization id, walked with subjects the actor does not keep
// (registry.policy.ts): a provider member acting on its own organization's entry, or on another's, is
// refused (403: the registry is civil affairs'); a civil-affairs officer acting on an organization that
// is not in the registry (a purchaser) finds nothing (404, as for an unknown id). Valid bodies are sent,
// so that the refusal is the subject's, not the form's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Agent, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';

const DUMMY_PERSON = '00000000-0000-7000-8000-000000000000';

describeEachDatabase('registry routes × subjects the actor does not keep', (db) => {
  let h: Harness;
  let civil: TestUser;
  let provider: TestUser;
  let otherProvider: TestUser;
  let purchaser: TestUser;
  const agents = new Map<TestUser, Agent>();
  const api = apiClient(() => h.app);

  const registration = () => ({
    name: '北京市朝阳区测试社会工作服务中心九号',
    orgType: 'serviceAgency',
    uscc: testUscc(880001),
    registrationLevel: 'district',
    districtCode: '110105',
    registrationAuthorityId: civil.organizationId!,
    serviceDomains: ['community'],
  });
  /** A valid body for each route, by the part of its path after the organization id. */
  const bodies: Record<string, () => Record<string, unknown> | undefined> = {
    '': registration,
    '/annual-reports': () => ({ year: 2025, inspectionResult: 'qualified' }),
    '/compliance': () => ({ kind: 'tax', year: 2025, compliant: true, evidence: '完税证明' }),
    '/grades': () => ({ grade: 4, awardedOn: '2024-06-01', reference: '朝民评〔2024〕3号' }),
    '/people': () => ({ name: '张三', position: 'staff' }),
    '/people/:personId/end': () => undefined,
  };

  beforeAll(async () => {
    h = await startHarness(db());
    civil = await h.user('civilAffairs');
    provider = await h.user('providerMember');
    otherProvider = await h.user('providerMember');
    purchaser = await h.user('purchaserStaff');
    for (const user of [civil, provider]) {
      const agent = h.agent();
      await agent.logIn(user.login, user.password);
      agents.set(user, agent);
    }
  });
  afterAll(() => h.close());

  /** The registry's routes that take an organization id (other modules' routes under /registry/:id excepted). */
  const routes = () =>
    h.app.routeTable.filter(
      (r) =>
        /^(\/api\/v1)?\/registry(\/organizations)?\/:id/.test(r.url) &&
        r.action.startsWith('registry.') &&
        r.method !== 'HEAD',
    );

  const send = async (user: TestUser, method: string, url: string, organizationId: string) => {
    const suffix = url.replace(/^.*\/:id/, '');
    const concrete = url.replace(':id', organizationId).replace(':personId', DUMMY_PERSON);
    const body = bodies[suffix]!();
    if (url.startsWith('/api/'))
      return api(method as 'GET', concrete, method === 'GET' ? undefined : body, user);
    const agent = agents.get(user)!;
    if (method === 'GET') return agent.get(concrete);
    const form = Object.fromEntries(
      Object.entries(body ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.map(String) : String(v)]),
    );
    return agent.postForm(concrete, form, { csrfFrom: '/account' });
  };

  it('covers every route of the registry that takes an organization id', () => {
    const suffixes = new Set(routes().map((r) => r.url.replace(/^.*\/:id/, '')));
    expect([...suffixes].sort()).toEqual(Object.keys(bodies).sort());
    expect(routes().length).toBe(14);
  });

  it('refuses a provider member on its own organization and on another (403)', async () => {
    const problems: string[] = [];
    for (const route of routes()) {
      for (const organizationId of [provider.organizationId!, otherProvider.organizationId!]) {
        const res = await send(provider, route.method, route.url, organizationId);
        if (res.statusCode !== 403) problems.push(`${route.method} ${route.url}: ${res.statusCode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('finds no registry entry for civil affairs acting on a purchaser (404), and changes nothing', async () => {
    const problems: string[] = [];
    for (const route of routes()) {
      const res = await send(civil, route.method, route.url, purchaser.organizationId!);
      if (res.statusCode !== 404) problems.push(`${route.method} ${route.url}: ${res.statusCode}`);
      else if (route.url.startsWith('/api/') && res.json<ErrorBody>().error.code !== 'not_found')
        problems.push(`${route.method} ${route.url}: ${res.body}`);
    }
    expect(problems).toEqual([]);
    const changes = await h.run((ctx) =>
      ctx.trx
        .selectFrom('org_changes')
        .select('id')
        .where('organization_id', '=', purchaser.organizationId!)
        .execute(),
    );
    expect(changes).toEqual([]);
  });
});
