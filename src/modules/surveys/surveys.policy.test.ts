// The surveys' subject rule (surveys.policy.ts): a department keeps its surveys. Every API route that
// acts on a survey by id refuses another department's staff with 403 and changes nothing; so does it
// an administrator, who does not keep surveys. Both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ApiMethod, type ErrorBody } from '../../testing/http.js';

const FIELDS = {
  title: '八里庄街道居家养老服务需求调研',
  purpose: '了解辖区老年人对居家养老服务的需求，用于明年的购买服务项目。',
  subject: '八里庄街道社区居家养老服务（2027年）',
};
const QUESTION = { kind: 'single', prompt: '您家中是否有 60 岁以上的老人？', options: ['有', '没有'] };

/** Every survey.manage API route that takes an id, with a body the keeper could send. */
const ROUTES: Record<string, unknown> = {
  'GET /api/v1/surveys/:id': undefined,
  'PUT /api/v1/surveys/:id': FIELDS,
  'POST /api/v1/surveys/:id/questions': QUESTION,
  'DELETE /api/v1/surveys/:id/questions/:number': undefined,
  'POST /api/v1/surveys/:id/open': {},
  'POST /api/v1/surveys/:id/links': { count: 1 },
  'POST /api/v1/surveys/:id/close': undefined,
  'GET /api/v1/surveys/:id/results': undefined,
  'POST /api/v1/surveys/:id/summary': { summary: '多数老人需要助餐服务。' },
};

describeEachDatabase('survey policy: another department’s survey', (db) => {
  let h: Harness;
  let staff: TestUser;
  let other: TestUser;
  let admin: TestUser;
  let surveyId: string;
  const api = apiClient(
    () => h.app,
    () => staff,
  );

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    other = await h.user('purchaserStaff');
    admin = await h.user('administrator');
    const created = await api('POST', '/api/v1/surveys', { ...FIELDS, questions: [QUESTION] });
    expect(created.statusCode, created.body).toBe(201);
    surveyId = created.json<{ id: string }>().id;
  });
  afterAll(() => h.close());

  it('walks every survey.manage route that takes an id', () => {
    const declared = h.app.routeTable
      .filter(
        (r) =>
          r.method !== 'HEAD' &&
          r.action === 'survey.manage' &&
          r.url.startsWith('/api/') &&
          r.url.includes(':'),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(declared.sort()).toEqual(Object.keys(ROUTES).sort());
  });

  it('refuses another department’s staff with 403 on each, and changes nothing', async () => {
    for (const [route, payload] of Object.entries(ROUTES)) {
      const [method, path] = route.split(' ') as [ApiMethod, string];
      const res = await api(method, path.replace(':id', surveyId).replace(':number', '1'), payload, other);
      expect(res.statusCode, `${route}: ${res.body}`).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('forbidden');
    }
    const mine = await api('GET', `/api/v1/surveys/${surveyId}`);
    expect(mine.json<{ status: string; questions: unknown[] }>()).toMatchObject({
      status: 'draft',
      questions: [expect.objectContaining({ number: 1 })],
    });
    // Nor may they create one for the department.
    const create = await api(
      'POST',
      '/api/v1/surveys',
      { ...FIELDS, organizationId: staff.organizationId },
      other,
    );
    expect(create.statusCode).toBe(422);
    expect(create.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['organizationId']);
  });

  it('refuses an administrator, who does not keep surveys, before looking at the survey', async () => {
    const res = await api('GET', `/api/v1/surveys/${surveyId}`, undefined, admin);
    expect(res.statusCode).toBe(403);
  });
});
