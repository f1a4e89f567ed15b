// Single source (S20; GPL Art 31, GPR Arts 27, 38): the purchaser names the supplier and the legal ground
// with its justification; the supplier must be eligible (its reasons are shown when it is not); the
// finance bureau approves; a public pre-notice names the supplier for at least 5 working days, during
// which anyone may object; every objection and its answer is published. No award before the notice has
// run and every objection is answered (singleSourceMayAward, for the award step to come).
import type { Static } from 'typebox';
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { publish } from '../../../platform/publish/publish.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { eligibility } from '../../credit/index.js';
import { METHOD_SETTINGS, SINGLE_SOURCE_GROUNDS } from '../methods.js';
import {
  answerObjectionRow,
  findSingleSource,
  insertObjection,
  objectionsOf,
  insertSingleSource,
} from './single-source.repository.js';
import { holdProject } from '../projects/projects.repository.js';
import { insertNotice } from '../notices/notices.repository.js';
import type { AnswerBody, DecisionBody, ObjectionBody, SingleSourceBody } from '../procurement.schemas.js';
import { projectKeptBy } from '../projects/project-access.js';
import { projectSealingKey, scheduleOpening } from '../opening/opening-schedule.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { projectLifecycle } from '../projects/project.lifecycle.js';
import { singleSourceLifecycle } from './single-source.lifecycle.js';
import { earliestAwardAfter } from '../timeline.js';
import { timelineFor } from '../timeline.queries.js';

export const SINGLE_SOURCE_NOTICE_KIND = 'singleSourceNotice';
export const OBJECTION_KIND = 'singleSourceObjection';
export const OBJECTION_ANSWER_KIND = 'singleSourceObjectionAnswer';

export async function requestSingleSource(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof SingleSourceBody>,
): Promise<void> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.method !== 'singleSource')
    throw invalid([{ field: 'method', key: 'procurement.notSingleSource' }]);
  if (project.status !== 'draft') throw conflict('notice_published', 'procurement.noticeAlready');
  const existing = await findSingleSource(ctx.trx, project.id);
  if (existing && existing.status !== 'rejected')
    throw conflict('single_source_requested', 'procurement.singleSourceRequested');
  const supplier = await findOrganization(ctx.trx, input.supplierId);
  if (!supplier || supplier.kind !== 'socialOrganization') {
    throw invalid([{ field: 'supplierId', key: 'procurement.supplierUnknown' }]);
  }
  // The supplier must be eligible now (S3): each failing rule is a problem of the field, in words.
  const verdict = await eligibility(ctx.trx, supplier.id, ctx.now);
  if (!verdict.eligible) {
    throw invalid(
      verdict.reasons
        .filter((r) => r.outcome === 'fail')
        .map((r) => ({ field: 'supplierId', key: r.key, params: r.params })),
      'supplier_ineligible',
    );
  }
  const request = {
    supplier_id: supplier.id,
    ground: input.ground,
    justification: input.justification.trim(),
    requested_at: ctx.now.toISOString(),
    decided_at: null,
    decided_by: null,
    decision_note: null,
    notice_date: null,
    objections_until: null,
    public_record_id: null,
  };
  // Asked again after a rejection: the same row goes back to `requested` with the new request.
  if (existing) await transition(ctx, singleSourceLifecycle, existing, 'requestAgain', { changes: request });
  else
    await insertSingleSource(ctx.trx, {
      id: project.id,
      project_id: project.id,
      status: 'requested',
      ...request,
    });
}

