// Evaluation and award (issue 13 §3–§4) over the HTTP API on both databases, told as one open tender of
// two lots from its plan to the result notice: the plan's rules (87号令 Art 55; 214号 Art 24), the
// compliance review with reasons (87号令 Art 44, 50), an abnormally low price explained (87号令 Art 60),
// expert sheets within ranges, a non-member refused (GPR Art 39, 41), the price score formula and the
// tie-break (87号令 Art 55), due dates on the working-day calendar across National Day (GPR Art 43),
// the award with the re-check and the max-lots rule, the result notice and the unsuccessful told why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationLifecycle } from '../../../platform/auth/organizations.lifecycle.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { loadCalendar } from '../../../platform/time/calendar-service.js';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import {
  biddingHelpers,
  startBiddingSuite,
  type BiddingSuite,
  type Provider,
} from '../bids/bids.fixtures.js';
import { publishedIntention } from '../procurement.fixtures.js';
import { openAt, seatPanel } from './evaluation.fixtures.js';
import { SERVICE_PLAN } from './evaluation.plans.js';
import { priceScore, rank } from './evaluation.rules.js';

describe('the price score and the ranking (87号令 第五十五条), against hand-computed cases', () => {
  it('price score = lowest compliant price ÷ bid price × price weight, two decimals', () => {
    expect(priceScore(9_000_000, 9_000_000, 30)).toBe(30);
    expect(priceScore(9_000_000, 9_500_000, 30)).toBe(28.42); // 9/9.5×30 = 28.421…
    expect(priceScore(7_000_000, 8_000_000, 30)).toBe(26.25);
    expect(priceScore(100, 300, 10)).toBe(3.33);
  });
  it('level totals go to the lower price, then to the S6 preferences, each recorded', () => {
    const none = { preferredGrade: false, priorityDomain: false, goodCredit: false };
    const r = rank('comprehensive', 30, [
      { key: 'B', priceFen: 9_500_000, expertScore: 51.58, preferences: none },
      { key: 'A', priceFen: 9_000_000, expertScore: 50, preferences: none },
    ]);
    expect(r.map((x) => [x.key, x.total, x.rank, x.decidedBy])).toEqual([
      ['A', 80, 1, 'lowerPrice'],
      ['B', 80, 2, null],
    ]);
    const p = rank('lowestPrice', 0, [
      { key: 'X', priceFen: 100, expertScore: 0, preferences: none },
      { key: 'Y', priceFen: 100, expertScore: 0, preferences: { ...none, preferredGrade: true } },
      { key: 'Z', priceFen: 100, expertScore: 0, preferences: none },
    ]);
    expect(p.map((x) => [x.key, x.rank, x.decidedBy, x.tied])).toEqual([
      ['Y', 1, 'preferredGrade', false],
      ['X', 2, null, true],
      ['Z', 2, null, true],
    ]);
  });
});

