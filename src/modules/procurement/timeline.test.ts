// The statutory timelines (domain guide §7), counted with the working-day calendar (§10): each case
// names the article it checks. Pure rules first, then the public API and page on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingDayCalendar } from '../../platform/time/calendar.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { METHOD_SETTINGS, METHODS } from './methods.js';
import { statutoryTimeline } from './timeline.js';

const calendar = new WorkingDayCalendar();
const stepOf = (t: ReturnType<typeof statutoryTimeline>, rule: string) =>
  t.steps.find((s) => s.rule === rule)?.date;

describe('statutory timelines', () => {
  it('gives every number a source', () => {
    for (const m of METHODS) {
      const s = METHOD_SETTINGS[m];
      expect(s.source, m).not.toBe('');
      expect(s.minResponses.source, m).not.toBe('');
      for (const p of s.periods) expect(p.source, `${m} ${p.rule}`).toMatch(/《.+》/);
    }
  });

  it('open tender: 5 working days of notice (87号令 Art 16), 20 days to the deadline (GPL Art 35)', () => {
    // Monday 2026-11-02: the notice runs to Monday 11-09; twenty days end on Sunday 11-22, so the
    // earliest deadline is Monday 11-23 (Civil Code Art 203).
    const t = statutoryTimeline(calendar, 'openTender', { noticeDate: '2026-11-02' });
    expect(stepOf(t, 'noticePeriod')).toBe('2026-11-09');
    expect(stepOf(t, 'documentsAvailable')).toBe('2026-11-09');
    expect(stepOf(t, 'documentsToDeadline')).toBe('2026-11-23');
    expect(t.earliestDeadline).toBe('2026-11-23');
  });

  it('counts a year without its notice on the rest-heavy side: a deadline never earlier than the law allows', () => {
    // Mon 20 Sep 2027 + 20 days is Sun 10 Oct, in the weeks the National Day arrangement may still
    // make working days: as a minimum period the deadline moves past them to Mon 11 Oct.
    const t = statutoryTimeline(calendar, 'openTender', { noticeDate: '2027-09-20' });
    expect(t.earliestDeadline).toBe('2027-10-11');
    expect(t.provisionalDates).toContain('2027-10-11');
    expect(t.steps.find((s) => s.rule === 'documentsToDeadline')).toMatchObject({ provisional: true });
    // A duty counted the same way would fall due on the Sunday (it may be worked in lieu).
    expect(calendar.deadline('2027-09-20', 20, 'calendar', 'duty').date).toBe('2027-10-10');
    // Wholly within a known year, nothing is provisional.
    expect(statutoryTimeline(calendar, 'openTender', { noticeDate: '2026-11-02' }).provisionalDates).toEqual(
      [],
    );
  });

  it('refuses a shorter deadline, naming the rule, the earliest day and the article', () => {
    const t = statutoryTimeline(calendar, 'openTender', { noticeDate: '2026-11-02', deadline: '2026-11-20' });
    expect(t.problems).toEqual([
      {
        field: 'deadline',
        key: 'procurement.periodTooShort',
        params: {
          rule: '@procurement.rule.documentsToDeadline',
          days: 20,
          unit: '@procurement.unit.calendar',
          earliest: '2026-11-23',
          source: '《政府采购法》第三十五条',
        },
      },
    ]);
    expect(
      statutoryTimeline(calendar, 'openTender', { noticeDate: '2026-11-02', deadline: '2026-11-23' })
        .problems,
    ).toEqual([]);
  });

  it('moves the deadline when a clarification leaves fewer than 15 days (GPR Art 31)', () => {
    const t = statutoryTimeline(calendar, 'openTender', {
      noticeDate: '2026-11-02',
      deadline: '2026-11-23',
      clarificationDate: '2026-11-10',
    });
    expect(stepOf(t, 'clarificationBeforeDeadline')).toBe('2026-11-08');
    expect(t).toMatchObject({ movedFrom: '2026-11-23', deadline: '2026-11-25' });
    // In time: nothing moves.
    const early = statutoryTimeline(calendar, 'openTender', {
      noticeDate: '2026-11-02',
      deadline: '2026-11-23',
      clarificationDate: '2026-11-08',
    });
    expect(early).toMatchObject({ movedFrom: null, deadline: '2026-11-23' });
  });

  it('competitive consultation: 10 days to the first response, 5 for a clarification (财库〔2014〕214号 Art 10)', () => {
    const t = statutoryTimeline(calendar, 'competitiveConsultation', {
      noticeDate: '2026-11-02',
      deadline: '2026-11-12',
      clarificationDate: '2026-11-09',
    });
    expect(t.earliestDeadline).toBe('2026-11-12');
    expect(t).toMatchObject({ movedFrom: '2026-11-12', deadline: '2026-11-16' });
    expect(METHOD_SETTINGS.competitiveConsultation.minResponses.forServices?.value).toBe(2);
  });

  it('competitive consultation: the deadline waits for the ≥5-working-day sale (财库〔2014〕214号 第十条)', () => {
    // Monday 2026-09-28: ten days end on Thursday 10-08, but the National Day holiday (10-01 to 10-07)
    // leaves the fifth working day of sale on Saturday 10-10 (a make-up working day).
    const t = statutoryTimeline(calendar, 'competitiveConsultation', {
      noticeDate: '2026-09-28',
      deadline: '2026-10-09',
    });
    expect(stepOf(t, 'documentsToDeadline')).toBe('2026-10-08');
    expect(stepOf(t, 'documentsAvailable')).toBe('2026-10-10');
    expect(t.earliestDeadline).toBe('2026-10-10');
    expect(t.problems).toEqual([
      {
        field: 'deadline',
        key: 'procurement.periodTooShort',
        params: {
          rule: '@procurement.rule.documentsAvailable',
          days: 5,
          unit: '@procurement.unit.workday',
          earliest: '2026-10-10',
          source: '《政府采购竞争性磋商采购方式管理暂行办法》（财库〔2014〕214号）第十条',
        },
      },
    ]);
    expect(
      statutoryTimeline(calendar, 'competitiveConsultation', {
        noticeDate: '2026-09-28',
        deadline: '2026-10-10',
      }).problems,
    ).toEqual([]);
  });

  it('negotiation: a clarification fewer than 3 working days before the deadline moves it (74号令 第二十九条)', () => {
    // Deadline Wednesday 2026-11-11: a clarification by Sunday 11-08 leaves the three working days
    // 11-09 to 11-11; one on Monday 11-09 moves the deadline to Thursday 11-12.
    const t = statutoryTimeline(calendar, 'competitiveNegotiation', {
      noticeDate: '2026-11-02',
      deadline: '2026-11-11',
      clarificationDate: '2026-11-09',
    });
    expect(stepOf(t, 'clarificationBeforeDeadline')).toBe('2026-11-08');
    expect(t).toMatchObject({ movedFrom: '2026-11-11', deadline: '2026-11-12' });
    const rfq = statutoryTimeline(calendar, 'requestForQuotation', {
      noticeDate: '2026-11-02',
      deadline: '2026-11-11',
    });
    expect(rfq.steps.find((s) => s.rule === 'clarificationBeforeDeadline')?.source).toContain('第四十五条');
  });

  it('negotiation and quotation: 3 working days (74号令 Arts 29, 45), across the National Day holiday', () => {
    const t = statutoryTimeline(calendar, 'competitiveNegotiation', { noticeDate: '2026-11-06' });
    expect(t.earliestDeadline).toBe('2026-11-11');
    const holiday = statutoryTimeline(calendar, 'requestForQuotation', { noticeDate: '2026-09-30' });
    expect(holiday.earliestDeadline! > '2026-10-07').toBe(true);
    expect(calendar.workingDaysBetween('2026-09-30', holiday.earliestDeadline!)).toBe(3);
    expect(calendar.isWorkingDay(holiday.earliestDeadline!)).toBe(true);
  });

  it('single source: a pre-notice of 5 working days; the award the day after its last day (GPR Art 38)', () => {
    // Notice on Monday 2026-11-02: the fifth working day is Monday 11-09, the whole of which the notice
    // still runs; the earliest award is Tuesday 11-10.
    const t = statutoryTimeline(calendar, 'singleSource', { noticeDate: '2026-11-02' });
    expect(stepOf(t, 'preNotice')).toBe('2026-11-09');
    expect(t).toMatchObject({ earliestAward: '2026-11-10', earliestDeadline: null });
  });

  it('cites the article for the failure paths: GPL Art 37, not Art 36 ¶2', () => {
    for (const m of METHODS) {
      for (const p of METHOD_SETTINGS[m].failurePaths) expect(p.source, m).not.toContain('第三十六条第二款');
    }
    expect(METHOD_SETTINGS.openTender.failurePaths.map((p) => p.source)).toEqual([
      expect.stringContaining('《政府采购法》第三十七条'),
      expect.stringContaining('《政府采购法》第三十七条'),
    ]);
  });
});

