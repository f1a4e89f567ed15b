// Reading a survey as the department that owns it: unknown → 404, someone else's → 403.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import { can } from '../../platform/access/policy.js';
import type { Ctx } from '../../platform/context.js';
import { forbidden, notFound } from '../../platform/errors.js';
import { refusal } from './surveys.lifecycle.js';
import { SURVEY_MANAGE } from './surveys.policy.js';
import {
  countResponses,
  findSurvey,
  linkCounts,
  lockSurvey,
  questionsOf,
  type SurveyTable,
} from './surveys.repository.js';
import type { SurveyStatus } from './surveys.rules.js';
import { surveyView, type SurveyView } from './survey-view.js';

/** The survey, when the actor manages it; locked for the transaction when it is about to change. */
export async function ownedSurvey(
  ctx: Ctx,
  id: string,
  options: { lock?: boolean } = {},
): Promise<SurveyTable> {
  const survey = options.lock ? await lockSurvey(ctx.trx, id) : await findSurvey(ctx.trx, id);
  if (!survey) throw notFound('survey.notFound');
  if (!can(ctx.actor, SURVEY_MANAGE, { ownerOrganizationId: survey.owner_organization_id }))
    throw forbidden('survey.notYours');
  return survey;
}

/**
 * Refuses a change the survey's state does not allow, naming the state (for changes within a state;
 * a change of state goes through transition(), which refuses the same way).
 */
export function requireStatus(survey: SurveyTable, allowed: readonly SurveyStatus[], key: string): void {
  if (!allowed.includes(survey.status)) throw refusal(survey.status, key);
}

export async function viewOf(ctx: Ctx, survey: SurveyTable): Promise<SurveyView> {
  const org = await findOrganization(ctx.trx, survey.owner_organization_id);
  return surveyView(survey, {
    organizationName: org?.name ?? '',
    questions: await questionsOf(ctx.trx, survey.id),
    links: await linkCounts(ctx.trx, survey.id),
    responses: await countResponses(ctx.trx, survey.id),
    now: ctx.now,
  });
}

/** A survey with its questions and counts, for its department. */
export async function getSurvey(ctx: Ctx, id: string): Promise<SurveyView> {
  return viewOf(ctx, await ownedSurvey(ctx, id));
}
