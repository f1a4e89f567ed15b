// Every credit.manage route that takes an organization id, walked with subjects the actor does not keep
// (credit.policy.ts): a provider member acting on its own organization's credit, or on another's, is
// refused (403: credit records are civil affairs'); a civil-affairs officer acting on an organization
// that has no credit record (a purchaser) enters nothing: 404 as for an unknown id, and a removal
// finds it on no list (409 not_listed, as the API has always answered; the page, which would show the
// form again on the organization's credit page, finds no such page: 404). Valid bodies are sent, so that
// the refusal is the subject's, not the form's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Agent, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient } from '../../testing/http.js';

describeEachDatabase('credit routes × subjects the actor does not keep', (db) => {
  let h: Harness;
  let civil: TestUser;
  let provider: TestUser;
  let otherProvider: TestUser;
  let purchaser: TestUser;
  const agents = new Map<TestUser, Agent>();
  const api = apiClient(() => h.app);

  const record = { category: 'honour', description: '表彰', source: '朝阳区民政局', eventDate: '2026-11-20' };
  const removal = { list: 'anomaly', entryId: '00000000-0000-7000-8000-000000000000', reason: '已补报' };
  /** Per route (the part of its path after the organization id): a valid body, and civil affairs' answer. */
  const cases: Record<string, { body?: Record<string, string>; civil: number }> = {
    '/credit': { civil: 404 },
    '/credit/records': { body: record, civil: 404 },
    // The refused form would be shown again on a page the purchaser does not have.
    '/credit/removals': { body: removal, civil: 404 },
    '/credit-records': { body: record, civil: 404 },
    '/list-removals': { body: removal, civil: 409 },
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

  const routes = () =>
    h.app.routeTable.filter(
      (r) => r.action === 'credit.manage' && r.url.includes('/:id') && r.method !== 'HEAD',
    );
  const suffix = (url: string) => url.replace(/^.*\/:id/, '');

  const send = async (user: TestUser, method: string, url: string, organizationId: string) => {
    const concrete = url.replace(':id', organizationId);
    const { body } = cases[suffix(url)]!;
    if (url.startsWith('/api/')) return api(method as 'POST', concrete, body, user);
    const agent = agents.get(user)!;
    if (method === 'GET') return agent.get(concrete);
    return agent.postForm(concrete, body ?? {}, { csrfFrom: '/account' });
  };

  it('covers every credit.manage route that takes an organization id', () => {
    expect(
      routes()
        .map((r) => suffix(r.url))
        .sort(),
    ).toEqual(Object.keys(cases).sort());
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

  it('enters and removes nothing for civil affairs acting on a purchaser', async () => {
    const problems: string[] = [];
    for (const route of routes()) {
      const res = await send(civil, route.method, route.url, purchaser.organizationId!);
      const expected = cases[suffix(route.url)]!.civil;
      if (res.statusCode !== expected) problems.push(`${route.method} ${route.url}: ${res.statusCode}`);
    }
    expect(problems).toEqual([]);
    const records = await h.run((ctx) =>
      ctx.trx
        .selectFrom('credit_records')
        .select('id')
        .where('organization_id', '=', purchaser.organizationId!)
        .execute(),
    );
    expect(records).toEqual([]);
  });
});
