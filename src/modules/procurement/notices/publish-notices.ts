// The notices of a project, each published through publish() and never changed: the tender notice (its
// deadline checked against the method's statutory periods), corrections (a change too close to the
// deadline moves it, automatically, and the notice says so), and the termination notice.
import type { Static } from 'typebox';
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { publish } from '../../../platform/publish/publish.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { intentionForProject } from '../../planning/index.js';
import { METHOD_SETTINGS, type Method } from '../methods.js';
import { bidsOf } from '../bids/bids.repository.js';
import { documentsOf, lotsOf, updateProject, type ProjectTable } from '../projects/projects.repository.js';
import { insertNotice, noticesOf } from './notices.repository.js';
import type { CorrectionBody, TenderNoticeBody, TerminationBody } from '../procurement.schemas.js';
import { projectKeptBy } from '../projects/project-access.js';
import {
  cancelOpening,
  lockProjectBids,
  openingMoment,
  projectSealingKey,
  scheduleOpening,
} from '../opening/opening-schedule.js';
import { invitationsForNotice, sendInvitations } from '../projects/invite-suppliers.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { endBid } from '../bids/end-bid.js';
import { projectLifecycle } from '../projects/project.lifecycle.js';
import { timelineFor } from '../timeline.queries.js';

export const NOTICE_KINDS = {
  tender: 'tenderNotice',
  correction: 'correctionNotice',
  termination: 'terminationNotice',
} as const;

async function projectHeader(ctx: Ctx, project: ProjectTable) {
  const department = (await findOrganization(ctx.trx, project.department_id))!;
  const intention = await intentionForProject(ctx.trx, project.intention_id);
  return {
    id: project.id,
    number: project.number,
    title: project.title,
    method: project.method,
    department: { id: department.id, name: department.name },
    budgetFen: project.budget_fen,
    intentionRecordId: intention?.recordId ?? null,
  };
}

export async function publishTenderNotice(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof TenderNoticeBody>,
  kek: Buffer,
): Promise<{ recordId: string; deadline: string }> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.status !== 'draft') throw conflict('notice_published', 'procurement.noticeAlready');
  const method = project.method as Method;
  if (method === 'singleSource') throw invalid([{ field: 'method', key: 'procurement.singleSourceLater' }]);
  const noticeDate = beijingDate(ctx.now);
  const timeline = await timelineFor(ctx.trx, method, { noticeDate, deadline: input.deadline });
  if (timeline.problems.length > 0) throw invalid(timeline.problems);
  const lots = await lotsOf(ctx.trx, project.id);
  // An invited tender goes out only to the suppliers invited, at least three (GPL Art 34).
  const invitations = method === 'invitedTender' ? await invitationsForNotice(ctx, project) : undefined;
  const sealing = projectSealingKey(kek, project.id);
  const receipt = await publish(ctx, {
    kind: NOTICE_KINDS.tender,
    subjectId: project.id,
    title: `${project.title}（采购公告）`,
    content: {
      project: await projectHeader(ctx, project),
      lots: lots.map((l) => ({ number: l.number, title: l.title, budgetFen: l.budget_fen })),
      // Each document by its content hash: whoever downloads it can check it is the one published.
      documents: (await documentsOf(ctx.trx, project.id)).map((d) => ({
        name: d.name,
        sha256: d.sha256,
        size: d.size,
        mediaType: d.media_type,
      })),
      noticeDate,
      deadline: input.deadline,
      timeline: timeline.steps,
      // Dates counted on the provisional calendar (a year without its State Council notice yet).
      provisionalDates: timeline.provisionalDates,
      minResponses: METHOD_SETTINGS[method].minResponses,
      // Responses are sealed for this key (X25519) and opened the day after the deadline, 00:00 Beijing.
      sealing: { algorithm: 'X25519-HKDF-SHA256-AES-256-GCM', publicKey: sealing.sealing_public_key },
      opensAt: openingMoment(input.deadline).toISOString(),
      // Invited tender: how many suppliers are invited and how they were chosen (not who, before the opening).
      invitations: invitations?.published ?? null,
      // A project after a failed one: which, the way forward the law gave, and the approval where needed.
      follows: project.restart_basis ? (JSON.parse(project.restart_basis) as unknown) : null,
      text: input.text,
    },
  });
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'tender',
    notice_date: noticeDate,
    deadline: input.deadline,
    moved_from: null,
    text: input.text,
    published_at: ctx.now.toISOString(),
    public_record_id: receipt.recordId,
  });
  await transition(ctx, projectLifecycle, project, 'publishNotice', {
    changes: { notice_date: noticeDate, deadline: input.deadline, ...sealing },
    recordId: receipt.recordId,
  });
  await scheduleOpening(ctx, project.id, input.deadline);
  if (invitations) await sendInvitations(ctx, project, invitations.invited, input.deadline);
  return { recordId: receipt.recordId, deadline: input.deadline };
}

