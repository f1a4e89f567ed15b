// Needs surveys (S7; issue 5 item 3): a department creates a survey, hands out one-time links, collects
// anonymous answers, closes it and publishes a summary with the counts. Both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ApiMethod, type ErrorBody } from '../../testing/http.js';
import { hashAnswerToken } from './surveys.rules.js';

interface Survey {
  id: string;
  status: string;
  questions: { number: number; kind: string; options: string[] }[];
  links: { issued: number; used: number };
  responses: number;
}

const QUESTIONS = [
  { kind: 'single', prompt: '您家中是否有 60 岁以上的老人？', options: ['有', '没有'] },
  { kind: 'multiple', prompt: '最需要哪些服务？', options: ['助餐', '助浴', '上门探访', '康复'] },
  { kind: 'rating', prompt: '现有养老服务的满意度', required: false },
  { kind: 'text', prompt: '其他建议', required: false },
];

describeEachDatabase('needs surveys', (db) => {
  let h: Harness;
  let staff: TestUser;
  let otherStaff: TestUser;

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    otherStaff = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  const client = apiClient(() => h.app);
  /** This suite names the user first: api(user, method, url, payload?). */
  const api = (user: TestUser | null, method: ApiMethod, url: string, payload?: object) =>
    client(method, url, payload, user);

  const countResponses = async (surveyId: string) =>
    Number(
      (
        await db()
          .db.kysely.selectFrom('survey_responses')
          .select((e) => e.fn.countAll<number>().as('n'))
          .where('survey_id', '=', surveyId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** An open survey with the four questions and `n` links; returns its id and the tokens. */
  async function openSurveyWithLinks(n: number, respondentKind?: string) {
    const created = await api(staff, 'POST', '/api/v1/surveys', {
      title: '八里庄街道居家养老服务需求调研',
      purpose: '了解辖区老年人对居家养老服务的需求，用于明年的购买服务项目。',
      subject: '八里庄街道社区居家养老服务（2027年）',
      questions: QUESTIONS,
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json<Survey>();
    expect((await api(staff, 'POST', `/api/v1/surveys/${survey.id}/open`)).statusCode).toBe(200);
    const links = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/links`, {
      count: n,
      ...(respondentKind ? { respondentKind } : {}),
    });
    expect(links.statusCode).toBe(201);
    return {
      id: survey.id,
      tokens: links.json<{ links: { token: string; url: string }[] }>().links.map((l) => l.token),
    };
  }

  const answer = (token: string, answers: object) =>
    api(null, 'POST', `/api/v1/surveys/answer/${token}`, { answers });

  it('runs the whole flow: create, add a question, open, links, answers, results, close, published summary', async () => {
    const created = await api(staff, 'POST', '/api/v1/surveys', {
      title: '八里庄街道居家养老服务需求调研',
      purpose: '了解需求。',
      subject: '八里庄街道社区居家养老服务',
      subjectRef: 'intention-2027-001',
      closesOn: '2026-12-20',
      questions: QUESTIONS.slice(0, 3),
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json<Survey>();
    expect(survey).toMatchObject({
      status: 'draft',
      questions: [{ number: 1 }, { number: 2 }, { number: 3 }],
    });

    const added = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/questions`, QUESTIONS[3]);
    expect(added.statusCode).toBe(201);
    expect(added.json<Survey>().questions.map((q) => q.kind)).toEqual([
      'single',
      'multiple',
      'rating',
      'text',
    ]);

    // Links only once open.
    const early = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/links`, { count: 2 });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.message).toContain('草稿');

    expect((await api(staff, 'POST', `/api/v1/surveys/${survey.id}/open`)).json<Survey>().status).toBe(
      'open',
    );
    // The questions are fixed once open.
    expect(
      (await api(staff, 'POST', `/api/v1/surveys/${survey.id}/questions`, QUESTIONS[0])).statusCode,
    ).toBe(409);

    const issued = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/links`, {
      count: 3,
      respondentKind: 'resident',
    });
    const links = issued.json<{ links: { token: string; url: string }[] }>().links;
    expect(links).toHaveLength(3);
    expect(links[0]!.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(links[0]!.url).toMatch(new RegExp(`/s/${links[0]!.token}$`));
    // Only the hash is stored.
    const stored = await db()
      .db.kysely.selectFrom('survey_links')
      .selectAll()
      .where('survey_id', '=', survey.id)
      .execute();
    expect(stored.map((l) => l.token_hash).sort()).toEqual(links.map((l) => hashAnswerToken(l.token)).sort());
    expect(JSON.stringify(stored)).not.toContain(links[0]!.token);

    const form = await api(null, 'GET', `/api/v1/surveys/answer/${links[0]!.token}`);
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({
      title: '八里庄街道居家养老服务需求调研',
      respondentKind: 'resident',
      questions: [{ number: 1, options: ['有', '没有'] }, { number: 2 }, { number: 3 }, { number: 4 }],
    });

    expect(
      (await answer(links[0]!.token, { 1: 0, 2: [0, 2], 3: 4, 4: '希望增加周末助餐。' })).statusCode,
    ).toBe(201);
    expect((await answer(links[1]!.token, { 1: 0, 2: [0], 3: 2 })).statusCode).toBe(201);
    expect((await answer(links[2]!.token, { 1: 1, 2: [3] })).statusCode).toBe(201);

    const results = await api(staff, 'GET', `/api/v1/surveys/${survey.id}/results`);
    expect(results.statusCode).toBe(200);
    const r = results.json<{
      results: {
        responses: number;
        byKind: Record<string, number>;
        questions: {
          options: { label: string; count: number }[];
          average: number | null;
          answered: number;
          texts: string[];
        }[];
      };
    }>().results;
    expect(r.responses).toBe(3);
    expect(r.byKind).toEqual({ organization: 0, resident: 3, unspecified: 0 });
    expect(r.questions[0]!.options).toEqual([
      { label: '有', count: 2 },
      { label: '没有', count: 1 },
    ]);
    expect(r.questions[1]!.options.map((o) => o.count)).toEqual([2, 0, 1, 1]);
    expect(r.questions[2]).toMatchObject({ answered: 2, average: 3 });
    expect(r.questions[3]!.texts).toEqual(['希望增加周末助餐。']);

    // No summary while open (the deadline is still ahead).
    expect(
      (await api(staff, 'POST', `/api/v1/surveys/${survey.id}/summary`, { summary: 'x' })).statusCode,
    ).toBe(409);
    expect((await api(staff, 'POST', `/api/v1/surveys/${survey.id}/close`)).json<Survey>().status).toBe(
      'closed',
    );

    const published = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/summary`, {
      summary: '多数家庭需要助餐服务。\n\n明年项目将以助餐和上门探访为重点。',
    });
    expect(published.statusCode).toBe(201);
    const { recordId } = published.json<{ recordId: string }>();
    const listed = await api(null, 'GET', '/api/v1/records?kind=needsSurveySummary');
    expect(listed.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(recordId);
    const record = await api(null, 'GET', `/api/v1/records/${recordId}`);
    expect(record.json()).toMatchObject({
      kind: 'needsSurveySummary',
      subjectId: survey.id,
      content: {
        survey: { subject: '八里庄街道社区居家养老服务', subjectRef: 'intention-2027-001' },
        organization: { id: staff.organizationId },
        summary: ['多数家庭需要助餐服务。', '明年项目将以助餐和上门探访为重点。'],
        responses: 3,
        linksIssued: 3,
        questions: [
          { number: 1, options: [{ count: 2 }, { count: 1 }] },
          { number: 2 },
          { number: 3, average: 3 },
          { number: 4, textAnswers: 1 },
        ],
      },
    });
    // Free text is counted, not published verbatim.
    expect(record.body).not.toContain('希望增加周末助餐');

    // Writing it again publishes a correction that supersedes the first.
    const again = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/summary`, {
      summary: '更正后的总结。',
    });
    expect(again.statusCode).toBe(201);
    const corrected = await api(
      null,
      'GET',
      `/api/v1/records/${again.json<{ recordId: string }>().recordId}`,
    );
    expect(corrected.json()).toMatchObject({ supersedes: recordId });

    // The same text again would only repeat the record: refused, saying why.
    const repeated = await api(staff, 'POST', `/api/v1/surveys/${survey.id}/summary`, {
      summary: ' 更正后的总结。 ',
    });
    expect(repeated.statusCode).toBe(409);
    expect(repeated.json<ErrorBody>().error).toMatchObject({
      code: 'survey_summary_unchanged',
      message: expect.stringContaining('已发布的相同') as unknown,
    });
  });

  it('refuses a second answer with the same link (409, naming the problem) and writes nothing', async () => {
    const { id, tokens } = await openSurveyWithLinks(1);
    expect((await answer(tokens[0]!, { 1: 0, 2: [1] })).statusCode).toBe(201);
    const second = await answer(tokens[0]!, { 1: 1, 2: [2] });
    expect(second.statusCode).toBe(409);
    expect(second.json<ErrorBody>().error).toMatchObject({ code: 'survey_link_used' });
    expect(second.json<ErrorBody>().error.message).toContain('每个链接只能回答一次');
    expect(await countResponses(id)).toBe(1);
    const read = await api(null, 'GET', `/api/v1/surveys/answer/${tokens[0]!}`);
    expect(read.statusCode).toBe(409);
  });

  it('refuses answers to a closed survey (410) and unknown links (404)', async () => {
    const { id, tokens } = await openSurveyWithLinks(1);
    await api(staff, 'POST', `/api/v1/surveys/${id}/close`);
    const res = await answer(tokens[0]!, { 1: 0, 2: [1] });
    expect(res.statusCode).toBe(410);
    expect(res.json<ErrorBody>().error.code).toBe('survey_closed');
    expect(await countResponses(id)).toBe(0);
    expect((await answer('AAAAAAAAAAAAAAAAAAAAAA', { 1: 0 })).statusCode).toBe(404);
    expect((await answer('not-a-token', { 1: 0 })).statusCode).toBe(404);
  });

  it('closes at its deadline through the scheduler; answers after it are refused', async () => {
    const created = await api(staff, 'POST', '/api/v1/surveys', {
      title: '截止测试',
      purpose: '测试',
      subject: '测试项目',
      questions: [QUESTIONS[0]],
    });
    const { id } = created.json<Survey>();
    const opened = await api(staff, 'POST', `/api/v1/surveys/${id}/open`, { closesOn: '2026-11-26' });
    expect(opened.json()).toMatchObject({ closesAt: '2026-11-26T15:59:59.999Z', accepting: true });
    const token = (await api(staff, 'POST', `/api/v1/surveys/${id}/links`, { count: 1 })).json<{
      links: { token: string }[];
    }>().links[0]!.token;
    h.clock.set('2026-11-26T16:00:00.000Z');
    try {
      expect((await answer(token, { 1: 0 })).statusCode).toBe(410);
      await h.platform.scheduler.tick();
      const after = await api(staff, 'GET', `/api/v1/surveys/${id}`);
      expect(after.json()).toMatchObject({ status: 'closed', closedAt: '2026-11-26T15:59:59.999Z' });
    } finally {
      h.clock.set('2026-11-26T02:00:00.000Z');
    }
  });

  it('keeps another department out (403) and out of its list', async () => {
    const { id, tokens } = await openSurveyWithLinks(1);
    for (const [method, url, body] of [
      ['GET', `/api/v1/surveys/${id}`],
      ['GET', `/api/v1/surveys/${id}/results`],
      ['POST', `/api/v1/surveys/${id}/links`, { count: 1 }],
      ['POST', `/api/v1/surveys/${id}/close`],
      ['POST', `/api/v1/surveys/${id}/summary`, { summary: 'x' }],
    ] as const) {
      const res = await api(otherStaff, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json<ErrorBody>().error.code).toBe('forbidden');
    }
    const list = await api(otherStaff, 'GET', '/api/v1/surveys');
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).not.toContain(id);
    expect(
      (await api(staff, 'GET', '/api/v1/surveys')).json<{ items: { id: string }[] }>().items.map((i) => i.id),
    ).toContain(id);
    // Creating one for a department one does not work for is refused, naming the field.
    const foreign = await api(otherStaff, 'POST', '/api/v1/surveys', {
      organizationId: staff.organizationId,
      title: 't',
      purpose: 'p',
      subject: 's',
    });
    expect(foreign.json<ErrorBody>().error.details[0]!.field).toBe('organizationId');
    // Other roles cannot reach the department's endpoints at all.
    const expert = await h.user('expert');
    expect((await api(expert, 'GET', `/api/v1/surveys/${id}`)).statusCode).toBe(403);
    // The link still works for the respondent.
    expect((await answer(tokens[0]!, { 1: 0, 2: [0] })).statusCode).toBe(201);
  });

  it('names the field of bad input, and writes nothing', async () => {
    const bad = await api(staff, 'POST', '/api/v1/surveys', {
      title: '坏问卷',
      purpose: 'p',
      subject: 's',
      closesOn: '2026-11-01',
      questions: [
        { kind: 'single', prompt: '只有一个选项', options: ['是'] },
        { kind: 'rating', prompt: '评分', options: ['1'] },
      ],
    });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json<ErrorBody>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['closesOn', 'questions.0.options', 'questions.1.options']);
    expect(
      (await db().db.kysely.selectFrom('surveys').select('id').where('title', '=', '坏问卷').execute())
        .length,
    ).toBe(0);
    const missing = await api(staff, 'POST', '/api/v1/surveys', { title: '', purpose: 'p' });
    expect(missing.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['title', 'subject']),
    );

    const { id, tokens } = await openSurveyWithLinks(1);
    const wrong = await answer(tokens[0]!, { 2: [0, 9], 3: 7, 9: 1 });
    expect(wrong.statusCode).toBe(422);
    const fields = wrong.json<ErrorBody>().error.details;
    expect(fields.map((d) => d.field).sort()).toEqual(['answers.1', 'answers.2', 'answers.3', 'answers.9']);
    expect(fields.find((d) => d.field === 'answers.1')!.message).toBe('请回答这一题。');
    expect(await countResponses(id)).toBe(0);
    // The link was not used up by the refused answer.
    expect((await answer(tokens[0]!, { 1: 1, 2: [] })).statusCode).toBe(422);
    expect((await answer(tokens[0]!, { 1: 1, 2: [1] })).statusCode).toBe(201);
  });
});