/** The finance bureau's decision; an approval publishes the pre-notice at once. */
export async function decideSingleSource(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof DecisionBody>,
  kek: Buffer,
): Promise<{ objectionsUntil: string | null; earliestAward: string | null }> {
  if (ctx.actor.kind !== 'user' && ctx.actor.kind !== 'system') throw forbidden();
  const project = await holdProject(ctx.trx, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  const request = await findSingleSource(ctx.trx, projectId);
  if (!request || request.status !== 'requested')
    throw conflict('nothing_to_decide', 'procurement.nothingToDecide');
  const decision = {
    decided_at: ctx.now.toISOString(),
    decided_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    decision_note: input.note.trim(),
  };
  if (!input.approve) {
    await transition(ctx, singleSourceLifecycle, request, 'reject', {
      changes: decision,
      reason: decision.decision_note,
    });
    return { objectionsUntil: null, earliestAward: null };
  }
  const noticeDate = beijingDate(ctx.now);
  const timeline = await timelineFor(ctx.trx, 'singleSource', { noticeDate });
  // The pre-notice's last day; the award may come the day after (GPR Art 38).
  const objectionsUntil = timeline.steps.find((s) => s.rule === 'preNotice')!.date;
  const earliestAward = timeline.earliestAward!;
  const [department, supplier] = await Promise.all([
    findOrganization(ctx.trx, project.department_id),
    findOrganization(ctx.trx, request.supplier_id),
  ]);
  const ground = request.ground as keyof typeof SINGLE_SOURCE_GROUNDS;
  const receipt = await publish(ctx, {
    kind: SINGLE_SOURCE_NOTICE_KIND,
    subjectId: project.id,
    title: `${project.title}（单一来源采购公示）`,
    content: {
      project: {
        id: project.id,
        number: project.number,
        title: project.title,
        method: project.method,
        budgetFen: project.budget_fen,
      },
      department: { id: department!.id, name: department!.name },
      supplier: { id: supplier!.id, name: supplier!.name, uscc: supplier!.uscc },
      ground: { name: ground, source: SINGLE_SOURCE_GROUNDS[ground].source },
      justification: request.justification,
      approval: { note: decision.decision_note },
      noticeDate,
      objectionsUntil,
      earliestAward,
      // Dates counted on the provisional calendar (a year without its State Council notice yet).
      provisionalDates: timeline.provisionalDates,
      period: METHOD_SETTINGS.singleSource.periods[0],
      // A single source after a failed tender: which, and the finance bureau's approval of the change.
      follows: project.restart_basis ? (JSON.parse(project.restart_basis) as unknown) : null,
    },
  });
  await sendMessage(ctx, {
    organizationId: supplier!.id,
    subjectKey: 'procurement.ss.supplierMessage',
    params: { title: project.title, date: objectionsUntil },
    link: `/procurement/projects/${project.id}/bid`,
  });
  await transition(ctx, singleSourceLifecycle, request, 'approve', {
    changes: {
      ...decision,
      notice_date: noticeDate,
      objections_until: objectionsUntil,
      public_record_id: receipt.recordId,
    },
    reason: decision.decision_note,
    recordId: receipt.recordId,
  });
  // Listed with the other notices, and in the project's timeline.
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'singleSource',
    notice_date: noticeDate,
    deadline: objectionsUntil,
    moved_from: null,
    text: request.justification,
    published_at: ctx.now.toISOString(),
    public_record_id: receipt.recordId,
  });
  // The supplier's response is sealed like any bid and opened when the pre-notice has run.
  await transition(ctx, projectLifecycle, project, 'approveSingleSource', {
    changes: { notice_date: noticeDate, deadline: objectionsUntil, ...projectSealingKey(kek, project.id) },
    recordId: receipt.recordId,
  });
  await scheduleOpening(ctx, project.id, objectionsUntil);
  return { objectionsUntil, earliestAward };
}

/** Anyone may object while the pre-notice runs; the objection is published (its author is not). */
export async function objectToSingleSource(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof ObjectionBody>,
): Promise<{ id: string }> {
  const project = await holdProject(ctx.trx, projectId);
  const request = project ? await findSingleSource(ctx.trx, projectId) : undefined;
  if (!project || !request || request.status !== 'approved') throw notFound('procurement.projectNotFound');
  if (beijingDate(ctx.now) > request.objections_until!) {
    throw new AppError(409, 'objection_period_over', 'procurement.objectionsClosed', {
      date: request.objections_until!,
    });
  }
  const id = newId(ctx.now);
  const receipt = await publish(ctx, {
    kind: OBJECTION_KIND,
    subjectId: project.id,
    title: `${project.title}（单一来源异议）`,
    content: {
      project: { id: project.id, title: project.title },
      text: input.text.trim(),
      submittedAt: ctx.now.toISOString(),
    },
  });
  await insertObjection(ctx.trx, {
    id,
    project_id: project.id,
    text: input.text.trim(),
    submitted_at: ctx.now.toISOString(),
    record_id: receipt.recordId,
    answer: null,
    answered_at: null,
    answer_record_id: null,
  });
  return { id };
}

export async function answerObjection(
  ctx: Ctx,
  projectId: string,
  objectionId: string,
  input: Static<typeof AnswerBody>,
): Promise<void> {
  const project = await projectKeptBy(ctx, projectId);
  const objection = (await objectionsOf(ctx.trx, project.id)).find((o) => o.id === objectionId);
  if (!objection) throw notFound('procurement.objectionNotFound');
  if (objection.answer !== null) throw conflict('objection_answered', 'procurement.objectionAnswered');
  const receipt = await publish(ctx, {
    kind: OBJECTION_ANSWER_KIND,
    subjectId: project.id,
    title: `${project.title}（单一来源异议答复）`,
    content: {
      project: { id: project.id, title: project.title },
      objection: objection.text,
      answer: input.text.trim(),
    },
    supersedes: objection.record_id,
  });
  await answerObjectionRow(ctx.trx, objectionId, {
    answer: input.text.trim(),
    answered_at: ctx.now.toISOString(),
    answer_record_id: receipt.recordId,
  });
}

export type AwardCheck =
  { allowed: true } | { allowed: false; key: string; params: Record<string, string | number> };

/**
 * May the single-source award be made on `date`? Not before the day after the pre-notice's last day
 * (earliestAwardAfter, GPR Art 38), and not while an objection waits for its answer.
 */
export async function singleSourceMayAward(
  db: Executor,
  projectId: string,
  date: string,
): Promise<AwardCheck> {
  const request = await findSingleSource(db, projectId);
  if (!request || request.status !== 'approved')
    return { allowed: false, key: 'procurement.award.notApproved', params: {} };
  const from = earliestAwardAfter(request.objections_until!);
  if (date < from) {
    return {
      allowed: false,
      key: 'procurement.award.noticeRunning',
      params: { until: request.objections_until!, date: from },
    };
  }
  const open = (await objectionsOf(db, projectId)).filter((o) => o.answer === null).length;
  if (open > 0) return { allowed: false, key: 'procurement.award.objectionsOpen', params: { count: open } };
  return { allowed: true };
}
