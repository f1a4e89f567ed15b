// Demo data (issue: Foundation, item 11): a coherent Beijing with users for every role, seeded once.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp, createPlatform, type Platform } from '../app.js';
import { ROLES } from '../platform/access/roles.js';
import { loadConfig } from '../platform/config.js';
import type { App } from '../platform/http/app-types.js';
import { BEIJING_DISTRICTS } from '../platform/validation/districts.js';
import { checkUscc } from '../platform/validation/uscc.js';
import { ManualClock } from '../platform/time/clock.js';
import { describeEachDatabase } from '../testing/databases.js';
import { demoUscc, seedDemo, type DemoCredential } from './seed.js';

describeEachDatabase('demo data', (db) => {
  let platform: Platform;
  let app: App;
  let dataDir: string;
  let credentials: DemoCredential[] | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gongshi-seed-'));
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    platform = await createPlatform(config, { db: db().db, clock: new ManualClock('2026-11-26T02:00:00Z') });
    credentials = await seedDemo(platform);
    app = await buildApp(platform, { logger: false });
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await platform.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has a user for every role, with working passwords and API tokens', async () => {
    expect(credentials?.map((c) => c.role).sort()).toEqual([...ROLES].sort());
    for (const c of credentials!) {
      const me = await app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${c.apiToken}` },
      });
      expect(me.statusCode, c.role).toBe(200);
      expect(me.json<{ memberships: { role: string }[] }>().memberships.map((m) => m.role)).toContain(c.role);
    }
  });

  it('writes the log-ins to DATA_DIR/demo-credentials.json, readable by the owner only', () => {
    const file = join(dataDir, 'demo-credentials.json');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o077).toBe(0);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { users: DemoCredential[] };
    expect(saved.users).toEqual(credentials);
  });

  it('has the city, its 16 districts, and departments at city, district and street level', async () => {
    const orgs = await db().db.kysely.selectFrom('organizations').selectAll().execute();
    const districts = new Set(
      orgs.filter((o) => o.level === 'district' && o.kind === 'purchaser').map((o) => o.district_code),
    );
    expect([...districts].sort()).toEqual(BEIJING_DISTRICTS.map((d) => d.code).sort());
    const levels = new Set(
      orgs.filter((o) => o.kind === 'purchaser' || o.kind === 'bureau').map((o) => o.level),
    );
    expect(levels).toEqual(new Set(['city', 'district', 'street']));
    // Every street office hangs under its district's government.
    for (const street of orgs.filter((o) => o.level === 'street')) {
      const parent = orgs.find((o) => o.id === street.parent_id);
      expect(parent?.level).toBe('district');
      expect(parent?.district_code).toBe(street.district_code);
    }
  });

  it('has at least 50 social organizations of all three types, each with a valid and unique code', async () => {
    const social = await db()
      .db.kysely.selectFrom('organizations')
      .selectAll()
      .where('kind', '=', 'socialOrganization')
      .execute();
    expect(social.length).toBeGreaterThanOrEqual(50);
    expect(new Set(social.map((o) => o.org_type))).toEqual(
      new Set(['association', 'foundation', 'serviceAgency']),
    );
    for (const o of social) {
      const check = checkUscc(o.uscc!);
      expect(check.ok, o.uscc!).toBe(true);
      expect(check.orgCodeWarning).toBeUndefined();
      expect(o.uscc![0]).toBe('5'); // registered by civil affairs
    }
    expect(new Set(social.map((o) => o.uscc)).size).toBe(social.length);
  });

  it('publishes the demo announcements, searchable by 养老', async () => {
    const records = await app.inject({ method: 'GET', url: '/api/v1/records?kind=announcement' });
    expect(records.json<{ total: number }>().total).toBe(3);
    const found = await app.inject({ method: 'GET', url: '/api/v1/search?q=%E5%85%BB%E8%80%81' });
    expect(found.json<{ total: number }>().total).toBeGreaterThan(0);
  });

  it('has organizations on each credit list, one expired grade, and exactly one late-entered record', async () => {
    const k = db().db.kysely;
    const lists = await k
      .selectFrom('credit_list_entries')
      .select(['list'])
      .where('removed_on', 'is', null)
      .execute();
    expect(new Set(lists.map((l) => l.list))).toEqual(new Set(['anomaly', 'serious']));
    const records = await k.selectFrom('credit_records').select(['late']).execute();
    expect(records.length).toBeGreaterThan(5);
    // Domain guide §7: credit information entered within 5 working days; only the demo's late one is not.
    expect(records.filter((r) => Number(r.late) === 1)).toHaveLength(1);
    const grades = await k.selectFrom('org_grades').select(['valid_until']).execute();
    expect(grades.some((g) => g.valid_until < '2026-11-26')).toBe(true);
  });

  it('has published guidance catalogues for several departments, one with two versions, and a draft', async () => {
    const overview = await app.inject({ method: 'GET', url: '/api/v1/catalogues?year=2026' });
    const departments = overview.json<{
      departments: { name: string; version: number; excluded: number }[];
    }>().departments;
    expect(departments.length).toBeGreaterThanOrEqual(5);
    expect(departments.find((d) => d.name === '北京市民政局')?.version).toBe(2);
    expect(departments.every((d) => d.excluded >= 1)).toBe(true);
    const drafts = await db()
      .db.kysely.selectFrom('catalogues')
      .select('id')
      .where('status', '=', 'draft')
      .execute();
    expect(drafts).toHaveLength(1);
  });

  it('has published procurement intentions with costed budgets, and a draft', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/intentions' });
    const { items } = list.json<{
      items: { id: string; budgetFen: number; procurementAllowedFrom: string }[];
    }>();
    expect(items.length).toBeGreaterThanOrEqual(2);
    // 30 days after publication (财库〔2020〕10号): the demo's history started 100 days ago.
    expect(items.every((i) => i.budgetFen > 0 && /^2026-09-\d\d$/.test(i.procurementAllowedFrom))).toBe(true);
    const drafts = await db()
      .db.kysely.selectFrom('intentions')
      .select('id')
      .where('status', '=', 'draft')
      .execute();
    expect(drafts).toHaveLength(1);
  });

  it('has procurements in every method and every state, their history in time order', async () => {
    const projects = await db().db.kysely.selectFrom('procurement_projects').selectAll().execute();
    expect(new Set(projects.map((p) => p.method))).toEqual(
      new Set([
        'openTender',
        'invitedTender',
        'competitiveNegotiation',
        'competitiveConsultation',
        'requestForQuotation',
        'singleSource',
      ]),
    );
    expect(new Set(projects.map((p) => p.status))).toEqual(
      new Set(['draft', 'open', 'opened', 'failed', 'awarded', 'terminated']),
    );
    // A failed tender, and the new procurement that follows it.
    const failed = projects.find((p) => p.status === 'failed')!;
    expect(projects.some((p) => p.follows_project_id === failed.id)).toBe(true);
    // A single source with an objection, answered.
    const objections = await db().db.kysely.selectFrom('single_source_objections').selectAll().execute();
    expect(objections.length).toBeGreaterThan(0);
    expect(objections.every((o) => o.answer !== null)).toBe(true);
    // Every opened bid matched its commitment; the demo provider has a bid still sealed.
    const bids = await db().db.kysely.selectFrom('bids').selectAll().execute();
    expect(bids.filter((b) => b.status === 'opened').length).toBeGreaterThanOrEqual(10);
    expect(bids.filter((b) => b.status === 'invalid')).toEqual([]);
    const provider = credentials!.find((c) => c.role === 'providerMember')!;
    const mine = await app.inject({
      method: 'GET',
      url: '/api/v1/bids/mine',
      headers: { authorization: `Bearer ${provider.apiToken}` },
    });
    expect(mine.json<{ status: string }[]>().map((b) => b.status)).toEqual(['sealed']);
    // The log's entries are in the order of their times.
    const leaves = await db()
      .db.kysely.selectFrom('log_entries')
      .select(['idx', 'leaf'])
      .orderBy('idx')
      .execute();
    const times = leaves.map((l) => (JSON.parse(l.leaf) as { publishedAt: string }).publishedAt);
    expect(times).toEqual([...times].sort());
  });

  it('has annual plans where some departments fall below 30%', async () => {
    const rows = (await app.inject({ method: 'GET', url: '/api/v1/planning/share?year=2026' })).json<
      { meetsTarget: boolean | null }[]
    >();
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.some((r) => r.meetsTarget === false)).toBe(true);
    expect(rows.some((r) => r.meetsTarget === true)).toBe(true);
  });

  it('seeds only once', async () => {
    expect(await seedDemo(platform)).toBeUndefined();
  });

  it('makes the same codes on every machine', () => {
    expect(demoUscc('foundation', '110000', 3)).toBe(demoUscc('foundation', '110000', 3));
    expect(demoUscc('association', '110105', 0)).toMatch(/^51110105/);
  });
});
