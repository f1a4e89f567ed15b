// Questions are added to (and removed from) a draft survey; once open, the questions are fixed, so that
// every response answers the same questions.
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { conflict, invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { checkQuestion } from './question-rules.js';
import { ownedSurvey, requireStatus, viewOf } from './survey-access.js';
import type { SurveyView } from './survey-view.js';
import { insertQuestion, questionsOf } from './surveys.repository.js';
import { LIMITS } from './surveys.rules.js';
import type { QuestionBody } from './surveys.schemas.js';

export async function addQuestion(
  ctx: Ctx,
  surveyId: string,
  input: Static<typeof QuestionBody>,
): Promise<SurveyView> {
  const survey = await ownedSurvey(ctx, surveyId, { lock: true });
  requireStatus(survey, ['draft'], 'survey.onlyDraftEditable');
  const { question, problems } = checkQuestion(input);
  if (problems.length > 0) throw invalid(problems);
  const existing = await questionsOf(ctx.trx, surveyId);
  if (existing.length >= LIMITS.questions)
    throw conflict('too_many_questions', 'survey.tooManyQuestions', { max: LIMITS.questions });
  await insertQuestion(ctx.trx, {
    id: newId(ctx.now),
    survey_id: surveyId,
    position: existing.length + 1,
    kind: question.kind,
    prompt: question.prompt,
    required: question.required ? 1 : 0,
    options: JSON.stringify(question.options),
  });
  return viewOf(ctx, survey);
}
