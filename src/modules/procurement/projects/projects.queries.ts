// Read side of procurement projects: the public project with its dated timeline of published steps,
// the public list of notices, and a department's projects.
import type { Actor } from '../../../platform/access/roles.js';
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import { can } from '../../../platform/access/policy.js';
import { SINGLE_SOURCE_GROUNDS, type SingleSourceGround } from '../methods.js';
import { openingMoment } from '../opening/opening-schedule.js';
import { earliestAwardAfter } from '../timeline.js';
import { departmentsKept } from '../procurement.policy.js';
import { intentionForProject } from '../../planning/index.js';
import {
  documentsOf,
  findProject,
  invitationsOf,
  lotsOf,
  projectsOfDepartments,
} from './projects.repository.js';
import { findSingleSource, objectionsOf } from '../single-source/single-source.repository.js';
import { noticesOf } from '../notices/notices.repository.js';

export async function projectView(db: Executor, id: string, actor: Actor) {
  const project = await findProject(db, id);
  if (!project) throw notFound('procurement.projectNotFound');
  const keeper = can(actor, 'project.manage', project);
  const request = await findSingleSource(db, id);
  // The finance bureau sees a draft single-source project once it is asked to decide on it.
  const approver = can(actor, 'procurement.approveSingleSource') && request !== undefined;
  if (project.status === 'draft' && !keeper && !approver) throw notFound('procurement.projectNotFound');
  const supplier = request ? await findOrganization(db, request.supplier_id) : undefined;
  const department = (await findOrganization(db, project.department_id))!;
  const intention = await intentionForProject(db, project.intention_id);
  const notices = await noticesOf(db, id);
  return {
    id: project.id,
    number: project.number,
    title: project.title,
    method: project.method,
    status: project.status,
    keeper,
    department: { id: department.id, name: department.name, nameEn: department.name_en },
    budgetFen: project.budget_fen,
    lots: (await lotsOf(db, id)).map((l) => ({
      number: l.number,
      title: l.title,
      budgetFen: l.budget_fen,
      outcome: l.outcome,
    })),
    // Responses are taken until just before this instant, and opened at it (Beijing midnight after the deadline).
    opensAt: project.deadline ? openingMoment(project.deadline).toISOString() : null,
    openedAt: project.opened_at,
    followsProjectId: project.follows_project_id,
    intention: intention
      ? {
          id: intention.id,
          projectName: intention.projectName,
          recordId: intention.recordId,
          urgentReason: intention.urgentReason,
        }
      : null,
    noticeDate: project.notice_date,
    deadline: project.deadline,
    documents: (await documentsOf(db, id)).map((d) => ({
      name: d.name,
      sha256: d.sha256,
      size: d.size,
      mediaType: d.media_type,
      url: `/procurement/projects/${id}/documents/${d.sha256}`,
    })),
    approver,
    // Invited tender: whom the department invited (for the department only), and on what basis.
    invitations: keeper
      ? (await invitationsOf(db, id)).map((i) => ({ id: i.organization_id, name: i.name, uscc: i.uscc }))
      : [],
    invitationBasis: keeper ? project.invitation_basis : null,
    singleSource: request
      ? {
          supplier: { id: request.supplier_id, name: supplier?.name ?? '', uscc: supplier?.uscc ?? null },
          ground: request.ground,
          groundSource: SINGLE_SOURCE_GROUNDS[request.ground as SingleSourceGround].source,
          justification: request.justification,
          status: request.status,
          decisionNote: request.status === 'requested' ? null : request.decision_note,
          noticeDate: request.notice_date,
          objectionsUntil: request.objections_until,
          earliestAward: request.objections_until ? earliestAwardAfter(request.objections_until) : null,
          recordId: request.public_record_id,
        }
      : null,
    objections: (await objectionsOf(db, id)).map((o) => ({
      id: o.id,
      text: o.text,
      submittedAt: o.submitted_at,
      recordId: o.record_id,
      answer: o.answer,
      answeredAt: o.answered_at,
      answerRecordId: o.answer_record_id,
    })),
    timeline: notices.map((n) => ({
      kind: n.kind,
      date: n.notice_date,
      publishedAt: n.published_at,
      deadline: n.deadline,
      movedFrom: n.moved_from,
      text: n.text,
      recordId: n.public_record_id,
    })),
  };
}

export async function myProjects(db: Executor, actor: Actor) {
  return (await projectsOfDepartments(db, departmentsKept(actor))).map((p) => ({
    id: p.id,
    title: p.title,
    method: p.method,
    status: p.status,
    department: p.department_name,
    budgetFen: p.budget_fen,
    deadline: p.deadline,
  }));
}
