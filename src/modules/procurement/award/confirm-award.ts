// The purchaser's confirmation of a lot (GPR Art 43: within 5 working days of the report, in the order
// of the ranking): the first-ranked, unless it fails the re-check at award (recheck-at-award.ts) or it
// already holds the most lots the plan allows — then the next, each passed-over candidate with its
// reason. When every lot is decided the result notice is published (中标/成交结果公告), the bidders who
// did not win are told why, each award starts the contract clock (GPL Art 46) and the project is awarded.
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { cancelTask } from '../../../platform/jobs/scheduler.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { publish } from '../../../platform/publish/publish.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import { insertNotice } from '../notices/notices.repository.js';
import { projectKeptBy } from '../projects/project-access.js';
import { projectLifecycle } from '../projects/project.lifecycle.js';
import type { ProjectTable } from '../projects/projects.repository.js';
import type { EvaluationReport } from '../evaluation/deliver-report.js';
import { evaluationState, type EvaluationState } from '../evaluation/evaluation-state.js';
import { dueOn, OVERDUE_TASKS } from '../evaluation/evaluation-steps.js';
import {
  awardsOf,
  insertAward,
  setAwardsPublished,
  updateEvaluation,
} from '../evaluation/evaluation.repository.js';
import {
  EVALUATION_PERIODS,
  MAX_LOTS_SOURCE,
  RECHECK_SOURCE,
  RESULT_NOTICE_SOURCE,
} from '../evaluation/evaluation.rules.js';
import { RESULT_NOTICE_KIND } from './award.records.js';
import { recheckAtAward } from './recheck-at-award.js';
import { currentPanel, findDraw } from '../panel/panel.repository.js';
import { revealDraw } from '../panel/reveal-draw.js';

export interface PassedOver {
  bidId: string;
  name: string;
  rule: 'recheck' | 'maxLots';
  reasons: string[];
  source: string;
}

export async function confirmAward(ctx: Ctx, projectId: string, input: { lot: number }) {
  const project = await projectKeptBy(ctx, projectId);
  if (project.status !== 'opened')
    throw conflict('project_state', 'procurement.wrongState', { status: project.status });
  const state = await evaluationState(ctx.trx, project);
  if (!state.evaluation?.report) throw conflict('no_report', 'award.noReport');
  const report = JSON.parse(state.evaluation.report) as EvaluationReport;
  const lot = report.lots.find((l) => l.number === input.lot);
  if (!lot) throw invalid([{ field: 'lot', key: 'evaluation.noSuchLot', params: { lot: input.lot } }]);
  if (state.awards.some((a) => a.lot === input.lot))
    throw conflict('duplicate', 'award.already', { lot: input.lot });
  const maxLots = state.plan?.maxLotsPerSupplier ?? null;
  const passedOver: PassedOver[] = [];
  let chosen: EvaluationReport['lots'][number]['ranking'][number] | undefined;
  for (const candidate of lot.ranking) {
    const failing = await recheckAtAward(ctx, candidate.bidId, candidate.organizationId);
    if (failing.length > 0) {
      passedOver.push({
        bidId: candidate.bidId,
        name: candidate.name,
        rule: 'recheck',
        reasons: failing,
        source: RECHECK_SOURCE,
      });
      continue;
    }
    const held = state.awards.filter((a) => a.organization_id === candidate.organizationId).length;
    if (maxLots !== null && held >= maxLots) {
      passedOver.push({
        bidId: candidate.bidId,
        name: candidate.name,
        rule: 'maxLots',
        reasons: [`${maxLots}`],
        source: MAX_LOTS_SOURCE,
      });
      continue;
    }
    chosen = candidate;
    break;
  }
  await insertAward(ctx.trx, {
    project_id: project.id,
    lot: input.lot,
    bid_id: chosen?.bidId ?? null,
    organization_id: chosen?.organizationId ?? null,
    amount_fen: chosen?.priceFen ?? null,
    passed_over: JSON.stringify(passedOver),
    confirmed_at: ctx.now.toISOString(),
    confirmed_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    contract_due_on: null,
    result_record_id: null,
  });
  const decided = state.awards.length + 1;
  let resultRecordId: string | null = null;
  if (decided === report.lots.length) resultRecordId = await publishResult(ctx, project, state, report);
  return {
    lot: input.lot,
    awarded: chosen
      ? {
          bidId: chosen.bidId,
          organizationId: chosen.organizationId,
          name: chosen.name,
          amountFen: chosen.priceFen,
        }
      : null,
    passedOver,
    resultRecordId,
  };
}

