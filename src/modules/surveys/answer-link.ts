// What a respondent's link leads to: the survey's questions, if the link is valid, unused and the survey
// is taking answers. Each refusal has its own status and words, so the respondent knows what happened.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import type { Executor } from '../../platform/db/database.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import {
  findLink,
  findSurvey,
  questionsOf,
  shareSurvey,
  type SurveyLinkTable,
  type SurveyTable,
} from './surveys.repository.js';
import { hashAnswerToken, TOKEN_PATTERN, type RespondentKind } from './surveys.rules.js';
import { isAccepting, questionView, type QuestionView } from './survey-view.js';

export interface AnswerForm {
  title: string;
  purpose: string;
  organization: string;
  closesAt: string | null;
  respondentKind: RespondentKind | null;
  questions: QuestionView[];
}

/**
 * The link and its survey, or the refusal that fits: 404 unknown, 409 used or not open yet, 410 closed.
 * `hold` keeps the survey from closing until the transaction ends, for a use-case that answers it.
 */
export async function usableLink(
  db: Executor,
  token: string,
  now: Date,
  options: { hold?: boolean } = {},
): Promise<{ link: SurveyLinkTable; survey: SurveyTable }> {
  if (!TOKEN_PATTERN.test(token)) throw notFound('survey.linkInvalid');
  const link = await findLink(db, hashAnswerToken(token));
  if (!link) throw notFound('survey.linkInvalid');
  const survey = (await (options.hold ? shareSurvey : findSurvey)(db, link.survey_id))!;
  if (survey.status === 'draft') throw conflict('survey_not_open', 'survey.notOpenYet');
  if (link.used_at !== null) throw conflict('survey_link_used', 'survey.linkUsed');
  if (!isAccepting(survey, now)) throw new AppError(410, 'survey_closed', 'survey.closed');
  return { link, survey };
}

export async function openAnswerLink(ctx: Ctx, token: string): Promise<AnswerForm> {
  const { link, survey } = await usableLink(ctx.trx, token, ctx.now);
  const org = await findOrganization(ctx.trx, survey.owner_organization_id);
  return {
    title: survey.title,
    purpose: survey.purpose,
    organization: org?.name ?? '',
    closesAt: survey.closes_at,
    respondentKind: link.respondent_kind,
    questions: (await questionsOf(ctx.trx, survey.id)).map(questionView),
  };
}
