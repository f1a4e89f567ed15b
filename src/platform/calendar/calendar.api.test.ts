// GET /api/v1/calendar/deadline and the administrator's entry of a new year (domain guide §10; Civil Code
// Arts 201, 203), on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';

const YEAR_2027 = {
  year: 2027,
  reference: '测试用通知（非真实安排）',
  holidays: [
    { date: '2027-01-01', name: '元旦' },
    { date: '2027-01-04', name: '测试假日' },
  ],
  workdays: [{ date: '2027-01-09', name: '测试调休' }],
};

describeEachDatabase('calendar API', (db) => {
  let h: Harness;
  let admin: TestUser;
  let staff: TestUser;
  beforeAll(async () => {
    h = await startHarness(db());
    admin = await h.user('administrator');
    staff = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());
  const api = apiClient(
    () => h.app,
    () => admin,
  );

  const deadline = (query: string) =>
    h.app.inject({ method: 'GET', url: `/api/v1/calendar/deadline?${query}` });

  it('counts working days from the day after, across a holiday (2025 National Day)', async () => {
    const res = await deadline('from=2025-09-26&days=5&unit=workday');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ deadline: '2025-10-10', provisional: false });
  });

  it('moves a calendar-day period that ends on a holiday to the next working day', async () => {
    expect((await deadline('from=2025-09-11&days=20&unit=calendar')).json()).toEqual({
      deadline: '2025-10-09',
      provisional: false,
    });
    expect((await deadline('from=2025-11-01&days=14&unit=calendar')).json()).toEqual({
      deadline: '2025-11-17',
      provisional: false,
    });
  });

  it('counts into a year without its notice provisionally, on the side the period is on', async () => {
    // 20 Dec 2026 + 20 calendar days is Sat 9 Jan 2027: never refused, labelled provisional.
    const minimum = await deadline('from=2026-12-20&days=20&unit=calendar');
    expect(minimum.statusCode).toBe(200);
    expect(minimum.json()).toEqual({ deadline: '2027-01-11', provisional: true });
    // Across the 2027 Spring Festival: a minimum period ends later than a duty falls due.
    const atLeast = (await deadline('from=2027-02-01&days=7&unit=workday&side=minimum')).json<{
      deadline: string;
      provisional: boolean;
    }>();
    const within = (await deadline('from=2027-02-01&days=7&unit=workday&side=duty')).json<{
      deadline: string;
      provisional: boolean;
    }>();
    expect(atLeast.provisional && within.provisional).toBe(true);
    expect(within.deadline < atLeast.deadline).toBe(true);
    expect((await deadline('from=2026-11-02&days=5&unit=workday&side=sometimes')).statusCode).toBe(422);
  });

  it('gives 422 naming a year outside what it can count (before 2004, after 2099)', async () => {
    const early = await deadline('from=2003-03-01&days=2&unit=workday');
    expect(early.statusCode).toBe(422);
    expect(early.json<ErrorBody>().error).toMatchObject({ code: 'calendar_year_unknown' });
    expect(early.json<ErrorBody>().error.details[0]).toMatchObject({ field: 'from' });
    const late = await deadline('from=2099-12-20&days=20&unit=calendar');
    expect(late.statusCode).toBe(422);
    expect(late.json<ErrorBody>().error.details[0]!.message).toContain('2100');
    expect(late.json<ErrorBody>().error.details[0]).toMatchObject({ field: 'days' });
  });

  it('names each bad parameter', async () => {
    const res = await deadline('from=2025-02-30&days=0&unit=weeks');
    expect(res.statusCode).toBe(422);
    expect(
      res
        .json<ErrorBody>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['days', 'from', 'unit']);
    const missing = await deadline('');
    expect(missing.statusCode).toBe(422);
    expect(
      missing
        .json<ErrorBody>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['days', 'from', 'unit']);
  });

  it('lists the years it knows with their source in words, and the provisional year after them', async () => {
    const years = (await h.app.inject({ method: 'GET', url: '/api/v1/calendar/years' })).json<
      { year: number; source: string; reference: string }[]
    >();
    expect(years[0]).toMatchObject({ year: 2004, source: 'notice' });
    expect(years.find((y) => y.year === 2026)).toEqual({
      year: 2026,
      source: 'notice',
      reference: '国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）',
    });
    expect(years.find((y) => y.year === 2027)).toMatchObject({ source: 'provisional' });
    expect(JSON.stringify(years)).not.toContain('chinese-days');
    const y2027 = await h.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2027' });
    expect(y2027.json()).toMatchObject({ year: 2027, source: 'provisional', workdays: [] });
    // The rest-heavy blocks: the Spring Festival from two days before 除夕 (5 Feb 2027).
    expect(y2027.json<{ holidays: { date: string }[] }>().holidays.map((d) => d.date)).toContain(
      '2027-02-03',
    );
    const page = await h.app.inject({ method: 'GET', url: '/calendar' });
    expect(page.body).toContain('国办发明电〔2025〕7号，2025年11月4日');
    expect(page.body).toContain('临时日历（尚未录入国务院通知）');
    expect(page.body).not.toContain('chinese-days');
    const y2025 = await h.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2025' });
    expect(y2025.json<{ workdays: { date: string }[] }>().workdays.map((d) => d.date)).toContain(
      '2025-09-28',
    );
  });

  it('lets only an administrator enter a year; the entry is published and used at once', async () => {
    const refused = await api('POST', '/api/v1/calendar/years', YEAR_2027, staff);
    expect(refused.statusCode).toBe(403);

    const res = await api('POST', '/api/v1/calendar/years', YEAR_2027);
    expect(res.statusCode).toBe(201);
    const receipt = res.json<{ recordId: string; logIndex: number }>();
    const record = await h.app.inject({ method: 'GET', url: `/api/v1/records/${receipt.recordId}` });
    expect(record.json()).toMatchObject({ kind: 'calendarYear', subjectId: '2027', content: { year: 2027 } });

    // 2026-12-31 (Thu) + 3 working days: 1 Jan off, 2–3 Jan weekend, 4 Jan off, so 5, 6, 7 Jan.
    expect((await deadline('from=2026-12-31&days=3&unit=workday')).json()).toEqual({
      deadline: '2027-01-07',
      provisional: false,
    });
    // A Saturday worked in lieu counts: from Fri 8 Jan, 1 working day is Sat 9 Jan.
    expect((await deadline('from=2027-01-08&days=1&unit=workday')).json()).toEqual({
      deadline: '2027-01-09',
      provisional: false,
    });
  });

  it('publishes a correction that supersedes the first entry', async () => {
    const res = await api('POST', '/api/v1/calendar/years', {
      ...YEAR_2027,
      holidays: [{ date: '2027-01-01', name: '元旦' }],
    });
    expect(res.statusCode).toBe(201);
    const records = await h.app.inject({
      method: 'GET',
      url: '/api/v1/records?kind=calendarYear&subject=2027',
    });
    const items = records.json<{ items: { id: string; supersedes: string | null }[] }>().items;
    expect(items).toHaveLength(2);
    expect(items[0]!.supersedes).toBe(items[1]!.id);
    expect((await deadline('from=2026-12-31&days=3&unit=workday')).json()).toEqual({
      deadline: '2027-01-06',
      provisional: false,
    });
  });

  it('refuses years the package carries and bad days, naming them', async () => {
    const auth = { authorization: `Bearer ${admin.token}` };
    const builtIn = await h.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: auth,
      payload: { ...YEAR_2027, year: 2025 },
    });
    expect(builtIn.statusCode).toBe(409);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: auth,
      payload: {
        ...YEAR_2027,
        year: 2028,
        holidays: [
          { date: '2027-12-31', name: '跨年' },
          { date: '2028-01-01', name: '元旦' },
          { date: '2028-01-01', name: '重复' },
        ],
        workdays: [{ date: '2028-01-05', name: '星期三' }],
      },
    });
    expect(bad.statusCode).toBe(422);
    const fields = bad.json<ErrorBody>().error.details.map((d) => d.field);
    expect(fields).toEqual(['holidays.0', 'holidays.2', 'workdays.0']);
    const notADate = await h.app.inject({
      method: 'POST',
      url: '/api/v1/calendar/years',
      headers: auth,
      payload: { ...YEAR_2027, year: 2028, holidays: [{ date: '2028-02-30', name: '不存在' }] },
    });
    expect(notADate.json<ErrorBody>().error.details).toEqual([
      { field: 'holidays.0.date', message: '请按“年-月-日”填写有效日期，例如 2026-11-26。' },
    ]);
    const after = await h.app.inject({ method: 'GET', url: '/api/v1/calendar/years/2028' });
    expect(after.json()).toMatchObject({ source: 'provisional' });
  });

  it('computes on the public page and explains the rule', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/calendar?from=2025-09-26&days=5&unit=workday' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('截止日：2025-10-10（星期五）');
    expect(page.body).toContain('第二百零一条');
    const provisional = await h.app.inject({
      method: 'GET',
      url: '/calendar?from=2030-01-01&days=5&unit=workday',
    });
    expect(provisional.statusCode).toBe(200);
    // 1 Jan 2030 is a Tuesday: the rest-heavy side rests from Sat 29 Dec to Thu 3 Jan.
    expect(provisional.body).toContain('截止日：2030-01-10（星期四）');
    expect(provisional.body).toContain('临时日期');
    expect(provisional.body).toContain('按可能放假最多的安排计算');
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/calendar?from=2099-12-30&days=5&unit=workday',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('2100');
  });
});
