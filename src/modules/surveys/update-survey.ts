// The department corrects a draft survey's description. Once open, respondents may have read it, so it
// stays as it was.
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { invalid, type FieldProblem } from '../../platform/errors.js';
import { deadlineOf } from './create-survey.js';
import { ownedSurvey, requireStatus, viewOf } from './survey-access.js';
import type { SurveyView } from './survey-view.js';
import { findSurvey, updateSurvey as saveSurvey } from './surveys.repository.js';
import type { SurveyUpdateBody } from './surveys.schemas.js';

export async function updateSurvey(
  ctx: Ctx,
  id: string,
  input: Static<typeof SurveyUpdateBody>,
): Promise<SurveyView> {
  const survey = await ownedSurvey(ctx, id, { lock: true });
  requireStatus(survey, ['draft'], 'survey.onlyDraftEditable');
  const problems: FieldProblem[] = [];
  const closesAt = deadlineOf(ctx, input.closesOn, problems);
  if (problems.length > 0) throw invalid(problems);
  await saveSurvey(ctx.trx, id, {
    title: input.title.trim(),
    purpose: input.purpose.trim(),
    subject: input.subject.trim(),
    subject_ref: input.subjectRef?.trim() || null,
    closes_at: closesAt,
    updated_at: ctx.now.toISOString(),
  });
  return viewOf(ctx, (await findSurvey(ctx.trx, id))!);
}
