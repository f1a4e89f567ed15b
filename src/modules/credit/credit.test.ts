// Credit information, the lists and eligibility (domain guide §§4, 8; 民政部令第60号; GPL Art 22, GPR Art 19;
// 京财综〔2017〕2254号 三.1, 三.3, 三.6), on both databases, through the HTTP API and the scheduler.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { addMembership } from '../../platform/auth/add-membership.js';
import { createOrganization } from '../../platform/auth/create-organization.js';
import { eventsOf } from '../../platform/lifecycle/lifecycle.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, TEST_START, testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';
import {
  awardGrade,
  recordAnnualReport,
  recordCompliance,
  registerOrganization,
} from '../organizations/index.js';
import { eligibility } from './eligibility.js';

interface CreditBody {
  uscc: string;
  name: string;
  type: string;
  grade: number | null;
  gradeValidUntil: string | null;
  lists: { list: string; trigger: string; listedOn: string; recordId: string; entryId: string }[];
  eligible: boolean;
  reasons: {
    rule: string;
    outcome: string;
    message: string;
    source: string;
    until: string | null;
    record: { url: string } | null;
  }[];
  preferences: { rule: string }[];
}

let counter = 700000;

describeEachDatabase('credit and eligibility', (db) => {
  let h: Harness;
  let officer: TestUser;
  let authorityId: string;

  const newOrg = async (
    extra: { foundedOn?: string; serviceDomains?: ('livelihood' | 'charity' | 'other')[] } = {},
  ) => {
    const uscc = testUscc(++counter);
    const { id } = await h.run((ctx) =>
      registerOrganization(ctx, {
        name: `北京市测试社会工作服务中心${counter}`,
        orgType: 'serviceAgency',
        uscc,
        registrationLevel: 'district',
        districtCode: '110105',
        registrationAuthorityId: authorityId,
        ...extra,
      }),
    );
    return { id, uscc };
  };
  // Staff requests are the officer's unless told; public ones (the credit query) send no token.
  const api = apiClient(
    () => h.app,
    () => officer,
  );
  const enter = (orgId: string, body: object, user: TestUser = officer) =>
    api('POST', `/api/v1/registry/organizations/${orgId}/credit-records`, body, user);
  const credit = async (uscc: string) =>
    (await api('GET', `/api/v1/credit/${uscc}`, undefined, null)).json<CreditBody>();
  const record = (category: string, eventDate: string, extra: object = {}) => ({
    category,
    description: `${category} 测试记录`,
    source: '北京市朝阳区民政局 朝民罚字〔2026〕1号',
    eventDate,
    ...extra,
  });

  // A test that moves the clock cannot leave it moved for the next, even when it fails.
  afterEach(() => {
    h.clock.set(TEST_START);
  });

  beforeAll(async () => {
    h = await startHarness(db());
    officer = await h.user('civilAffairs');
    // The registration authority: a district civil-affairs bureau, with the officer as a member.
    authorityId = await h.run(async (ctx) => {
      const { id } = await createOrganization(ctx, {
        name: '北京市朝阳区（测试）民政局',
        kind: 'bureau',
        level: 'district',
        districtCode: '110105',
      });
      await addMembership(ctx, officer.id, { organizationId: id, role: 'civilAffairs' });
      return id;
    });
  });
  afterAll(() => h.close());

  it('answers the public credit query: 200 for a registered code, 404 for an unknown one, 422 saying what is wrong', async () => {
    const { uscc } = await newOrg({ foundedOn: '2026-11-25' });
    const ok = await credit(uscc);
    expect(ok).toMatchObject({
      uscc,
      type: 'serviceAgency',
      grade: null,
      gradeValidUntil: null,
      lists: [],
      eligible: true,
    });
    // No minimum age (2254 三.1): founded yesterday, still eligible, and the page says why.
    expect(ok.reasons.find((r) => r.rule === 'noMinimumAge')).toMatchObject({ outcome: 'pass' });

    const unknown = await h.app.inject({ method: 'GET', url: `/api/v1/credit/${testUscc(999999)}` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<ErrorBody>().error.code).toBe('not_found');

    const check = await h.app.inject({ method: 'GET', url: '/api/v1/credit/91110000600037341N' });
    expect(check.statusCode).toBe(422);
    expect(check.json<ErrorBody>().error).toMatchObject({ code: 'invalid_uscc' });
    expect(check.json<ErrorBody>().error.message).toContain('“L”');
    const alphabet = await h.app.inject({ method: 'GET', url: '/api/v1/credit/9111000060003IOZSV' });
    expect(alphabet.json<ErrorBody>().error.message).toContain('“I”');
  });

  it('puts an organization on the anomaly list for a warning, publishes it and tells the registration authority', async () => {
    const org = await newOrg();
    const res = await enter(org.id, record('warning', '2026-11-24'));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ late: false });
    const view = await credit(org.uscc);
    expect(view.lists).toEqual([
      expect.objectContaining({ list: 'anomaly', trigger: 'warning', listedOn: '2026-11-26' }),
    ]);
    expect(view.eligible).toBe(true); // the anomaly list alone does not disqualify
    expect(view.reasons.find((r) => r.rule === 'anomalyList')).toMatchObject({
      outcome: 'warn',
      until: '2028-11-26',
    });
    const listing = await h.app.inject({ method: 'GET', url: `/api/v1/records/${view.lists[0]!.recordId}` });
    expect(listing.json()).toMatchObject({
      kind: 'creditListing',
      content: { list: 'anomaly', trigger: 'warning' },
    });
    const agent = h.agent();
    await agent.logIn(officer.login, officer.password);
    const inbox = await agent.get('/inbox');
    expect(inbox.body).toContain('已被列入活动异常名录');
  });

  it('moves to the serious list on a second minor penalty within three years, and disqualifies until two years later', async () => {
    const org = await newOrg();
    await enter(org.id, record('warning', '2025-03-01'));
    await enter(org.id, record('fine', '2026-11-20', { fineFen: 1_000_000 }));
    const view = await credit(org.uscc);
    expect(view.lists.map((l) => `${l.list}:${l.trigger}`).sort()).toEqual([
      'anomaly:fine',
      'anomaly:warning',
      'serious:twoMinorPenalties',
    ]);
    expect(view.eligible).toBe(false);
    expect(view.reasons.find((r) => r.rule === 'seriousList')).toMatchObject({
      outcome: 'fail',
      until: '2028-11-26',
    });
  });

  it('counts two minor penalties in whichever order they are entered, but not three years apart (民政部令第60号)', async () => {
    const org = await newOrg();
    await enter(org.id, record('warning', '2026-11-24'));
    await enter(org.id, record('fine', '2026-11-02', { fineFen: 1_000_000 })); // earlier event, entered later
    expect((await credit(org.uscc)).lists.map((l) => l.trigger)).toContain('twoMinorPenalties');

    const apart = await newOrg();
    await enter(apart.id, record('warning', '2026-11-24'));
    await enter(apart.id, record('warning', '2023-11-23'));
    expect((await credit(apart.uscc)).lists.map((l) => l.trigger)).not.toContain('twoMinorPenalties');
  });

  it('puts a fine of 50,000 yuan or more straight on the serious list, and a smaller one on the anomaly list', async () => {
    const big = await newOrg();
    await enter(big.id, record('fine', '2026-11-25', { fineFen: 5_000_000 }));
    expect((await credit(big.uscc)).lists.map((l) => l.trigger)).toEqual(['largeFine']);
    const small = await newOrg();
    await enter(small.id, record('fine', '2026-11-25', { fineFen: 4_999_999 }));
    expect((await credit(small.uscc)).lists.map((l) => `${l.list}:${l.trigger}`)).toEqual(['anomaly:fine']);
  });

  it('flags a record entered more than 5 working days after the event', async () => {
    const org = await newOrg();
    // 2026-11-16 (Mon) + 5 working days = 2026-11-23; entered on 2026-11-26.
    const late = await enter(org.id, record('honour', '2026-11-16'));
    expect(late.json()).toMatchObject({ late: true });
    const onTime = await enter(org.id, record('honour', '2026-11-19'));
    expect(onTime.json()).toMatchObject({ late: false });
    const view = await credit(org.uscc);
    expect(view.lists).toEqual([]);
  });

  it('judges lateness in a year without its notice only where every possible arrangement agrees', async () => {
    const org = await newOrg();
    const at = (date: string) => h.clock.set(`${date}T02:00:00.000Z`);
    try {
      // Event Mon 1 Feb 2027, before the Spring Festival (除夕 5 Feb). As a duty the 5 working days
      // end no later than Wed 10 Feb (only the statutory days off); with the longest holiday block
      // they would end Thu 18 Feb. In between the calendar cannot tell until the notice is entered.
      at('2027-02-10');
      expect((await enter(org.id, record('honour', '2027-02-01'))).json()).toMatchObject({ late: false });
      at('2027-02-12');
      expect((await enter(org.id, record('honour', '2027-02-01'))).json()).toMatchObject({ late: null });
      at('2027-02-19');
      expect((await enter(org.id, record('honour', '2027-02-01'))).json()).toMatchObject({ late: true });
    } finally {
      h.clock.set(TEST_START);
    }
  });

  it('refuses bad records, naming the field, and writes nothing', async () => {
    const org = await newOrg();
    const future = await enter(org.id, record('warning', '2026-12-01'));
    expect(future.statusCode).toBe(422);
    expect(future.json<ErrorBody>().error.details[0]!.field).toBe('eventDate');
    const noAmount = await enter(org.id, record('fine', '2026-11-20'));
    expect(noAmount.json<ErrorBody>().error.details[0]!.field).toBe('fineFen');
    const unknown = await enter(org.id, record('gossip', '2026-11-20'));
    expect(unknown.json<ErrorBody>().error.details[0]!.field).toBe('category');
    const platformOnly = await enter(org.id, record('contractBreach', '2026-11-20'));
    expect(platformOnly.statusCode).toBe(422);
    const expertTry = await enter(org.id, record('warning', '2026-11-20'), await h.user('expert'));
    expect(expertTry.statusCode).toBe(403);
    expect((await credit(org.uscc)).lists).toEqual([]);
  });

  it('moves an anomaly listing to the serious list after two years (scheduler), unless it was removed', async () => {
    const kept = await newOrg();
    const removed = await newOrg();
    await enter(kept.id, record('unreachable', '2026-11-25'));
    await enter(removed.id, record('annualReportMissed', '2026-11-25'));
    const entry = (await credit(removed.uscc)).lists[0]!;
    const keptEntry = (await credit(kept.uscc)).lists[0]!;
    const take = await api('POST', `/api/v1/registry/organizations/${removed.id}/list-removals`, {
      list: 'anomaly',
      entryId: entry.entryId,
      reason: '已补报年度工作报告',
    });
    expect(take.statusCode).toBe(204);
    // The same removal again finds the entry off the list already.
    const again = await api('POST', `/api/v1/registry/organizations/${removed.id}/list-removals`, {
      list: 'anomaly',
      entryId: entry.entryId,
      reason: '已补报年度工作报告',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('not_listed');

    h.clock.set('2028-11-26T00:00:00+08:00');
    await h.platform.scheduler.tick();
    const after = await credit(kept.uscc);
    expect(after.lists.map((l) => `${l.list}:${l.trigger}`)).toEqual(['serious:anomaly2Years']);
    expect(after.eligible).toBe(false);
    expect((await credit(removed.uscc)).lists).toEqual([]);

    // Each entry's lifecycle says who moved it, how, and why (credit.lifecycle.ts).
    const events = (id: string) => h.run((ctx) => eventsOf(ctx, 'creditListEntry', id));
    expect(await events(entry.entryId)).toEqual([
      expect.objectContaining({
        transition: 'remove',
        from_status: 'listed',
        to_status: 'removed',
        actor_user_id: officer.id,
        reason: '已补报年度工作报告',
      }),
    ]);
    expect(await events(keptEntry.entryId)).toEqual([
      expect.objectContaining({
        transition: 'moveToSerious',
        from_status: 'listed',
        to_status: 'removed',
        actor_user_id: null,
        reason: '@credit.reason.movedToSerious',
      }),
    ]);
  });

  it('lets the serious list be left only two years after the latest trigger; a new trigger restarts the clock', async () => {
    const org = await newOrg();
    await enter(org.id, record('judgmentDebtor', '2026-11-25'));
    const remove = () =>
      api('POST', `/api/v1/registry/organizations/${org.id}/list-removals`, {
        list: 'serious',
        reason: '已履行，满两年',
      });
    const early = await remove();
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.message).toContain('2028-11-26');

    h.clock.set('2027-06-01T02:00:00Z');
    await enter(org.id, record('suspensionOrdered', '2027-05-31'));
    h.clock.set('2028-12-01T02:00:00Z');
    const restarted = await remove();
    expect(restarted.statusCode).toBe(409);
    expect(restarted.json<ErrorBody>().error.message).toContain('2029-06-01');

    h.clock.set('2029-06-01T02:00:00Z');
    expect((await remove()).statusCode).toBe(204);
    const view = await credit(org.uscc);
    expect(view.lists).toEqual([]);
    expect(view.eligible).toBe(true);
    const removals = await h.app.inject({
      method: 'GET',
      url: `/api/v1/records?kind=creditListRemoval&subject=${org.id}`,
    });
    expect(removals.json<{ total: number }>().total).toBe(1);
  });

  it('explains eligibility rule by rule: tax, social insurance, inspection, major violations, with sources and dates', async () => {
    const org = await newOrg({ serviceDomains: ['livelihood', 'other'] });
    await h.run(async (ctx) => {
      await recordCompliance(ctx, org.id, {
        kind: 'tax',
        year: 2025,
        compliant: false,
        evidence: '税务证明 2025-1',
      });
      await recordCompliance(ctx, org.id, {
        kind: 'socialInsurance',
        year: 2025,
        compliant: true,
        evidence: '社保证明',
      });
      await recordAnnualReport(ctx, org.id, { year: 2025, inspectionResult: 'unqualified' });
      await awardGrade(ctx, org.id, { grade: 4, awardedOn: '2024-06-01', reference: '朝民评〔2024〕3号' });
    });
    await enter(org.id, record('criminalPenalty', '2025-01-10'));
    const result = await h.run((ctx) => eligibility(ctx.trx, org.id, ctx.now));
    const by = Object.fromEntries(result.reasons.map((r) => [r.rule, r]));
    expect(result.eligible).toBe(false);
    expect(by.tax).toMatchObject({ outcome: 'fail', params: { year: 2025 } });
    // GPL Art 22(1)(4): a good record of paying taxes and social security.
    expect(by.tax!.source).toContain('《政府采购法》第二十二条第一款第（四）项');
    expect(by.socialInsurance).toMatchObject({ outcome: 'pass' });
    expect(by.annualInspection).toMatchObject({ outcome: 'fail' });
    expect(by.majorViolation).toMatchObject({ outcome: 'fail', until: '2028-01-10' });
    expect(by.majorViolation!.record?.kind).toBe('creditRecord');
    expect(result.preferences.map((p) => p.rule).sort()).toEqual(['preferredGrade', 'priorityDomain']);
    // Three years later the major violation no longer counts.
    const later = await h.run((ctx) => eligibility(ctx.trx, org.id, new Date('2028-01-11T02:00:00Z')));
    expect(later.reasons.find((r) => r.rule === 'majorViolation')?.outcome).toBe('pass');
  });

  it('judges at a moment on what was known then: later entries do not count, expired records no longer do', async () => {
    const org = await newOrg();
    const before = new Date(h.clock.now().getTime() - 60_000);
    await enter(org.id, record('licenceRevoked', '2026-11-20', { expiresOn: '2027-06-01' }));
    // Now: a major violation (GPR Art 19).
    const now = await h.run((ctx) => eligibility(ctx.trx, org.id, ctx.now));
    expect(now.reasons.find((r) => r.rule === 'majorViolation')?.outcome).toBe('fail');
    // A minute before it was entered, the platform did not know of it: the answer it gave then.
    const then = await h.run((ctx) => eligibility(ctx.trx, org.id, before));
    expect(then.reasons.find((r) => r.rule === 'majorViolation')?.outcome).toBe('pass');
    // From its expiry date the record no longer counts.
    const expired = await h.run((ctx) => eligibility(ctx.trx, org.id, new Date('2027-06-01T02:00:00Z')));
    expect(expired.reasons.find((r) => r.rule === 'majorViolation')?.outcome).toBe('pass');
  });

  it('answers eligibility over HTTP at a moment, with the project’s domains; an unknown domain is a 422 naming the field', async () => {
    const org = await newOrg({ serviceDomains: ['charity'] });
    const url = `/api/v1/organizations/${org.id}/eligibility`;
    const plain = await h.app.inject({ method: 'GET', url, headers: { 'accept-language': 'en' } });
    expect(plain.statusCode).toBe(200);
    expect(plain.json<{ eligible: boolean }>().eligible).toBe(true);
    const matching = await h.app.inject({ method: 'GET', url: `${url}?domains=charity,livelihood` });
    expect(matching.json<{ preferences: { rule: string }[] }>().preferences.map((p) => p.rule)).toContain(
      'priorityDomain',
    );
    const unrelated = await h.app.inject({ method: 'GET', url: `${url}?domains=industry` });
    expect(
      unrelated.json<{ preferences: { rule: string }[] }>().preferences.map((p) => p.rule),
    ).not.toContain('priorityDomain');
    const bad = await h.app.inject({ method: 'GET', url: `${url}?domains=charity,gardening` });
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.details[0]!.field).toBe('domains');
    const unknown = await h.app.inject({ method: 'GET', url: '/api/v1/organizations/nope/eligibility' });
    expect(unknown.statusCode).toBe(404);
  });

  it('gives no preference for an expired grade, and says so on the profile', async () => {
    const org = await newOrg();
    await h.run((ctx) =>
      awardGrade(ctx, org.id, { grade: 5, awardedOn: '2019-03-01', reference: '京民评〔2019〕1号' }),
    );
    const view = await credit(org.uscc);
    expect(view.grade).toBeNull();
    expect(view.preferences).toEqual([]);
    const page = await h.app.inject({
      method: 'GET',
      url: `/organizations/${(await h.run((ctx) => ctx.trx.selectFrom('organizations').select('id').where('uscc', '=', org.uscc).executeTakeFirstOrThrow())).id}`,
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('已于 2024-02-29 过期');
  });

  it('filters the public directory by list and serves the lookup page', async () => {
    const listed = await newOrg();
    await enter(listed.id, record('registrationRevoked', '2026-11-25'));
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/organizations?list=serious' });
    const items = res.json<{ items: { id: string; lists: string[] }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.lists.includes('serious'))).toBe(true);
    expect(items.map((i) => i.id)).toContain(listed.id);
    // An unknown district is a 422 naming the field, not an empty page (GB/T 2260 codes only).
    const unknownDistrict = await h.app.inject({
      method: 'GET',
      url: '/api/v1/organizations?district=999999',
    });
    expect(unknownDistrict.statusCode).toBe(422);
    expect(unknownDistrict.json<ErrorBody>().error.details[0]!.field).toBe('district');

    const found = await h.app.inject({ method: 'GET', url: `/credit?uscc=${listed.uscc.toLowerCase()}` });
    expect(found.statusCode).toBe(303);
    expect(found.headers.location).toBe(`/organizations/${listed.id}`);
    const bad = await h.app.inject({ method: 'GET', url: '/credit?uscc=91110000600037341N' });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('应为“L”');
    const profile = await h.app.inject({ method: 'GET', url: `/organizations/${listed.id}` });
    expect(profile.body).toContain('目前不能承接');
    expect(profile.body).toContain('严重违法失信名单');
  });
});
