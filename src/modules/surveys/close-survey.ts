// The department closes a survey (or its deadline passes): no more answers; the results are final and
// the summary can be written.
import type { Ctx } from '../../platform/context.js';
import { cancelTask, type TaskRef } from '../../platform/jobs/scheduler.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { ownedSurvey, viewOf } from './survey-access.js';
import type { SurveyView } from './survey-view.js';
import { findSurvey, type SurveyTable } from './surveys.repository.js';
import { surveyLifecycle } from './surveys.lifecycle.js';
import { DEADLINE_TASK } from './surveys.rules.js';

/** Closes an open survey: by its department (`close`) or because its deadline passed. */
export async function markClosed(
  ctx: Ctx,
  survey: SurveyTable,
  how: 'close' | 'deadlinePassed',
): Promise<void> {
  const at = ctx.now.toISOString();
  // Closed at the deadline when that came first (the scheduler may run a little late).
  const closedAt = survey.closes_at !== null && survey.closes_at < at ? survey.closes_at : at;
  await transition(ctx, surveyLifecycle, survey, how, { changes: { closed_at: closedAt, updated_at: at } });
  await cancelTask(ctx, DEADLINE_TASK, survey.id);
}

export async function closeSurvey(ctx: Ctx, id: string): Promise<SurveyView> {
  const survey = await ownedSurvey(ctx, id, { lock: true });
  await markClosed(ctx, survey, 'close');
  return viewOf(ctx, (await findSurvey(ctx.trx, id))!);
}

/** The scheduler's handler: an open survey whose deadline has come is closed. */
export async function closeAtDeadline(ctx: Ctx, task: TaskRef): Promise<void> {
  const survey = await findSurvey(ctx.trx, task.subjectId);
  if (!survey || survey.status !== 'open' || survey.closes_at === null) return;
  if (ctx.now.toISOString() < survey.closes_at) return;
  await markClosed(ctx, survey, 'deadlinePassed');
}
