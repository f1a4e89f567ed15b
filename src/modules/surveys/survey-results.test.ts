// The results of a survey: the tally of answers, and the demo data's closed survey whose published
// summary carries the same figures. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSurveys } from '../../demo/surveys.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { tally } from './survey-results.js';

describeEachDatabase('needs survey demo data', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(() => h.close());

  it('seeds a closed survey with answers and a published summary whose figures match', async () => {
    const staff = await h.user('purchaserStaff');
    const seeded = await h.run((ctx) => seedSurveys(ctx, { organizationId: staff.organizationId! }));
    const results = await h.app.inject({
      method: 'GET',
      url: `/api/v1/surveys/${seeded.surveyId}/results`,
      headers: { authorization: `Bearer ${staff.token}` },
    });
    const r = results.json<{
      survey: { status: string; links: { issued: number } };
      results: { responses: number; questions: { options: { count: number }[]; average: number | null }[] };
    }>();
    expect(r.survey).toMatchObject({ status: 'closed', links: { issued: 15 } });
    expect(r.results.responses).toBe(10);
    expect(r.results.questions[1]!.options.map((o) => o.count)).toEqual([6, 3, 5, 5]);
    expect(r.results.questions[3]!.average).toBe(2.8);
    const record = await h.app.inject({ method: 'GET', url: `/api/v1/records/${seeded.summaryRecordId}` });
    expect(record.json()).toMatchObject({ kind: 'needsSurveySummary', content: { responses: 10 } });
  });
});

describe('tally', () => {
  it('counts options, ratings and text, and ignores answers to options that do not exist', () => {
    const t = tally(
      [
        { number: 1, kind: 'single', prompt: 'a', required: true, options: ['x', 'y'] },
        { number: 2, kind: 'rating', prompt: 'b', required: false, options: [] },
      ],
      [
        { respondent_kind: 'organization', answers: '{"1":1,"2":5}' },
        { respondent_kind: null, answers: '{"1":7,"2":4}' },
        { respondent_kind: 'resident', answers: '{}' },
      ],
    );
    expect(t.byKind).toEqual({ organization: 1, resident: 1, unspecified: 1 });
    expect(t.questions[0]!.options).toEqual([
      { label: 'x', count: 0 },
      { label: 'y', count: 1 },
    ]);
    expect(t.questions[1]).toMatchObject({ answered: 2, average: 4.5 });
  });
});
