// The department issues one-time answer links for an open survey, to hand to organizations or
// residents (by message, on paper as a QR code, …). Each link carries a fresh random token; only the
// token's SHA-256 is stored, so the list is shown once and cannot be shown again.
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { conflict } from '../../platform/errors.js';
import { ownedSurvey, requireStatus } from './survey-access.js';
import { insertLinks, type SurveyLinkTable } from './surveys.repository.js';
import { hashAnswerToken, newAnswerToken, type RespondentKind } from './surveys.rules.js';
import { isAccepting } from './survey-view.js';
import type { LinksBody } from './surveys.schemas.js';

export interface IssuedLinks {
  surveyId: string;
  respondentKind: RespondentKind | null;
  issuedAt: string;
  /** The tokens themselves: shown once, never stored. */
  tokens: string[];
}

export async function issueLinks(
  ctx: Ctx,
  surveyId: string,
  input: Static<typeof LinksBody>,
): Promise<IssuedLinks> {
  const survey = await ownedSurvey(ctx, surveyId, { lock: true });
  requireStatus(survey, ['open'], 'survey.linksOnlyWhenOpen');
  if (!isAccepting(survey, ctx.now)) throw conflict('survey_deadline_passed', 'survey.deadlinePassed');
  const tokens = Array.from({ length: input.count }, () => newAnswerToken());
  const rows: SurveyLinkTable[] = tokens.map((t) => ({
    token_hash: hashAnswerToken(t),
    survey_id: surveyId,
    respondent_kind: input.respondentKind ?? null,
    issued_at: ctx.now.toISOString(),
    issued_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    used_at: null,
  }));
  await insertLinks(ctx.trx, rows);
  return { surveyId, respondentKind: input.respondentKind ?? null, issuedAt: ctx.now.toISOString(), tokens };
}
