// Architecture rule 7: authorization is one function, can(). Every route declares an action; this test
// walks EVERY registered route with every role and with an anonymous visitor, and checks that the
// answer is a refusal exactly when can() says no. A new route is covered without touching this file.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can } from './platform/access/policy.js';
import { ANONYMOUS, ROLES, type Actor, type Role } from './platform/access/roles.js';
import { describeEachDatabase } from './testing/databases.js';
import { startHarness, type Agent, type Harness, type TestUser } from './testing/harness.js';

const DUMMY_ID = '00000000-0000-7000-8000-000000000000';

function concreteUrl(url: string): string {
  return url
    .replace(':year', '2025')
    .replace(':locale', 'en')
    .replace(/:[A-Za-z]+/g, DUMMY_ID)
    .replace('*', 'app.css');
}

interface Persona {
  name: Role | 'anonymous';
  actor: Actor;
  user?: TestUser;
  agent?: Agent;
  csrf?: string;
}

function isDenial(status: number, body: string, location: string | undefined, api: boolean): boolean {
  if (api) {
    if (status !== 401 && status !== 403) return false;
    try {
      const code = (JSON.parse(body) as { error?: { code?: string } }).error?.code;
      return code === 'unauthenticated' || code === 'forbidden' || code === 'csrf_invalid';
    } catch {
      return false;
    }
  }
  if (status === 303 && location?.startsWith('/login?next=')) return true;
  return status === 401 || status === 403;
}

describeEachDatabase('every route × every role', (db) => {
  let h: Harness;
  const personas: Persona[] = [];

  beforeAll(async () => {
    h = await startHarness(db());
    personas.push({ name: 'anonymous', actor: ANONYMOUS, agent: h.agent() });
    for (const role of ROLES) {
      const user = await h.user(role);
      const agent = h.agent();
      await agent.logIn(user.login, user.password);
      const me = await h.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${user.token}` },
      });
      const memberships = me.json<{
        memberships: Actor & { kind: 'user' } extends { memberships: infer M } ? M : never;
      }>().memberships;
      personas.push({
        name: role,
        actor: { kind: 'user', userId: user.id, name: user.name, memberships, via: 'session' },
        user,
        agent,
        csrf: await agent.csrf('/account'),
      });
    }
  });
  afterAll(() => h.close());

  it('lists a declared action for every route', () => {
    expect(h.app.routeTable.length).toBeGreaterThan(40);
    for (const r of h.app.routeTable)
      expect(r.action, `${r.method} ${r.url}`).toMatch(/^[a-z]+(\.[a-zA-Z]+)+$/);
  });

  it('refuses exactly when can() says no', async () => {
    // Log-out ends the session the other requests ride on, so it goes last.
    const routes = [...h.app.routeTable]
      .filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
      .sort((a, b) => Number(a.url === '/logout') - Number(b.url === '/logout'));
    const problems: string[] = [];
    let checked = 0;
    for (const route of routes) {
      const url = concreteUrl(route.url);
      const api = url.startsWith('/api/');
      for (const p of personas) {
        const allowed = can(p.actor, route.action);
        let res;
        if (api && p.user) {
          res = await h.app.inject({
            method: route.method as 'GET',
            url,
            headers: { authorization: `Bearer ${p.user.token}` },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          });
        } else if (route.method === 'GET') {
          res = await p.agent!.get(url);
        } else if (api) {
          res = await h.app.inject({ method: route.method as 'POST', url, payload: {} });
        } else {
          res = await p.agent!.postForm(url, {}, { csrf: p.csrf ?? (await p.agent!.csrf('/login')) });
        }
        const denied = isDenial(res.statusCode, res.body, res.headers.location, api);
        if (res.statusCode >= 500) problems.push(`${route.method} ${url} as ${p.name}: ${res.statusCode}`);
        else if (denied === allowed) {
          problems.push(
            `${route.method} ${url} as ${p.name}: ${res.statusCode}, but can(${route.action}) is ${allowed}`,
          );
        }
        checked++;
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(400);
  }, 180_000);

  it('refuses unknown actions and never lets the anonymous visitor do more than read', () => {
    expect(can(ANONYMOUS, 'no.such.action')).toBe(false);
    const anonymousActions = [
      ...new Set(h.app.routeTable.filter((r) => can(ANONYMOUS, r.action)).map((r) => r.action)),
    ].sort();
    expect(anonymousActions).toEqual(['public.read', 'session.login']);
  });
});
