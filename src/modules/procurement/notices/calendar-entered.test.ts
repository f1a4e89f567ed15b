// A tender published while next year had no State Council notice: its earliest deadline is counted on
// the provisional calendar and published as provisional; entering the official year keeps a deadline
// that is still lawful and tells the department about one the notice made too short (domain guide §10).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../testing/databases.js';
import { apiClient, type ApiMethod } from '../../../testing/http.js';
import { startHarness, type Harness, type TestUser } from '../../../testing/harness.js';
import { publishedIntention } from '../procurement.fixtures.js';
import { planFor } from '../evaluation/evaluation.plans.js';

describeEachDatabase('procurement deadlines when a year is entered', (db) => {
  let h: Harness;
  let staff: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    admin = await h.user('administrator');
  });
  afterAll(() => h.close());

  const client = apiClient(() => h.app);
  // This suite names the user before the payload.
  const api = (method: ApiMethod, url: string, user: TestUser, payload?: unknown) =>
    client(method, url, payload, user);
  const messages = () =>
    db()
      .db.kysely.selectFrom('messages')
      .selectAll()
      .where('organization_id', '=', staff.organizationId!)
      .where('subject_key', '=', 'procurement.calendar.deadlineShort')
      .execute();

  it('publishes a provisional deadline, keeps it when lawful, flags it when the notice makes it short', async () => {
    const intentionId = await publishedIntention(h, staff, 24);
    // Wed 16 Dec 2026: twenty days reach Tue 5 Jan 2027, a year without its notice.
    h.clock.set('2026-12-16T02:00:00Z');
    const created = await api('POST', '/api/v1/projects', staff, {
      intentionId,
      title: '望京街道居家养老上门服务',
      method: 'openTender',
      lots: [{ title: '全部', budgetFen: 10_000_000 }],
      ...planFor('openTender'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const notice = await api('POST', `/api/v1/projects/${id}/notice`, staff, {
      deadline: '2027-01-05',
      text: '招标公告正文',
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const record = await h.app.inject({
      method: 'GET',
      url: `/api/v1/records/${notice.json<{ recordId: string }>().recordId}`,
    });
    expect(record.json<{ content: { provisionalDates: string[] } }>().content.provisionalDates).toContain(
      '2027-01-05',
    );

    const enter = (holidays: { date: string; name: string }[]) =>
      api('POST', '/api/v1/calendar/years', admin, {
        year: 2027,
        reference: '测试通知',
        holidays,
        workdays: [],
      });
    // The notice as the provisional calendar foresaw: the published deadline stands, nobody is told.
    expect((await enter([{ date: '2027-01-01', name: '元旦' }])).statusCode).toBe(201);
    expect(await messages()).toEqual([]);
    // A correction with days off nobody could foresee (4–5 January): the deadline is now too short.
    const corrected = await enter([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-04', name: '特别假日' },
      { date: '2027-01-05', name: '特别假日' },
    ]);
    expect(corrected.statusCode).toBe(201);
    const [message] = await messages();
    expect(message).toMatchObject({ link: `/procurement/projects/${id}` });
    expect(JSON.parse(message!.params)).toMatchObject({ deadline: '2027-01-05', earliest: '2027-01-06' });
    // The published deadline itself is never changed by the calendar.
    const view = await api('GET', `/api/v1/projects/${id}`, staff);
    expect(view.json()).toMatchObject({ deadline: '2027-01-05' });
  });
});
