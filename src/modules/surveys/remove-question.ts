// A question is removed from a draft survey; the others are renumbered 1, 2, 3 …
import type { Ctx } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { ownedSurvey, requireStatus, viewOf } from './survey-access.js';
import type { SurveyView } from './survey-view.js';
import { deleteQuestion, renumberQuestions } from './surveys.repository.js';

export async function removeQuestion(ctx: Ctx, surveyId: string, number: number): Promise<SurveyView> {
  const survey = await ownedSurvey(ctx, surveyId, { lock: true });
  requireStatus(survey, ['draft'], 'survey.onlyDraftEditable');
  if (!(await deleteQuestion(ctx.trx, surveyId, number))) throw notFound('survey.questionNotFound');
  await renumberQuestions(ctx.trx, surveyId);
  return viewOf(ctx, survey);
}
