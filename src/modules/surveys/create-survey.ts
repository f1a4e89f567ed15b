// A department creates a needs survey (S7): what it wants to learn and for which planned service, with
// questions (which it may also add one by one while the survey is a draft).
import type { Static } from 'typebox';
import { findOrganization } from '../../platform/auth/auth.repository.js';
import { can } from '../../platform/access/policy.js';
import type { Ctx } from '../../platform/context.js';
import { fieldError, invalid, unauthenticated, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { beijingDate, endOfBeijingDay } from '../../platform/time/dates.js';
import { checkQuestion } from './question-rules.js';
import { viewOf } from './survey-access.js';
import { SURVEY_MANAGE, surveyOrganizations } from './surveys.policy.js';
import type { SurveyView } from './survey-view.js';
import { insertQuestion, insertSurvey, type SurveyTable } from './surveys.repository.js';
import { LIMITS } from './surveys.rules.js';
import type { SurveyBody } from './surveys.schemas.js';

/** The deadline (end of that Beijing day), refused when the day has passed. */
export function deadlineOf(ctx: Ctx, closesOn: string | undefined, problems: FieldProblem[]): string | null {
  if (closesOn === undefined) return null;
  if (closesOn < beijingDate(ctx.now)) {
    problems.push({ field: 'closesOn', key: 'survey.closesInPast' });
    return null;
  }
  return endOfBeijingDay(closesOn).toISOString();
}

async function owner(ctx: Ctx, organizationId: string | undefined): Promise<string> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  let id = organizationId;
  if (id === undefined) {
    const mine = surveyOrganizations(ctx.actor);
    if (mine.length !== 1) throw fieldError('organizationId', 'validation.required');
    id = mine[0]!.id;
  }
  if (!can(ctx.actor, SURVEY_MANAGE, { ownerOrganizationId: id }))
    throw fieldError('organizationId', 'survey.notYourOrganization');
  const org = await findOrganization(ctx.trx, id);
  if (!org || (org.kind !== 'purchaser' && org.kind !== 'bureau'))
    throw fieldError('organizationId', 'survey.notPurchaser');
  return org.id;
}

export async function createSurvey(ctx: Ctx, input: Static<typeof SurveyBody>): Promise<SurveyView> {
  const ownerId = await owner(ctx, input.organizationId);
  const problems: FieldProblem[] = [];
  const closesAt = deadlineOf(ctx, input.closesOn, problems);
  const questions = (input.questions ?? []).map((q, i) => {
    const checked = checkQuestion(q, `questions.${i}.`);
    problems.push(...checked.problems);
    return checked.question;
  });
  if (input.title.trim() === '') problems.push({ field: 'title', key: 'validation.required' });
  if (problems.length > 0) throw invalid(problems);

  const now = ctx.now.toISOString();
  const row: SurveyTable = {
    id: newId(ctx.now),
    owner_organization_id: ownerId,
    title: input.title.trim(),
    purpose: input.purpose.trim(),
    subject: input.subject.trim(),
    subject_ref: input.subjectRef?.trim() || null,
    status: 'draft',
    opens_at: null,
    closes_at: closesAt,
    closed_at: null,
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    created_at: now,
    updated_at: now,
    summary: null,
    summary_record_id: null,
  };
  await insertSurvey(ctx.trx, row);
  let position = 0;
  for (const q of questions.slice(0, LIMITS.questions)) {
    await insertQuestion(ctx.trx, {
      id: newId(ctx.now),
      survey_id: row.id,
      position: ++position,
      kind: q.kind,
      prompt: q.prompt,
      required: q.required ? 1 : 0,
      options: JSON.stringify(q.options),
    });
  }
  return viewOf(ctx, row);
}