describeEachDatabase('procurement methods API', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(() => h.close());

  it('lists the methods with their sources and works out a timeline; a year the calendar lacks is a 422', async () => {
    const methods = await h.app.inject({ method: 'GET', url: '/api/v1/procurement/methods' });
    expect(methods.json<{ method: string }[]>().map((m) => m.method)).toEqual([...METHODS]);
    const timeline = await h.app.inject({
      method: 'GET',
      url: '/api/v1/procurement/timeline?method=openTender&noticeDate=2026-11-02&deadline=2026-11-20',
    });
    expect(timeline.statusCode).toBe(200);
    const body = timeline.json<{
      earliestDeadline: string;
      problems: { field: string; message: string }[];
    }>();
    expect(body.earliestDeadline).toBe('2026-11-23');
    expect(body.problems[0]!.message).toBe(
      '截止日期太早：文件发出至响应截止不得少于 20 日（《政府采购法》第三十五条），最早为 2026-11-23。',
    );
    // A year without its State Council notice is counted provisionally, and says so.
    const provisional = await h.app.inject({
      method: 'GET',
      url: '/api/v1/procurement/timeline?method=openTender&noticeDate=2030-03-04',
    });
    expect(provisional.statusCode).toBe(200);
    expect(provisional.json()).toMatchObject({
      earliestDeadline: '2030-03-25',
      provisionalDates: ['2030-03-11', '2030-03-25'],
      steps: [{ rule: 'noticePeriod', date: '2030-03-11', provisional: true }, {}, {}],
    });
    // Beyond what the calendar can count (2100) is still a 422 naming the year.
    const unknownYear = await h.app.inject({
      method: 'GET',
      url: '/api/v1/procurement/timeline?method=openTender&noticeDate=2099-12-20',
    });
    expect(unknownYear.statusCode).toBe(422);
    expect(unknownYear.json<{ error: { code: string; details: { field: string }[] } }>().error).toMatchObject(
      {
        code: 'calendar_year_unknown',
        details: [{ field: 'noticeDate' }],
      },
    );
    const badMethod = await h.app.inject({
      method: 'GET',
      url: '/api/v1/procurement/timeline?method=auction&noticeDate=2026-11-02',
    });
    expect(badMethod.statusCode).toBe(422);
  });

  it('serves the page and its calculator; a bad date comes back in the form', async () => {
    const page = await h.app.inject({
      method: 'GET',
      url: '/procurement/methods?method=openTender&noticeDate=2026-11-02&deadline=2026-11-23&clarificationDate=2026-11-10',
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('截止日期从 2026-11-23 顺延到 2026-11-25');
    const bad = await h.app.inject({
      method: 'GET',
      url: '/procurement/methods?method=openTender&noticeDate=2026-13-40',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('公告或文件发出日期');
  });
});
