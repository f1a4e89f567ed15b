// Inquiries (询问, GPL Art 51; GPR Art 52): anyone signed in may ask about a published project; the
// department answers within 3 working days and the answer is published with the question (never the
// asker). An asker who asks for an organization hears the answer in its inbox.
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/context.js';
import { fieldError, notFound, unauthenticated } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { publish } from '../../../platform/publish/publish.js';
import { computeDeadline } from '../../../platform/time/calendar-service.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { projectKeptBy } from '../projects/project-access.js';
import { findProject } from '../projects/projects.repository.js';
import { inquiryLifecycle } from './challenges.lifecycle.js';
import { holdInquiry, insertInquiry } from './challenges.repository.js';
import { CHALLENGE_PERIODS } from './challenges.rules.js';
import type { InquiryAnswerBody, InquiryBody } from './challenges.schemas.js';
import { INQUIRY_OVERDUE_TASK, scheduleOverdueCheck } from './overdue.js';

export const INQUIRY_ANSWER_KIND = 'inquiryAnswer';

export async function askInquiry(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof InquiryBody>,
): Promise<{ id: string; dueOn: string }> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const project = await findProject(ctx.trx, projectId);
  // Only a published project is asked about (a draft is nobody else's business).
  if (!project || project.status === 'draft') throw notFound('procurement.projectNotFound');
  const organizationId = input.organizationId ?? null;
  if (organizationId && !ctx.actor.memberships.some((m) => m.organizationId === organizationId))
    throw fieldError('organizationId', 'procurement.inquiry.notYourOrganization');
  const today = beijingDate(ctx.now);
  const { days, unit } = CHALLENGE_PERIODS.inquiryAnswer;
  const due = await computeDeadline(ctx.trx, today, days, unit, 'duty');
  const id = newId(ctx.now);
  await insertInquiry(ctx.trx, {
    id,
    project_id: project.id,
    status: 'asked',
    question: input.question.trim(),
    asked_by: ctx.actor.userId,
    organization_id: organizationId,
    asked_at: ctx.now.toISOString(),
    due_on: due.date,
    answer: null,
    answered_at: null,
    answered_by: null,
    answer_record_id: null,
  });
  await scheduleOverdueCheck(ctx, INQUIRY_OVERDUE_TASK, id, due.date);
  await sendMessage(ctx, {
    organizationId: project.department_id,
    subjectKey: 'procurement.inquiry.departmentMessage',
    params: { title: project.title, date: due.date },
    link: `/procurement/projects/${project.id}#questions`,
  });
  return { id, dueOn: due.date };
}

export async function answerInquiry(
  ctx: Ctx,
  projectId: string,
  inquiryId: string,
  input: Static<typeof InquiryAnswerBody>,
): Promise<{ recordId: string }> {
  const project = await projectKeptBy(ctx, projectId);
  const inquiry = await holdInquiry(ctx.trx, inquiryId);
  if (!inquiry || inquiry.project_id !== project.id) throw notFound('procurement.inquiry.notFound');
  if (inquiry.status !== 'asked') throw inquiryLifecycle.refuse!(inquiry.status, 'answer');
  const answer = input.answer.trim();
  const answeredOn = beijingDate(ctx.now);
  const receipt = await publish(ctx, {
    kind: INQUIRY_ANSWER_KIND,
    subjectId: project.id,
    title: `${project.title}（询问答复）`,
    content: {
      project: { id: project.id, title: project.title },
      question: inquiry.question,
      askedOn: beijingDate(new Date(inquiry.asked_at)),
      answer,
      answeredOn,
      dueOn: inquiry.due_on,
      late: answeredOn > inquiry.due_on,
      source: CHALLENGE_PERIODS.inquiryAnswer.source,
    },
  });
  await transition(ctx, inquiryLifecycle, inquiry, 'answer', {
    changes: {
      answer,
      answered_at: ctx.now.toISOString(),
      answered_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      answer_record_id: receipt.recordId,
    },
    recordId: receipt.recordId,
  });
  if (inquiry.organization_id)
    await sendMessage(ctx, {
      organizationId: inquiry.organization_id,
      subjectKey: 'procurement.inquiry.answeredMessage',
      params: { title: project.title },
      link: `/records/${receipt.recordId}`,
    });
  return { recordId: receipt.recordId };
}
