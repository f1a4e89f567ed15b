// The department opens a survey: its questions are fixed from now on, links can be issued and answered
// until it is closed or its deadline passes. A deadline schedules the closing (architecture rule 5).
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { conflict, invalid, type FieldProblem } from '../../platform/errors.js';
import { scheduleTask } from '../../platform/jobs/scheduler.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { deadlineOf } from './create-survey.js';
import { ownedSurvey, requireStatus, viewOf } from './survey-access.js';
import type { SurveyView } from './survey-view.js';
import { findSurvey, questionsOf } from './surveys.repository.js';
import { surveyLifecycle } from './surveys.lifecycle.js';
import { DEADLINE_TASK } from './surveys.rules.js';
import type { OpenBody } from './surveys.schemas.js';

export async function openSurvey(
  ctx: Ctx,
  id: string,
  input: Static<typeof OpenBody> = {},
): Promise<SurveyView> {
  const survey = await ownedSurvey(ctx, id, { lock: true });
  requireStatus(survey, surveyLifecycle.transitions.open.from, 'survey.onlyDraftOpens');
  if ((await questionsOf(ctx.trx, id)).length === 0)
    throw conflict('survey_no_questions', 'survey.noQuestions');
  const problems: FieldProblem[] = [];
  const closesAt =
    input.closesOn !== undefined ? deadlineOf(ctx, input.closesOn, problems) : survey.closes_at;
  if (input.closesOn === undefined && closesAt !== null && closesAt <= ctx.now.toISOString())
    problems.push({ field: 'closesOn', key: 'survey.closesInPast' });
  if (problems.length > 0) throw invalid(problems);
  await transition(ctx, surveyLifecycle, survey, 'open', {
    changes: { opens_at: ctx.now.toISOString(), closes_at: closesAt, updated_at: ctx.now.toISOString() },
  });
  if (closesAt !== null)
    await scheduleTask(ctx, { kind: DEADLINE_TASK, subjectId: id, at: new Date(closesAt) });
  return viewOf(ctx, (await findSurvey(ctx.trx, id))!);
}