/** A project still open, under its bids' lock: a correction or termination cannot race the opening. */
async function openProject(ctx: Ctx, projectId: string) {
  await lockProjectBids(ctx, projectId);
  const project = await projectKeptBy(ctx, projectId);
  if (project.status !== 'open') throw conflict('project_not_open', 'procurement.notOpen');
  const today = beijingDate(ctx.now);
  if (project.deadline && ctx.now.getTime() >= openingMoment(project.deadline).getTime())
    throw conflict('deadline_passed', 'procurement.afterDeadline');
  const latest = (await noticesOf(ctx.trx, project.id)).at(-1)!;
  return { project, today, latest };
}

export async function publishCorrection(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof CorrectionBody>,
): Promise<{ recordId: string; deadline: string; movedFrom: string | null }> {
  const { project, today, latest } = await openProject(ctx, projectId);
  const method = project.method as Method;
  const proposed = input.deadline ?? project.deadline!;
  // The periods still run from the original notice; a change today needs its own period before the deadline.
  const timeline = await timelineFor(ctx.trx, method, {
    noticeDate: project.notice_date!,
    deadline: proposed,
    clarificationDate: today,
  });
  if (timeline.problems.length > 0) throw invalid(timeline.problems);
  const deadline = timeline.deadline!;
  const movedFrom = timeline.movedFrom;
  const rule =
    METHOD_SETTINGS[method].periods.find((p) => p.rule === 'clarificationBeforeDeadline') ??
    METHOD_SETTINGS[method].periods.find((p) => p.rule === 'documentsToDeadline');
  const receipt = await publish(ctx, {
    kind: NOTICE_KINDS.correction,
    subjectId: project.id,
    title: `${project.title}（更正公告）`,
    content: {
      project: await projectHeader(ctx, project),
      noticeDate: today,
      text: input.text,
      deadlineBefore: project.deadline,
      deadline,
      provisionalDates: timeline.provisionalDates,
      // Set when the law moved the deadline, with the rule that did.
      movedBy: movedFrom
        ? {
            from: movedFrom,
            rule: rule?.rule ?? null,
            days: rule?.days ?? null,
            source: rule?.source ?? null,
          }
        : null,
    },
    supersedes: latest.public_record_id,
  });
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'correction',
    notice_date: today,
    deadline,
    moved_from: movedFrom,
    text: input.text,
    published_at: ctx.now.toISOString(),
    public_record_id: receipt.recordId,
  });
  await updateProject(ctx.trx, project.id, { deadline });
  await scheduleOpening(ctx, project.id, deadline);
  return { recordId: receipt.recordId, deadline, movedFrom };
}

export async function terminateProject(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof TerminationBody>,
): Promise<{ recordId: string }> {
  const { project, today, latest } = await openProject(ctx, projectId);
  // The sealed bids are never opened: their ciphertext goes, and the notice accounts for their
  // commitments (the log holds them), as an opening record would.
  const sealed = await bidsOf(ctx.trx, project.id, ['sealed']);
  for (const b of sealed) await endBid(ctx, b, 'discard');
  const receipt = await publish(ctx, {
    kind: NOTICE_KINDS.termination,
    subjectId: project.id,
    title: `${project.title}（终止公告）`,
    content: {
      project: await projectHeader(ctx, project),
      noticeDate: today,
      text: input.text,
      discarded: sealed.map((b) => ({ commitment: b.commitment, logIndex: b.log_index })),
    },
    supersedes: latest.public_record_id,
  });
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'termination',
    notice_date: today,
    deadline: null,
    moved_from: null,
    text: input.text,
    published_at: ctx.now.toISOString(),
    public_record_id: receipt.recordId,
  });
  await transition(ctx, projectLifecycle, project, 'terminate', {
    reason: input.text,
    recordId: receipt.recordId,
  });
  await cancelOpening(ctx, project.id);
  return { recordId: receipt.recordId };
}
