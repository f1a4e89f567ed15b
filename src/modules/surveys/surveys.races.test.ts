// Identical requests at once on needs surveys have one effect (src/testing/races.ts): one opening, one
// closing, one published summary, one answer per one-time link.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM } from '../../platform/access/roles.js';
import type { Ctx } from '../../platform/context.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';
import { surveyLifecycle } from './surveys.lifecycle.js';

const SURVEY = {
  title: '八里庄街道居家养老服务需求调研',
  purpose: '了解辖区老年人对居家养老服务的需求，用于明年的购买服务项目。',
  subject: '八里庄街道社区居家养老服务（2027年）',
};
const QUESTIONS = [
  { kind: 'single', prompt: '您家中是否有 60 岁以上的老人？', options: ['有', '没有'] },
  { kind: 'rating', prompt: '现有养老服务的满意度', required: false },
];

async function call(h: Harness, user: TestUser, method: 'POST' | 'PUT', url: string, payload?: object) {
  const res = await h.app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${user.token}` },
    ...(payload ? { payload } : {}),
  });
  if (res.statusCode >= 300) throw new Error(`setup ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

/** A draft survey of a department of its own, with two questions. */
async function draft(h: Harness): Promise<{ user: TestUser; id: string }> {
  const user = await h.user('purchaserStaff');
  const created = await call(h, user, 'POST', '/api/v1/surveys', { ...SURVEY, questions: QUESTIONS });
  return { user, id: created.json<{ id: string }>().id };
}

async function opened(h: Harness): Promise<{ user: TestUser; id: string }> {
  const survey = await draft(h);
  await call(h, survey.user, 'POST', `/api/v1/surveys/${survey.id}/open`);
  return survey;
}

async function closed(h: Harness): Promise<{ user: TestUser; id: string }> {
  const survey = await opened(h);
  await call(h, survey.user, 'POST', `/api/v1/surveys/${survey.id}/close`);
  return survey;
}

const scenarios: RaceScenario[] = [
  {
    // A survey has no natural key (a department may run two alike): the client's key holds it.
    route: 'POST /api/v1/surveys',
    twins: ['POST /surveys'],
    async prepare(h) {
      const user = await h.user('purchaserStaff');
      return {
        method: 'POST',
        url: '/api/v1/surveys',
        user,
        idempotent: true,
        payload: { ...SURVEY, questions: QUESTIONS },
      };
    },
  },
  {
    // Replacing a draft's description with the same text twice leaves the one state (PUT is idempotent).
    route: 'PUT /api/v1/surveys/:id',
    twins: ['POST /surveys/:id/edit'],
    outcome: 'idempotent',
    async prepare(h) {
      const { user, id } = await draft(h);
      return {
        method: 'PUT',
        url: `/api/v1/surveys/${id}`,
        user,
        payload: { ...SURVEY, title: '八里庄街道居家养老服务需求调研（第二轮）' },
      };
    },
  },
  {
    // A question has no natural key (two alike may be meant): the client's key holds it.
    route: 'POST /api/v1/surveys/:id/questions',
    twins: ['POST /surveys/:id/questions'],
    async prepare(h) {
      const { user, id } = await draft(h);
      return {
        method: 'POST',
        url: `/api/v1/surveys/${id}/questions`,
        user,
        idempotent: true,
        payload: { kind: 'text', prompt: '其他建议', required: false },
      };
    },
  },
  {
    // Questions are named by their number, which the removal itself changes: "remove question 1" sent
    // twice would remove the first two. The client's key makes a repeat one removal.
    route: 'DELETE /api/v1/surveys/:id/questions/:number',
    twins: ['POST /surveys/:id/questions/:number/remove'],
    async prepare(h) {
      const { user, id } = await draft(h);
      return { method: 'DELETE', url: `/api/v1/surveys/${id}/questions/1`, user, idempotent: true };
    },
  },
  {
    route: 'POST /api/v1/surveys/:id/open',
    twins: ['POST /surveys/:id/open'],
    async prepare(h) {
      const { user, id } = await draft(h);
      return { method: 'POST', url: `/api/v1/surveys/${id}/open`, user };
    },
  },
  {
    // A batch of links has no natural key (a second batch is a legitimate request): the client's key.
    route: 'POST /api/v1/surveys/:id/links',
    twins: ['POST /surveys/:id/links'],
    async prepare(h) {
      const { user, id } = await opened(h);
      return {
        method: 'POST',
        url: `/api/v1/surveys/${id}/links`,
        user,
        idempotent: true,
        payload: { count: 3, respondentKind: 'resident' },
      };
    },
  },
  {
    route: 'POST /api/v1/surveys/:id/close',
    twins: ['POST /surveys/:id/close'],
    async prepare(h) {
      const { user, id } = await opened(h);
      return { method: 'POST', url: `/api/v1/surveys/${id}/close`, user };
    },
  },
  {
    // The same summary twice is one publication: a correction must say something new.
    route: 'POST /api/v1/surveys/:id/summary',
    twins: ['POST /surveys/:id/summary'],
    async prepare(h) {
      const { user, id } = await closed(h);
      return {
        method: 'POST',
        url: `/api/v1/surveys/${id}/summary`,
        user,
        payload: { summary: '多数受访家庭需要助餐服务。\n\n明年项目以助餐为主。' },
      };
    },
  },
  {
    // A one-time link answers once, anonymously.
    route: 'POST /api/v1/surveys/answer/:token',
    twins: ['POST /s/:token'],
    async prepare(h) {
      const { user, id } = await opened(h);
      const links = await call(h, user, 'POST', `/api/v1/surveys/${id}/links`, { count: 1 });
      const token = links.json<{ links: { token: string }[] }>().links[0]!.token;
      return {
        method: 'POST',
        url: `/api/v1/surveys/answer/${token}`,
        payload: { answers: { '1': 0, '2': 4 } },
      };
    },
  },
];

describeRaces('surveys', scenarios);

// Not two identical requests but an answer and the closing at once: an answer that arrives while the
// survey is being closed waits for the closing and is then refused, so the results (and the summary
// published from them) are final once it is closed.
describeEachDatabase('surveys: an answer while the survey closes', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(() => h.close());

  it('waits for the closing and is refused; nothing is recorded for a closed survey', async () => {
    const { user, id } = await opened(h);
    const links = await call(h, user, 'POST', `/api/v1/surveys/${id}/links`, { count: 1 });
    const token = links.json<{ links: { token: string }[] }>().links[0]!.token;

    // A closing under way: it holds the survey as closeSurvey does, then closes it a moment later.
    const kysely = h.platform.db.kysely;
    const answered = await kysely.transaction().execute(async (trx) => {
      await trx.selectFrom('surveys').select('id').where('id', '=', id).forUpdate().execute();
      const answer = h.app.inject({
        method: 'POST',
        url: `/api/v1/surveys/answer/${token}`,
        payload: { answers: { '1': 0 } },
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ctx = { trx, now: h.clock.now(), actor: SYSTEM } as unknown as Ctx;
      await transition(ctx, surveyLifecycle, { id, status: 'open' }, 'close', {
        changes: { closed_at: h.clock.now().toISOString() },
      });
      return { answer };
    });
    const answer = await answered.answer;
    expect(answer.statusCode, answer.body).toBe(410);
    const responses = await kysely
      .selectFrom('survey_responses')
      .select('id')
      .where('survey_id', '=', id)
      .execute();
    expect(responses).toEqual([]);
  });
});