async function publishResult(
  ctx: Ctx,
  project: ProjectTable,
  state: EvaluationState,
  report: EvaluationReport,
) {
  const today = beijingDate(ctx.now);
  const awards = await awardsOf(ctx.trx, project.id);
  const department = (await findOrganization(ctx.trx, project.department_id))!;
  const contractDue = await dueOn(ctx, today, 'contract');
  const tender = project.method === 'openTender' || project.method === 'invitedTender';
  const lots = [];
  for (const l of report.lots) {
    const a = awards.find((x) => x.lot === l.number)!;
    const winner = a.organization_id ? await findOrganization(ctx.trx, a.organization_id) : undefined;
    lots.push({
      number: l.number,
      title: l.title,
      supplier: winner ? { id: winner.id, name: winner.name, uscc: winner.uscc } : null,
      amountFen: a.amount_fen,
      passedOver: (JSON.parse(a.passed_over) as PassedOver[]).map((p) => ({
        name: p.name,
        rule: p.rule,
        source: p.source,
      })),
      // Tenders publish each bidder's score (87号令 Art 69); other methods the ranking without scores.
      bidders: l.ranking.map((r) => ({
        rank: r.rank,
        name: r.name,
        priceFen: r.priceFen,
        total: tender && report.method === 'comprehensive' ? r.total : null,
      })),
    });
  }
  const record = await publish(ctx, {
    kind: RESULT_NOTICE_KIND,
    subjectId: project.id,
    title: `${project.title}（${tender ? '中标' : '成交'}结果公告）`,
    content: {
      project: {
        id: project.id,
        title: project.title,
        method: project.method,
        budgetFen: project.budget_fen,
      },
      department: { id: department.id, name: department.name },
      evaluationMethod: report.method,
      lots,
      // The panel as it sat: the names of its confirmed members (GPR Art 43).
      panel: state.members.map((m) => m.name),
      decidedOn: today,
      contractDueOn: contractDue,
      sources: { notice: RESULT_NOTICE_SOURCE, contract: EVALUATION_PERIODS.contract.source },
    },
  });
  // The panel's draw is revealed with the result notice — its seed, inputs and order — so that anyone can
  // re-run it (docs/draw.md). Every panel comes from a draw; one seated otherwise (a test fixture) has
  // nothing to reveal.
  const panel = await currentPanel(ctx.trx, project.id);
  if (panel && (await findDraw(ctx.trx, panel.id))) await revealDraw(ctx, project.id);
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'award',
    notice_date: today,
    deadline: null,
    moved_from: null,
    text: '',
    published_at: ctx.now.toISOString(),
    public_record_id: record.recordId,
  });
  await setAwardsPublished(ctx.trx, project.id, {
    result_record_id: record.recordId,
    contract_due_on: contractDue,
  });
  await updateEvaluation(ctx.trx, project.id, {
    decided_on: today,
    notice_due_on: await dueOn(ctx, today, 'resultNotice'),
    result_record_id: record.recordId,
  });
  await cancelTask(ctx, OVERDUE_TASKS.confirmation, project.id);
  // Every bidder that did not win a lot is told why: rejected with the panel's reason, or its rank and score.
  const winners = new Set(awards.map((a) => a.organization_id));
  const told = new Set<string>();
  for (const l of report.lots) {
    for (const r of l.rejected)
      if (!winners.has(r.organizationId) && !told.has(r.organizationId)) {
        told.add(r.organizationId);
        await sendMessage(ctx, {
          organizationId: r.organizationId,
          subjectKey: 'award.unsuccessful.rejected',
          params: { title: project.title, lot: l.number, reason: r.reason },
          link: `/records/${record.recordId}`,
        });
      }
    for (const r of l.ranking)
      if (!winners.has(r.organizationId) && !told.has(r.organizationId)) {
        told.add(r.organizationId);
        await sendMessage(ctx, {
          organizationId: r.organizationId,
          subjectKey: 'award.unsuccessful.ranked',
          params: { title: project.title, lot: l.number, rank: r.rank, total: r.total },
          link: `/records/${record.recordId}`,
        });
      }
  }
  if (awards.some((a) => a.bid_id !== null))
    await transition(ctx, projectLifecycle, project, 'award', { recordId: record.recordId });
  return record.recordId;
}
