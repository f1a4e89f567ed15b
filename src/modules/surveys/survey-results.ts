// The results of a survey: per question, how many answered, the count of each option, the ratings'
// spread and average; free-text answers for the department only (they are never published verbatim).
import type { Ctx } from '../../platform/context.js';
import { ownedSurvey, viewOf } from './survey-access.js';
import type { SurveyView, QuestionView } from './survey-view.js';
import { responsesOf } from './surveys.repository.js';
import {
  RATING_MAX,
  RATING_MIN,
  RESPONDENT_KINDS,
  type QuestionKind,
  type RespondentKind,
} from './surveys.rules.js';
import type { Answer } from './submit-response.js';

export interface QuestionResult {
  number: number;
  kind: QuestionKind;
  prompt: string;
  /** How many responses answered it. */
  answered: number;
  /** Choice questions: each option with its count (a multiple-choice response counts once per option). */
  options: { label: string; count: number }[];
  /** Ratings: the count of each score 1…5, and the average rounded to 2 decimals (null with no answers). */
  ratings: { score: number; count: number }[];
  average: number | null;
  /** Free-text answers, oldest first. Department only. */
  texts: string[];
}

export interface Tally {
  responses: number;
  byKind: Record<RespondentKind | 'unspecified', number>;
  questions: QuestionResult[];
}

export function tally(
  questions: readonly QuestionView[],
  responses: readonly { respondent_kind: RespondentKind | null; answers: string }[],
): Tally {
  const byKind = { organization: 0, resident: 0, unspecified: 0 };
  const results: QuestionResult[] = questions.map((q) => ({
    number: q.number,
    kind: q.kind,
    prompt: q.prompt,
    answered: 0,
    options: q.options.map((label) => ({ label, count: 0 })),
    ratings:
      q.kind === 'rating'
        ? Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => ({ score: RATING_MIN + i, count: 0 }))
        : [],
    average: null,
    texts: [],
  }));
  for (const r of responses) {
    byKind[
      r.respondent_kind && RESPONDENT_KINDS.includes(r.respondent_kind) ? r.respondent_kind : 'unspecified'
    ]++;
    const answers = JSON.parse(r.answers) as Record<string, Answer>;
    for (const q of results) {
      const a = answers[String(q.number)];
      if (a === undefined) continue;
      q.answered++;
      if (q.kind === 'single' && typeof a === 'number' && q.options[a]) q.options[a].count++;
      else if (q.kind === 'multiple' && Array.isArray(a)) {
        for (const i of a) if (q.options[i]) q.options[i].count++;
      } else if (q.kind === 'rating' && typeof a === 'number') {
        const slot = q.ratings[a - RATING_MIN];
        if (slot) slot.count++;
      } else if (q.kind === 'text' && typeof a === 'string') q.texts.push(a);
    }
  }
  for (const q of results) {
    if (q.kind !== 'rating') continue;
    const n = q.ratings.reduce((s, r) => s + r.count, 0);
    const sum = q.ratings.reduce((s, r) => s + r.count * r.score, 0);
    q.average = n === 0 ? null : Math.round((sum * 100) / n) / 100;
  }
  return { responses: responses.length, byKind, questions: results };
}

export async function surveyResults(ctx: Ctx, id: string): Promise<{ survey: SurveyView; results: Tally }> {
  const survey = await viewOf(ctx, await ownedSurvey(ctx, id));
  return { survey, results: tally(survey.questions, await responsesOf(ctx.trx, id)) };
}
