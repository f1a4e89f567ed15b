// Answering a challenge (GPL Art 53: within 7 working days, in writing): rejected, or upheld with the
// effect the law allows for what was challenged (94号令 Art 16). The answer is published — the matter in
// the department's words, the outcome, the effect and its source; never the challenger's identity, its
// grounds or evidence (docs/security.md). The challenger hears of it in its inbox.
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/context.js';
import { fieldError, notFound } from '../../../platform/errors.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { publish } from '../../../platform/publish/publish.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { projectKeptBy } from '../projects/project-access.js';
import { challengeLifecycle } from './challenges.lifecycle.js';
import { holdChallenge } from './challenges.repository.js';
import {
  CHALLENGE_PERIODS,
  effectAllowed,
  SIGNING_SUSPENSION,
  UPHELD_EFFECTS,
  type ChallengeSubject,
} from './challenges.rules.js';
import type { ChallengeAnswerBody } from './challenges.schemas.js';

export const CHALLENGE_ANSWER_KIND = 'challengeAnswer';

export async function answerChallenge(
  ctx: Ctx,
  projectId: string,
  challengeId: string,
  input: Static<typeof ChallengeAnswerBody>,
): Promise<{ recordId: string }> {
  const project = await projectKeptBy(ctx, projectId);
  const challenge = await holdChallenge(ctx.trx, challengeId);
  if (!challenge || challenge.project_id !== project.id) throw notFound('procurement.challenge.notFound');
  if (challenge.status !== 'filed') throw challengeLifecycle.refuse!(challenge.status, 'reject');
  const subject = challenge.subject as ChallengeSubject;
  if (input.outcome === 'rejected' && input.effect)
    throw fieldError('effect', 'procurement.challenge.effectOnlyUpheld');
  if (input.outcome === 'upheld') {
    if (!input.effect) throw fieldError('effect', 'procurement.challenge.effectRequired');
    if (!effectAllowed(subject, input.effect))
      throw fieldError('effect', 'procurement.challenge.effectNotAllowed', {
        source: UPHELD_EFFECTS[input.effect].source,
      });
  }
  const effect = input.outcome === 'upheld' ? input.effect! : null;
  const answeredOn = beijingDate(ctx.now);
  const receipt = await publish(ctx, {
    kind: CHALLENGE_ANSWER_KIND,
    subjectId: project.id,
    title: `${project.title}（质疑答复）`,
    content: {
      project: { id: project.id, title: project.title },
      subject,
      issue: input.issue.trim(),
      outcome: input.outcome,
      effect: effect ? { name: effect, source: UPHELD_EFFECTS[effect].source } : null,
      answer: input.answer.trim(),
      filedOn: beijingDate(new Date(challenge.filed_at)),
      answeredOn,
      dueOn: challenge.due_on,
      late: answeredOn > challenge.due_on,
      suspendedSigning: challenge.affects_result === 1 ? SIGNING_SUSPENSION.source : null,
      source: CHALLENGE_PERIODS.challengeAnswer.source,
    },
  });
  await transition(ctx, challengeLifecycle, challenge, input.outcome === 'upheld' ? 'uphold' : 'reject', {
    changes: {
      issue: input.issue.trim(),
      answer: input.answer.trim(),
      effect,
      answered_at: ctx.now.toISOString(),
      answered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      answer_record_id: receipt.recordId,
    },
    recordId: receipt.recordId,
  });
  await sendMessage(ctx, {
    organizationId: challenge.organization_id,
    subjectKey: `procurement.challenge.answeredMessage.${input.outcome}`,
    params: { title: project.title },
    link: `/procurement/challenges/${challenge.id}`,
  });
  return { recordId: receipt.recordId };
}
