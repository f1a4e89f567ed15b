// Overdue answers flagged to the finance bureau: an inquiry unanswered after its 3 working days (GPR
// Art 52) or a challenge after its 7 (GPL Art 53). Asking or filing schedules a check for the day after
// the due day; if the row still waits then, the supervising finance bureau (financeBureauFor) hears of it
// in its inbox — the challenger may now complain to it (GPL Art 55).
import type { Ctx } from '../../../platform/context.js';
import { scheduleTask } from '../../../platform/jobs/scheduler.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { addDays, beijingInstant } from '../../../platform/time/dates.js';
import { findProject } from '../projects/projects.repository.js';
import { financeBureauFor, findChallenge, findInquiry } from './challenges.repository.js';

export const INQUIRY_OVERDUE_TASK = 'procurement.inquiryOverdue';
export const CHALLENGE_OVERDUE_TASK = 'procurement.challengeOverdue';

/** Schedules the check for the first moment after the due day (Beijing). */
export function scheduleOverdueCheck(
  ctx: Ctx,
  kind: string,
  subjectId: string,
  dueOn: string,
): Promise<void> {
  return scheduleTask(ctx, { kind, subjectId, at: beijingInstant(addDays(dueOn, 1)) });
}

async function tellFinanceBureau(
  ctx: Ctx,
  projectId: string,
  subjectKey: string,
  date: string,
  link: string,
) {
  const project = await findProject(ctx.trx, projectId);
  if (!project) return;
  const bureau = await financeBureauFor(ctx.trx, project.department_id);
  if (bureau)
    await sendMessage(ctx, {
      organizationId: bureau,
      subjectKey,
      params: { title: project.title, date },
      link,
    });
}

export async function checkInquiryOverdue(ctx: Ctx, inquiryId: string): Promise<void> {
  const inquiry = await findInquiry(ctx.trx, inquiryId);
  if (inquiry?.status !== 'asked') return;
  await tellFinanceBureau(
    ctx,
    inquiry.project_id,
    'procurement.inquiry.overdueMessage',
    inquiry.due_on,
    `/procurement/projects/${inquiry.project_id}#questions-heading`,
  );
}

export async function checkChallengeOverdue(ctx: Ctx, challengeId: string): Promise<void> {
  const challenge = await findChallenge(ctx.trx, challengeId);
  if (challenge?.status !== 'filed') return;
  await tellFinanceBureau(
    ctx,
    challenge.project_id,
    'procurement.challenge.overdueMessage',
    challenge.due_on,
    `/procurement/challenges/${challenge.id}`,
  );
}
