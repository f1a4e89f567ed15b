// Architecture rule 7, by subject: every route whose action has a subject rule in a module's policy is
// walked on the demo city with someone who holds the right role but not the subject — a purchaser of
// another department on a project, catalogue, intention, spending line or survey; a member of another
// provider on a bid — and must be refused: 403, or 404 for a bid, whose existence is nobody else's
// business. The same person on their own subject must not be
// refused, so the walk cannot pass by refusing everyone. A request whose empty body the route's schema
// refuses (422) is counted apart: it never reached the subject rule, and the module's policy test sends
// that route a real body. A new route or a new subject rule is covered without touching this file, as
// long as its URL names its subject the way the table below knows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, createPlatform, type Platform } from './app.js';
import { seedDemo, type DemoCredential } from './demo/seed.js';
import { createSurvey } from './modules/surveys/index.js';
import { actionRule, can } from './platform/access/policy.js';
import type { Actor, Role } from './platform/access/roles.js';
import { loadConfig } from './platform/config.js';
import { runUseCase } from './platform/context.js';
import type { App } from './platform/http/app-types.js';
import { ManualClock } from './platform/time/clock.js';
import { describeEachDatabase } from './testing/databases.js';
import { Agent } from './testing/harness.js';

const DUMMY_ID = '00000000-0000-7000-8000-000000000000';

type SubjectKind = 'project' | 'catalogue' | 'intention' | 'department' | 'spendingLine' | 'survey' | 'bid';

/** Which subject a route's `:id` names, by the start of its URL; and who owns that kind of subject. */
const SUBJECTS: { pattern: RegExp; kind: SubjectKind }[] = [
  { pattern: /^(\/api\/v1|\/procurement)\/projects\/:id/, kind: 'project' },
  { pattern: /^(\/api\/v1)?\/catalogues\/:id/, kind: 'catalogue' },
  { pattern: /^(\/api\/v1)?\/intentions\/:id/, kind: 'intention' },
  { pattern: /^(\/api\/v1)?\/planning\/departments\/:id/, kind: 'department' },
  { pattern: /^(\/api\/v1)?\/planning\/spending\/:id/, kind: 'spendingLine' },
  { pattern: /^(\/api\/v1)?\/surveys\/:id/, kind: 'survey' },
  { pattern: /^(\/api\/v1|\/procurement)\/bids\/:id/, kind: 'bid' },
];

const OWNER_ROLE: Record<SubjectKind, Role> = {
  project: 'purchaserStaff',
  catalogue: 'purchaserStaff',
  intention: 'purchaserStaff',
  department: 'purchaserStaff',
  spendingLine: 'purchaserStaff',
  survey: 'purchaserStaff',
  bid: 'providerMember',
};

interface Persona {
  credential: DemoCredential;
  actor: Actor & { kind: 'user' };
  organizationId: string;
  agent: Agent;
  csrf: string;
}