describeEachDatabase('evaluation and award', (db) => {
  let suite: BiddingSuite;
  let h: Harness;
  let staff: TestUser;
  let finance: TestUser;
  const { api, provider, bid } = biddingHelpers(() => suite);
  let experts: TestUser[];
  let outsider: TestUser;
  let projectId: string;
  let intention: string;
  let a: Provider, b: Provider, c: Provider, d: Provider;
  const bidIds: Record<string, string> = {};
  const path = (p: string) => `/api/v1/projects/${projectId}/evaluation/${p}`;

  beforeAll(async () => {
    suite = await startBiddingSuite(db());
    // A department of its own, whose intention is published on 2026-07-01 (the suite's is 09-01).
    suite.staff = await suite.h.user('purchaserStaff');
    ({ h, staff, finance } = suite);
    intention = await publishedIntention(h, staff, 100, '2026-07-01');
    experts = [await h.user('expert'), await h.user('expert'), await h.user('expert')];
    outsider = await h.user('expert');
  });
  afterAll(() => h.close());

  it('refuses a plan that breaks the rules, naming the field and the article; nothing written', async () => {
    h.clock.set('2026-08-03T02:00:00Z');
    const body = (method: string, extra: Record<string, unknown> = {}) => ({
      intentionId: intention,
      title: '望京街道居家养老上门服务（评审）',
      method,
      lots: [
        { title: '望京西园片区', budgetFen: 10_000_000 },
        { title: '望京东园片区', budgetFen: 8_000_000 },
      ],
      ...extra,
    });
    const created = await api('POST', '/api/v1/projects', body('openTender'));
    expect(created.statusCode, created.body).toBe(201);
    projectId = created.json<{ id: string }>().id;
    // Without a plan a tender's notice is refused (87号令 Art 20).
    const noPlan = await api('POST', `/api/v1/projects/${projectId}/notice`, {
      deadline: '2026-08-31',
      text: '公告',
    });
    expect(noPlan.statusCode).toBe(422);
    expect(noPlan.json<ErrorBody>().error.details[0]).toMatchObject({ field: 'evaluation' });
    expect(noPlan.json<ErrorBody>().error.details[0]!.message).toContain('第二十条');

    const put = (plan: unknown) => api('PUT', path('plan'), plan);
    const notHundred = await put({ ...SERVICE_PLAN, priceWeight: 20 });
    expect(notHundred.statusCode).toBe(422);
    expect(notHundred.json<ErrorBody>().error.details).toEqual([
      { field: 'criteria', message: expect.stringContaining('第五十五条') as string },
    ]);
    const lowWeight = await put({
      method: 'comprehensive',
      priceWeight: 5,
      criteria: [{ name: '方案', weight: 95, min: 0, max: 95 }],
    });
    expect(lowWeight.json<ErrorBody>().error.details[0]!.field).toBe('priceWeight');
    expect(lowWeight.json<ErrorBody>().error.details[0]!.message).toContain('不得低于10%');
    const badRange = await put({
      method: 'comprehensive',
      priceWeight: 30,
      criteria: [{ name: '方案', weight: 70, min: 0, max: 80 }],
    });
    expect(badRange.json<ErrorBody>().error.details.map((x) => x.field)).toEqual(['criteria.0.max']);
    // A consultation's price weight is 10%–30% for services (214号 Art 24), given with the project too.
    const consultation = await api(
      'POST',
      '/api/v1/projects',
      body('competitiveConsultation', {
        evaluation: {
          method: 'comprehensive',
          priceWeight: 40,
          criteria: [{ name: '方案', weight: 60, min: 0, max: 60 }],
        },
      }),
    );
    expect(consultation.statusCode).toBe(422);
    expect(consultation.json<ErrorBody>().error.details[0]!.field).toBe('evaluation.priceWeight');
    expect(consultation.json<ErrorBody>().error.details[0]!.message).toContain('第二十四条');
    const plans = await h.run((ctx) =>
      ctx.trx.selectFrom('evaluation_plans').selectAll().where('project_id', '=', projectId).execute(),
    );
    expect(plans).toEqual([]);

    // A lawful plan, at most one lot per supplier; the notice publishes it.
    const ok = await put({ ...SERVICE_PLAN, maxLotsPerSupplier: 1 });
    expect(ok.statusCode, ok.body).toBe(200);
    const notice = await api('POST', `/api/v1/projects/${projectId}/notice`, {
      deadline: '2026-08-31',
      text: '公告',
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const record = (
      await api('GET', `/api/v1/records/${notice.json<{ recordId: string }>().recordId}`, undefined, null)
    ).json<{
      content: { evaluation: { method: string; priceWeight: number; maxLotsPerSupplier: number } };
    }>();
    expect(record.content.evaluation).toMatchObject({
      method: 'comprehensive',
      priceWeight: 30,
      maxLotsPerSupplier: 1,
    });
    expect((await put(SERVICE_PLAN)).statusCode).toBe(409);
  });

  it('reviews with reasons, asks for an abnormally low price to be explained, refuses a non-member', async () => {
    [a, b, c, d] = await Promise.all([
      provider('朝阳区评审甲服务中心'),
      provider('朝阳区评审乙社工事务所'),
      provider('朝阳区评审丙社区服务中心'),
      provider('朝阳区评审丁志愿服务协会'),
    ]);
    h.clock.set('2026-08-20T02:00:00Z');
    const prices: [Provider, number, number | null][] = [
      [a, 9_000_000, 7_000_000],
      [b, 9_500_000, 7_500_000],
      [c, 10_000_000, 8_000_000],
      [d, 5_000_000, null],
    ];
    for (const [p, lot1, lot2] of prices) {
      const lots = [{ number: 1, priceFen: lot1 }, ...(lot2 ? [{ number: 2, priceFen: lot2 }] : [])];
      const res = await bid(projectId, p, { lots });
      expect(res.statusCode, res.body).toBe(201);
      bidIds[p.orgId] = res.json<{ bidId: string }>().bidId;
    }
    await openAt(h, '2026-08-31', projectId);
    await seatPanel(h, projectId, experts);
    h.clock.set('2026-09-29T02:00:00Z');
    const [e1, e2, e3] = experts as [TestUser, TestUser, TestUser];

    const review = (who: TestUser, p: Provider, lot: number, passed: boolean, reason?: string) =>
      api(
        'POST',
        path('reviews'),
        { bidId: bidIds[p.orgId], lot, passed, ...(reason ? { reason } : {}) },
        who,
      );
    const foreign = await review(outsider, a, 1, true);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json<ErrorBody>().error.message).toContain('第三十九条');
    const noReason = await review(e1, c, 1, false);
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json<ErrorBody>().error.details[0]!.field).toBe('reason');
    expect(noReason.json<ErrorBody>().error.details[0]!.message).toContain('第五十条');
    expect((await review(e1, a, 1, true)).statusCode).toBe(201);
    expect((await review(e2, a, 1, true)).statusCode).toBe(409);
    expect((await review(e1, b, 1, true)).statusCode).toBe(201);
    expect((await review(e1, c, 1, false, '未提供有效的社会保障缴纳证明')).statusCode).toBe(201);
    const last = await review(e2, d, 1, true);
    expect(last.statusCode, last.body).toBe(201);
    // D's 500 万 is below 80% of the others' average (950 万): explanation asked for, in its inbox.
    expect(last.json<{ explanationRequested: string[] }>().explanationRequested).toEqual([bidIds[d.orgId]]);
    for (const p of [a, b, c]) expect((await review(e3, p, 2, true)).statusCode).toBe(201);
    const asked = await h.run((ctx) =>
      ctx.trx.selectFrom('messages').select('subject_key').where('organization_id', '=', d.orgId).execute(),
    );
    expect(asked.map((m) => m.subject_key)).toContain('evaluation.explain.message');
    // The report cannot come before everything is in.
    expect((await api('POST', path('report'), {}, e1)).statusCode).toBe(409);
    const explained = await api(
      'POST',
      path('explanations'),
      { bidId: bidIds[d.orgId], lot: 1, explanation: '志愿者承担部分服务，成本较低', accepted: false },
      e1,
    );
    expect(explained.statusCode, explained.body).toBe(201);
  });

  it('takes each expert’s sheet within the ranges; a score out of range is refused with its article', async () => {
    const sheet = (who: TestUser, p: Provider, lot: number, scores: number[]) =>
      api('POST', path('sheets'), { bidId: bidIds[p.orgId], lot, scores }, who);
    const [e1] = experts as [TestUser];
    const out = await sheet(e1, a, 1, [41, 10]);
    expect(out.statusCode).toBe(422);
    expect(out.json<ErrorBody>().error.details).toEqual([
      { field: 'scores.0', message: expect.stringContaining('第五十五条') as string },
    ]);
    expect((await sheet(outsider, a, 1, [30, 20])).statusCode).toBe(403);
    expect((await sheet(e1, c, 1, [30, 20])).statusCode).toBe(422); // rejected in the review
    const written = await h.run((ctx) => ctx.trx.selectFrom('evaluation_sheets').selectAll().execute());
    expect(written).toEqual([]);
    // Lot 1: A and B level on 80.00 (A 50 + 30; B 51.58 + 28.42): the lower price ranks first.
    // Lot 2: A 60 + 30 = 90, B 50 + 28 = 78, C 30 + 26.25 = 56.25.
    for (const e of experts) {
      expect((await sheet(e, a, 1, [30, 20])).statusCode).toBe(201);
      expect((await sheet(e, b, 1, [31.58, 20])).statusCode).toBe(201);
      expect((await sheet(e, a, 2, [35, 25])).statusCode).toBe(201);
      expect((await sheet(e, b, 2, [30, 20])).statusCode).toBe(201);
    }
    expect((await sheet(e1, a, 1, [30, 20])).statusCode).toBe(409);
    await sheet(experts[0]!, c, 2, [20, 10]);
    await sheet(experts[1]!, c, 2, [20, 10]);
    // 2026-09-30, the eve of National Day: the last sheet ends the evaluation.
    h.clock.set('2026-09-30T08:00:00Z');
    expect(
      (await sheet(experts[2]!, c, 2, [20, 10])).json<{ evaluationEnded: boolean }>().evaluationEnded,
    ).toBe(true);
  });

  it('delivers the report: ranking, tie-break with its rule, due dates counted across the holiday', async () => {
    const calendar = await h.run(async (ctx) => loadCalendar(ctx.trx));
    const view = await api('GET', `/api/v1/projects/${projectId}/evaluation`);
    const dates = view.json<{ dates: { endedOn: string; reportDueOn: string } }>().dates;
    expect(dates.endedOn).toBe('2026-09-30');
    // Two working days after 30 September skip the National Day holiday (GPR Art 43).
    expect(dates.reportDueOn > '2026-10-07').toBe(true);
    expect(dates.reportDueOn).toBe(calendar.deadline('2026-09-30', 2, 'workday', 'duty').date);
    expect(calendar.isWorkingDay('2026-10-02')).toBe(false);
    h.clock.set('2026-10-09T02:00:00Z');
    const report = await api('POST', path('report'), {}, experts[1]);
    expect(report.statusCode, report.body).toBe(201);
    const r = report.json<{
      report: {
        lots: {
          ranking: {
            bidId: string;
            total: number;
            priceScore: number;
            rank: number;
            decidedBy: { rule: string; source: string } | null;
          }[];
          rejected: { bidId: string; reason: string }[];
        }[];
      };
      confirmDueOn: string;
    }>();
    const [lot1, lot2] = r.report.lots as [(typeof r.report.lots)[number], (typeof r.report.lots)[number]];
    expect(lot1.ranking.map((x) => [x.bidId, x.total, x.priceScore, x.rank])).toEqual([
      [bidIds[a.orgId], 80, 30, 1],
      [bidIds[b.orgId], 80, 28.42, 2],
    ]);
    expect(lot1.ranking[0]!.decidedBy).toMatchObject({ rule: 'lowerPrice' });
    expect(lot1.ranking[0]!.decidedBy!.source).toContain('按投标报价由低到高');
    expect(lot1.rejected.map((x) => x.bidId).sort()).toEqual([bidIds[c.orgId], bidIds[d.orgId]].sort());
    expect(lot1.rejected.find((x) => x.bidId === bidIds[c.orgId])!.reason).toBe(
      '未提供有效的社会保障缴纳证明',
    );
    expect(lot2.ranking.map((x) => [x.bidId, x.total])).toEqual([
      [bidIds[a.orgId], 90],
      [bidIds[b.orgId], 78],
      [bidIds[c.orgId], 56.25],
    ]);
    expect(r.confirmDueOn).toBe(calendar.deadline('2026-10-09', 5, 'workday', 'duty').date);
    expect((await api('POST', path('report'), {}, experts[0])).statusCode).toBe(409);
  });

  it('awards each lot: re-check at award and the max-lots rule fall to the next, with the reason', async () => {
    expect((await api('POST', path('awards'), { lot: 1 }, experts[0])).statusCode).toBe(403);
    const first = await api('POST', path('awards'), { lot: 1 });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ awarded: { organizationId: string; amountFen: number } }>().awarded).toEqual(
      expect.objectContaining({ organizationId: a.orgId, amountFen: 9_000_000 }),
    );
    expect((await api('POST', path('awards'), { lot: 1 })).statusCode).toBe(409);
    // B's registration is revoked before lot 2 is confirmed: the re-check passes it over (GPL Art 22).
    await h.run((ctx) =>
      transition(ctx, organizationLifecycle, { id: b.orgId, status: 'active' }, 'deactivate'),
    );
    // And its opened bid is made to lack the credit commitment (as a bid sealed before it was asked
    // would): the re-check names that too (GPL Art 22 ¶1).
    const bRow = await h.platform.runtime.db.kysely
      .selectFrom('bids')
      .select('opened_content')
      .where('id', '=', bidIds[b.orgId]!)
      .executeTakeFirstOrThrow();
    const bOpened = JSON.parse(bRow.opened_content!) as { content: Record<string, unknown> };
    delete bOpened.content.creditCommitment;
    await h.platform.runtime.db.kysely
      .updateTable('bids')
      .set({ opened_content: JSON.stringify(bOpened) })
      .where('id', '=', bidIds[b.orgId]!)
      .execute();
    const second = await api('POST', path('awards'), { lot: 2 });
    expect(second.statusCode, second.body).toBe(201);
    const s = second.json<{
      awarded: { organizationId: string; amountFen: number };
      passedOver: { bidId: string; rule: string; source: string; reasons: string[] }[];
      resultRecordId: string;
    }>();
    expect(s.passedOver.map((p) => [p.bidId, p.rule])).toEqual([
      [bidIds[a.orgId], 'maxLots'],
      [bidIds[b.orgId], 'recheck'],
    ]);
    expect(s.passedOver[1]!.source).toContain('财库〔2016〕125号');
    expect(s.passedOver[1]!.reasons).toContainEqual(
      expect.stringMatching(/^creditCommitment: 《政府采购法》第二十二条第一款/),
    );
    expect(s.awarded).toMatchObject({ organizationId: c.orgId, amountFen: 8_000_000 });

    // The result notice: suppliers, amounts, the panel's names, each bidder's score (a tender).
    const record = (await api('GET', `/api/v1/records/${s.resultRecordId}`, undefined, null)).json<{
      kind: string;
      content: {
        lots: {
          supplier: { id: string } | null;
          amountFen: number;
          bidders: { name: string; total: number | null }[];
        }[];
        panel: string[];
        contractDueOn: string;
        decidedOn: string;
      };
    }>();
    expect(record.kind).toBe('resultNotice');
    expect(record.content.lots.map((l) => [l.supplier?.id, l.amountFen])).toEqual([
      [a.orgId, 9_000_000],
      [c.orgId, 8_000_000],
    ]);
    expect(record.content.lots[1]!.bidders.map((x) => x.total)).toEqual([90, 78, 56.25]);
    expect(record.content.panel).toHaveLength(3);
    expect(record.content.decidedOn).toBe('2026-10-09');
    expect(record.content.contractDueOn).toBe('2026-11-09'); // 30 days: 11-08 is a Sunday
    const project = (await api('GET', `/api/v1/projects/${projectId}`)).json<{
      status: string;
      timeline: { kind: string }[];
    }>();
    expect(project.status).toBe('awarded');
    const notices = await h.run((ctx) =>
      ctx.trx
        .selectFrom('procurement_notices')
        .select(['kind', 'public_record_id'])
        .where('project_id', '=', projectId)
        .execute(),
    );
    expect(notices.find((n) => n.kind === 'award')?.public_record_id).toBe(s.resultRecordId);
    // The contract clock, for the contracts stage.
    const awards = await h.run((ctx) =>
      ctx.trx
        .selectFrom('procurement_awards')
        .selectAll()
        .where('project_id', '=', projectId)
        .orderBy('lot')
        .execute(),
    );
    expect(awards.map((x) => [x.lot, x.organization_id, x.contract_due_on])).toEqual([
      [1, a.orgId, '2026-11-09'],
      [2, c.orgId, '2026-11-09'],
    ]);
    // The bidders that won nothing are told why.
    const told = await h.run((ctx) =>
      ctx.trx
        .selectFrom('messages')
        .select(['organization_id', 'subject_key'])
        .where('subject_key', 'like', 'award.unsuccessful.%')
        .execute(),
    );
    expect(told.map((m) => [m.organization_id, m.subject_key]).sort()).toEqual(
      [
        [b.orgId, 'award.unsuccessful.ranked'],
        [d.orgId, 'award.unsuccessful.rejected'],
      ].sort(),
    );
  });

  it('flags an overdue report to the finance bureau', async () => {
    // A second project whose evaluation ended and whose report nobody delivers.
    h.clock.set('2026-08-04T02:00:00Z');
    const created = await api('POST', '/api/v1/projects', {
      intentionId: intention,
      title: '逾期测试项目',
      method: 'openTender',
      lots: [{ title: '全区', budgetFen: 10_000_000 }],
      evaluation: SERVICE_PLAN,
    });
    const id = created.json<{ id: string }>().id;
    expect(
      (await api('POST', `/api/v1/projects/${id}/notice`, { deadline: '2026-08-31', text: '公告' }))
        .statusCode,
    ).toBe(201);
    h.clock.set('2026-08-20T02:00:00Z');
    const ps = [a, c, await provider('朝阳区逾期测试服务中心')];
    const ids: string[] = [];
    for (const p of ps) ids.push((await bid(id, p)).json<{ bidId: string }>().bidId);
    await openAt(h, '2026-08-31', id);
    await seatPanel(h, id, [experts[0]!]);
    h.clock.set('2026-09-01T02:00:00Z');
    for (const bidId of ids) {
      expect(
        (
          await api(
            'POST',
            `/api/v1/projects/${id}/evaluation/reviews`,
            { bidId, lot: 1, passed: true },
            experts[0],
          )
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await api(
            'POST',
            `/api/v1/projects/${id}/evaluation/sheets`,
            { bidId, lot: 1, scores: [30, 20] },
            experts[0],
          )
        ).statusCode,
      ).toBe(201);
    }
    const due = (await api('GET', `/api/v1/projects/${id}/evaluation`)).json<{
      dates: { reportDueOn: string };
    }>().dates.reportDueOn;
    expect(due).toBe('2026-09-03');
    h.clock.set('2026-09-03T15:00:00Z'); // 23:00 in Beijing on the due day: not yet
    await h.platform.scheduler.tick();
    h.clock.set('2026-09-03T16:00:05Z');
    await h.platform.scheduler.tick();
    const flagged = await h.run((ctx) =>
      ctx.trx
        .selectFrom('messages')
        .select(['organization_id', 'params'])
        .where('subject_key', '=', 'evaluation.overdue.report')
        .execute(),
    );
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.map((m) => m.organization_id)).toContain(finance.organizationId);
    expect(flagged[0]!.params).toContain('2026-09-03');
  });
});
