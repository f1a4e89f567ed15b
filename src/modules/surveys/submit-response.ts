// A respondent answers through their one-time link. The answers are anonymous: the response keeps the
// link's hash (to refuse a second answer) and the respondent kind the link was issued for, nothing
// about the person. A second answer with the same link is refused (409) and nothing is written.
import type { Ctx } from '../../platform/context.js';
import { conflict, invalid, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { canonicalJson } from '../../platform/publish/canonical-json.js';
import { usableLink } from './answer-link.js';
import { insertResponse, questionsOf, useLink } from './surveys.repository.js';
import { LIMITS, RATING_MAX, RATING_MIN } from './surveys.rules.js';
import { questionView, type QuestionView } from './survey-view.js';

export type Answer = number | number[] | string;

/** The field a problem with question n is reported under (the JSON body's path). */
export const answerField = (n: number) => `answers.${n}`;

/** Checks each answer against its question; returns the answers to store, or the problems. */
export function checkAnswers(
  questions: readonly QuestionView[],
  answers: Record<string, unknown>,
): { clean: Record<string, Answer>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const clean: Record<string, Answer> = {};
  const numbers = new Set(questions.map((q) => String(q.number)));
  for (const key of Object.keys(answers))
    if (!numbers.has(key)) problems.push({ field: `answers.${key}`, key: 'survey.unknownQuestion' });
  const isIndex = (v: unknown, n: number) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < n;
  // A form sends numbers as text ("2"); a choice or rating given so is read as the number.
  const numeric = (v: unknown) => (typeof v === 'string' && /^\d{1,3}$/.test(v) ? Number(v) : v);
  for (const q of questions) {
    const field = answerField(q.number);
    let value = answers[String(q.number)];
    if (typeof value === 'string') value = value.trim();
    if (q.kind !== 'text') value = Array.isArray(value) ? value.map(numeric) : numeric(value);
    if (Array.isArray(value) && value.length === 0) value = undefined;
    if (value === undefined || value === '' || value === null) {
      if (q.required) problems.push({ field, key: 'survey.answerRequired' });
      continue;
    }
    switch (q.kind) {
      case 'single':
        if (isIndex(value, q.options.length)) clean[q.number] = value as number;
        else problems.push({ field, key: 'survey.answerChoice' });
        break;
      case 'multiple': {
        const list = Array.isArray(value) ? value : [value];
        if (list.every((v) => isIndex(v, q.options.length)) && new Set(list).size === list.length)
          clean[q.number] = [...(list as number[])].sort((a, b) => a - b);
        else problems.push({ field, key: 'survey.answerChoice' });
        break;
      }
      case 'rating':
        if (Number.isInteger(value) && (value as number) >= RATING_MIN && (value as number) <= RATING_MAX)
          clean[q.number] = value as number;
        else
          problems.push({ field, key: 'survey.answerRating', params: { min: RATING_MIN, max: RATING_MAX } });
        break;
      case 'text':
        if (typeof value !== 'string') problems.push({ field, key: 'validation.type.string' });
        else if (value.length > LIMITS.textAnswerLength)
          problems.push({ field, key: 'validation.maxLength', params: { limit: LIMITS.textAnswerLength } });
        else clean[q.number] = value;
        break;
    }
  }
  return { clean, problems };
}

export async function submitResponse(
  ctx: Ctx,
  token: string,
  answers: Record<string, unknown>,
): Promise<{ submittedAt: string }> {
  // The survey is held so that it cannot close between this check and the answer being recorded.
  const { link, survey } = await usableLink(ctx.trx, token, ctx.now, { hold: true });
  const questions = (await questionsOf(ctx.trx, survey.id)).map(questionView);
  const { clean, problems } = checkAnswers(questions, answers);
  if (problems.length > 0) throw invalid(problems);
  const submittedAt = ctx.now.toISOString();
  // The link is used by exactly one answer, even when two arrive at once.
  if (!(await useLink(ctx.trx, link.token_hash, submittedAt)))
    throw conflict('survey_link_used', 'survey.linkUsed');
  await insertResponse(ctx.trx, {
    id: newId(ctx.now),
    survey_id: survey.id,
    token_hash: link.token_hash,
    respondent_kind: link.respondent_kind,
    answers: canonicalJson(clean),
    submitted_at: submittedAt,
  });
  return { submittedAt };
}