describeEachDatabase('every route with a subject rule × another owner’s subject', (db) => {
  let platform: Platform;
  let app: App;
  let dataDir: string;
  const personas = new Map<Role, Persona>();
  /** For each kind: one subject the persona's organization keeps and one it does not. */
  const subjects = new Map<SubjectKind, { own: string | undefined; foreign: string }>();

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongshi-subjects-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    platform = await createPlatform(config, { db: db().db, clock: new ManualClock('2026-11-26T02:00:00Z') });
    const credentials = (await seedDemo(platform))!;
    app = await buildApp(platform, { logger: false });
    for (const role of ['purchaserStaff', 'providerMember'] as const) {
      const credential = credentials.find((c) => c.role === role)!;
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${credential.apiToken}` },
      });
      const body = me.json<{ id: string; name: string; memberships: Persona['actor']['memberships'] }>();
      const agent = new Agent(app);
      await agent.logIn(credential.login, credential.password);
      personas.set(role, {
        credential,
        actor: {
          kind: 'user',
          userId: body.id,
          name: body.name,
          memberships: body.memberships,
          via: 'session',
        },
        organizationId: body.memberships.find((m) => m.role === role)!.organizationId,
        agent,
        csrf: await agent.csrf('/account'),
      });
    }
    const k = db().db.kysely;
    const department = personas.get('purchaserStaff')!.organizationId;
    const provider = personas.get('providerMember')!.organizationId;
    const pick = (kind: SubjectKind, rows: { id: string; owner: string }[], owner: string): void => {
      const foreign = rows.find((r) => r.owner !== owner);
      if (!foreign) throw new Error(`the demo city has no ${kind} of another owner`);
      subjects.set(kind, { own: rows.find((r) => r.owner === owner)?.id, foreign: foreign.id });
    };
    pick(
      'project',
      await k.selectFrom('procurement_projects').select(['id', 'department_id as owner']).execute(),
      department,
    );
    pick(
      'catalogue',
      await k.selectFrom('catalogues').select(['id', 'department_id as owner']).execute(),
      department,
    );
    pick(
      'intention',
      await k.selectFrom('intentions').select(['id', 'department_id as owner']).execute(),
      department,
    );
    pick(
      'spendingLine',
      await k.selectFrom('spending_lines').select(['id', 'department_id as owner']).execute(),
      department,
    );
    pick(
      'department',
      (await k.selectFrom('organizations').select('id').where('kind', '=', 'purchaser').execute()).map(
        (o) => ({ id: o.id, owner: o.id }),
      ),
      department,
    );
    // The demo's one survey is the demo purchaser's department's: a staff member of another makes one.
    const other = await k
      .selectFrom('organizations')
      .select(['id', 'name'])
      .where('kind', '=', 'purchaser')
      .where('id', '!=', department)
      .executeTakeFirstOrThrow();
    const staff = personas.get('purchaserStaff')!.actor;
    const elsewhere: Actor = {
      ...staff,
      memberships: [
        {
          organizationId: other.id,
          organizationName: other.name,
          organizationKind: 'purchaser',
          organizationLevel: 'district',
          role: 'purchaserStaff',
        },
      ],
    };
    await runUseCase(platform.runtime, { actor: elsewhere }, (ctx) =>
      createSurvey(ctx, {
        organizationId: other.id,
        title: '另一个部门的调研',
        purpose: '授权测试',
        subject: '测试',
      }),
    );
    pick(
      'survey',
      await k.selectFrom('surveys').select(['id', 'owner_organization_id as owner']).execute(),
      department,
    );
    pick('bid', await k.selectFrom('bids').select(['id', 'organization_id as owner']).execute(), provider);
  }, 180_000);

  afterAll(async () => {
    await app.close();
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (p: Persona, method: string, url: string): Promise<LightMyRequestResponse> => {
    if (url.startsWith('/api/'))
      return app.inject({
        method: method as 'GET',
        url,
        headers: { authorization: `Bearer ${p.credential.apiToken}` },
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
    if (method === 'GET') return p.agent.get(url);
    return p.agent.postForm(url, {}, { csrf: p.csrf });
  };

  it('refuses another owner’s subject with 403, and does not refuse one’s own', async () => {
    const problems: string[] = [];
    let walked = 0;
    let ownWalked = 0;
    // An empty body that the route's schema refuses (422) never reaches the subject rule: those routes
    // are checked with real bodies by their module's policy tests, and counted apart here.
    const validatedFirst: string[] = [];
    const kindsWalked = new Set<SubjectKind>();
    // Own subjects last: a POST with an empty form may change one (and then answer 409), never another's.
    const routes = app.routeTable.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    for (const pass of ['foreign', 'own'] as const) {
      for (const route of routes) {
        const subject = SUBJECTS.find((s) => s.pattern.test(route.url));
        const rule = actionRule(route.action);
        if (!subject || !rule?.subject) continue;
        const persona = personas.get(OWNER_ROLE[subject.kind])!;
        if (!can(persona.actor, route.action)) continue;
        const id = pass === 'foreign' ? subjects.get(subject.kind)!.foreign : subjects.get(subject.kind)!.own;
        if (!id) continue;
        const url = route.url.replace(':id', id).replace(/:[A-Za-z0-9]+/g, DUMMY_ID);
        const res = await send(persona, route.method, url);
        const nested = /:[A-Za-z0-9]+/.test(route.url.replace(':id', ''));
        if (res.statusCode >= 500) problems.push(`${route.method} ${route.url} (${pass}): ${res.statusCode}`);
        else if (pass === 'foreign' && res.statusCode === 422)
          validatedFirst.push(`${route.method} ${route.url}`);
        else if (
          pass === 'foreign' &&
          res.statusCode !== (subject.kind === 'bid' ? 404 : 403) &&
          !(nested && res.statusCode === 404)
        )
          problems.push(`${route.method} ${route.url} on another owner's ${subject.kind}: ${res.statusCode}`);
        else if (pass === 'own' && res.statusCode === 403)
          problems.push(`${route.method} ${route.url} on its owner's own ${subject.kind}: 403`);
        if (pass === 'foreign') {
          walked++;
          kindsWalked.add(subject.kind);
        } else ownWalked++;
      }
    }
    expect(problems).toEqual([]);
    // Projects, catalogues, intentions, surveys and bids are all walked, in the API and in the pages.
    expect([...kindsWalked].sort()).toEqual(Object.keys(OWNER_ROLE).sort());
    expect(walked - validatedFirst.length).toBeGreaterThan(30);
    expect(ownWalked).toBeGreaterThan(20);
  }, 300_000);
});
