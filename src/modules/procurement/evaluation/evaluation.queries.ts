// What the evaluation pages and API show: for the purchaser or a panel member, the plan, each lot's
// bids with their reviews, explanations and how many sheets are in, the report, the due dates and the
// awards; for an expert, the panels they sit on.
import { can } from '../../../platform/access/policy.js';
import type { Actor } from '../../../platform/access/roles.js';
import type { Executor } from '../../../platform/db/database.js';
import { forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import { findProject } from '../projects/projects.repository.js';
import type { EvaluationReport } from './deliver-report.js';
import { evaluationState, flaggedLow, planOf } from './evaluation-state.js';
import { findEvaluation, panelsOfUser } from './evaluation.repository.js';
import { EVALUATION_METHOD_SOURCES, EVALUATION_PERIODS } from './evaluation.rules.js';

export async function evaluationView(db: Executor, actor: Actor, projectId: string) {
  if (actor.kind !== 'user') throw unauthenticated();
  const project = await findProject(db, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  const state = await evaluationState(db, project);
  const memberUserIds = state.members.map((m) => m.userId);
  if (!can(actor, 'evaluation.read', { department_id: project.department_id, memberUserIds }))
    throw forbidden('evaluation.notMember');
  const e = state.evaluation;
  return {
    project: { id: project.id, title: project.title, method: project.method, status: project.status },
    plan: state.plan,
    panel: state.members.map((m) => ({ expertId: m.expertId, name: m.name })),
    lots: state.perLot.map((l) => ({
      number: l.number,
      title: l.title,
      flaggedLow: l.reviewed ? flaggedLow(l) : [],
      bids: l.entries.map((x) => {
        const r = l.reviewOf(x.bid.id);
        const ex = l.explanationOf(x.bid.id);
        return {
          bidId: x.bid.id,
          name: x.bid.name,
          priceFen: x.priceFen,
          review: r ? { passed: r.passed === 1, reason: r.reason } : null,
          explanation: ex
            ? {
                requestedAt: ex.requested_at,
                text: ex.explanation,
                accepted: ex.accepted === null ? null : ex.accepted === 1,
              }
            : null,
          sheets: state.sheets.filter((s) => s.bid_id === x.bid.id && s.lot === l.number).length,
        };
      }),
      sheetsMissing: l.sheetsMissing.length,
      ended: l.ended,
    })),
    dates: {
      endedOn: e?.ended_on ?? null,
      reportDueOn: e?.report_due_on ?? null,
      reportedAt: e?.reported_at ?? null,
      confirmDueOn: e?.confirm_due_on ?? null,
      decidedOn: e?.decided_on ?? null,
      noticeDueOn: e?.notice_due_on ?? null,
      sources: {
        report: EVALUATION_PERIODS.report.source,
        confirmation: EVALUATION_PERIODS.confirmation.source,
        resultNotice: EVALUATION_PERIODS.resultNotice.source,
        contract: EVALUATION_PERIODS.contract.source,
      },
    },
    report: e?.report ? (JSON.parse(e.report) as EvaluationReport) : null,
    awards: state.awards.map((a) => ({
      lot: a.lot,
      bidId: a.bid_id,
      organizationId: a.organization_id,
      amountFen: a.amount_fen,
      passedOver: JSON.parse(a.passed_over) as unknown[],
      contractDueOn: a.contract_due_on,
      resultRecordId: a.result_record_id,
    })),
    resultRecordId: e?.result_record_id ?? null,
  };
}

export async function myPanels(db: Executor, actor: Actor) {
  if (actor.kind !== 'user') throw unauthenticated();
  return panelsOfUser(db, actor.userId);
}

/** What the project page shows of the evaluation: the plan, and once evaluated the stage and due dates. */
export async function evaluationSummary(db: Executor, projectId: string) {
  const project = await findProject(db, projectId);
  if (!project) return null;
  const plan = await planOf(db, project);
  const e = await findEvaluation(db, projectId);
  return {
    plan,
    planSource: plan ? EVALUATION_METHOD_SOURCES[plan.method] : null,
    stage: !e ? null : e.result_record_id ? 'awarded' : e.reported_at ? 'confirmation' : 'report',
    dates: e
      ? {
          endedOn: e.ended_on,
          reportDueOn: e.report_due_on,
          confirmDueOn: e.confirm_due_on,
          decidedOn: e.decided_on,
          resultRecordId: e.result_record_id,
        }
      : null,
  };
}

/**
 * What the signed-in user may do on the evaluation page: as a confirmed member, which bids are
 * compliant and which sheets are already theirs; as the department, whether it confirms the lots.
 */
export async function evaluationTasks(db: Executor, actor: Actor, projectId: string) {
  const project = await findProject(db, projectId);
  if (!project || actor.kind !== 'user') return null;
  const state = await evaluationState(db, project);
  const me = state.members.find((m) => m.userId === actor.userId);
  const member = me !== undefined && can(actor, 'evaluation.score', { memberUserIds: [actor.userId] });
  const opened = project.status === 'opened';
  return {
    scores: member && opened && !state.evaluation,
    reports: member && opened && state.evaluation !== undefined && state.evaluation.report === null,
    confirms: opened && can(actor, 'project.manage', { department_id: project.department_id }),
    criteria: state.plan?.method === 'comprehensive' ? (state.plan.criteria ?? []) : [],
    compliant: new Set(state.perLot.flatMap((l) => l.compliant.map((e) => `${l.number}:${e.bid.id}`))),
    mine: new Set(
      me ? state.sheets.filter((s) => s.expert_id === me.expertId).map((s) => `${s.lot}:${s.bid_id}`) : [],
    ),
  };
}
