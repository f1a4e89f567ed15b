// Filing a challenge (质疑, GPL Art 52): a provider member, for its organization, within 7 working days
// of the day the law says it knew (GPR Art 53), with its grounds, requests and evidence (94号令 Art 12).
// Who may challenge what: 94号令 Art 11. A challenge that may change the result suspends the signing
// (GPR Art 54) until it is answered. The department hears of it in its inbox; nothing is published —
// the answer will be (answer-challenge.ts).
import { can } from '../../../platform/access/policy.js';
import type { Ctx } from '../../../platform/context.js';
import {
  putDocumentBytes,
  inspectDocument,
  type StoredDocument,
} from '../../../platform/documents/documents.js';
import { AppError, fieldError, forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { computeDeadline } from '../../../platform/time/calendar-service.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { biddingOrganizationsOf } from '../procurement.policy.js';
import { holdProject } from '../projects/projects.repository.js';
import { challengeLifecycle } from './challenges.lifecycle.js';
import { CHALLENGE_OVERDUE_TASK, scheduleOverdueCheck } from './overdue.js';
import {
  awardNoticeOf,
  firstNoticeDateOf,
  holdChallenge,
  insertChallenge,
  tookPart,
} from './challenges.repository.js';
import {
  CHALLENGE_CONTENTS,
  CHALLENGE_PERIODS,
  CHALLENGE_TRIGGERS,
  mayAffectResult,
  WHO_MAY_CHALLENGE,
  type ChallengeSubject,
} from './challenges.rules.js';

export interface ChallengeInput {
  organizationId?: string | undefined;
  subject: ChallengeSubject;
  knewOn?: string | undefined;
  grounds: string;
  requests: string;
  evidence?: { name: string; bytes: Buffer; expectedSha256?: string | undefined }[] | undefined;
}

export interface ChallengeReceipt {
  id: string;
  knewOn: string;
  windowUntil: string;
  dueOn: string;
  affectsResult: boolean;
}

/** The organization the actor challenges for: the one named, or its only provider organization. */
function challengerOf(ctx: Ctx, organizationId: string | undefined): string {
  const mine = biddingOrganizationsOf(ctx.actor);
  const chosen = organizationId ?? (mine.length === 1 ? mine[0]!.id : undefined);
  if (!chosen) {
    if (mine.length === 0) throw forbidden('procurement.challenge.notProvider');
    throw fieldError('organizationId', 'procurement.challenge.chooseOrganization');
  }
  if (
    !mine.some((o) => o.id === chosen) ||
    !can(ctx.actor, 'procurement.challenge', { organization_id: chosen })
  )
    throw forbidden('procurement.challenge.notYourOrganization');
  return chosen;
}

/**
 * The day the supplier knew or should have known (GPR Art 53): for the result, the last day of the
 * result notice (1 working day from the award notice, 87号令 Art 69); otherwise the day it names, which
 * lies between the project's first notice and today.
 */
async function knewOnFor(ctx: Ctx, projectId: string, input: ChallengeInput, today: string): Promise<string> {
  if (CHALLENGE_TRIGGERS[input.subject].trigger === 'computed') {
    const award = await awardNoticeOf(ctx.trx, projectId);
    if (!award)
      throw fieldError('subject', 'procurement.challenge.noResult', {
        source: CHALLENGE_TRIGGERS.result.source,
      });
    const { days, unit } = CHALLENGE_PERIODS.resultNotice;
    return (await computeDeadline(ctx.trx, award.notice_date, days, unit, 'minimum')).date;
  }
  if (!input.knewOn)
    throw fieldError('knewOn', 'procurement.challenge.knewOnRequired', {
      source: CHALLENGE_TRIGGERS[input.subject].source,
    });
  if (input.knewOn > today) throw fieldError('knewOn', 'procurement.challenge.knewOnFuture');
  const first = await firstNoticeDateOf(ctx.trx, projectId);
  if (first && input.knewOn < first)
    throw fieldError('knewOn', 'procurement.challenge.knewOnBeforeNotice', { date: first });
  return input.knewOn;
}

export async function fileChallenge(
  ctx: Ctx,
  projectId: string,
  input: ChallengeInput,
): Promise<ChallengeReceipt> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const organizationId = challengerOf(ctx, input.organizationId);
  const project = await holdProject(ctx.trx, projectId);
  if (!project || project.status === 'draft') throw notFound('procurement.projectNotFound');
  const who = WHO_MAY_CHALLENGE[input.subject];
  if (who.who === 'bidder' && !(await tookPart(ctx.trx, project.id, organizationId)))
    throw new AppError(403, 'challenge_not_party', 'procurement.challenge.notParty', { source: who.source });
  const today = beijingDate(ctx.now);
  const knewOn = await knewOnFor(ctx, project.id, input, today);
  const filing = CHALLENGE_PERIODS.challengeFiling;
  const window = await computeDeadline(ctx.trx, knewOn, filing.days, filing.unit, 'minimum');
  if (today > window.date) {
    const params = { knewOn, until: window.date, source: filing.source };
    throw new AppError(422, 'challenge_window_closed', 'procurement.challenge.late', params, [
      {
        field: input.subject === 'result' ? 'subject' : 'knewOn',
        key: 'procurement.challenge.late',
        params,
      },
    ]);
  }
  const evidence = checkedEvidence(input);
  const answer = CHALLENGE_PERIODS.challengeAnswer;
  const due = await computeDeadline(ctx.trx, today, answer.days, answer.unit, 'duty');
  const id = newId(ctx.now);
  const affects = mayAffectResult(input.subject, project.status);
  for (const [i, e] of evidence.entries()) await putDocumentBytes(ctx, e, input.evidence![i]!.bytes);
  await insertChallenge(
    ctx.trx,
    {
      id,
      project_id: project.id,
      organization_id: organizationId,
      filed_by: ctx.actor.userId,
      status: 'filed',
      subject: input.subject,
      knew_on: knewOn,
      window_until: window.date,
      grounds: input.grounds.trim(),
      requests: input.requests.trim(),
      filed_at: ctx.now.toISOString(),
      due_on: due.date,
      affects_result: affects ? 1 : 0,
      issue: null,
      answer: null,
      effect: null,
      answered_at: null,
      answered_by: null,
      answer_record_id: null,
    },
    evidence.map((e, position) => ({
      challenge_id: id,
      position,
      name: e.name,
      sha256: e.sha256,
      size: e.size,
      media_type: e.mediaType,
    })),
  );
  await scheduleOverdueCheck(ctx, CHALLENGE_OVERDUE_TASK, id, due.date);
  await sendMessage(ctx, {
    organizationId: project.department_id,
    subjectKey: affects
      ? 'procurement.challenge.departmentMessageSuspends'
      : 'procurement.challenge.departmentMessage',
    params: { title: project.title, date: due.date },
    link: `/procurement/challenges/${id}`,
  });
  return { id, knewOn, windowUntil: window.date, dueOn: due.date, affectsResult: affects };
}

/** Evidence files: checked like any document (type by content, size, the client's hash). */
function checkedEvidence(input: ChallengeInput): StoredDocument[] {
  const files = input.evidence ?? [];
  if (files.length > CHALLENGE_CONTENTS.evidence.maxFiles)
    throw fieldError('evidence', 'procurement.challenge.tooManyFiles', {
      max: CHALLENGE_CONTENTS.evidence.maxFiles,
    });
  return files.map((f, i) => inspectDocument(f, `evidence.${i}`));
}

/** The supplier withdraws its challenge before the answer (the signing is no longer held by it). */
export async function withdrawChallenge(ctx: Ctx, challengeId: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const challenge = await holdChallenge(ctx.trx, challengeId);
  if (!challenge) throw notFound('procurement.challenge.notFound');
  if (!can(ctx.actor, 'procurement.challenge', challenge)) throw notFound('procurement.challenge.notFound');
  await transition(ctx, challengeLifecycle, challenge, 'withdraw');
}
