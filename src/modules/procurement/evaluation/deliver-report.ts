// The panel's report (评审报告): per lot, the bids rejected with their reasons and the ranking of the
// compliant ones — totals = mean of the experts' scores + price score (87号令 Art 55), or prices low to
// high (lowest evaluated price) — level candidates separated by the published rule and then the policy's
// preferences (S6), the rule recorded. Delivered to the purchaser, who confirms within 5 working days.
import type { Ctx } from '../../../platform/context.js';
import { cancelTask } from '../../../platform/jobs/scheduler.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { conflict } from '../../../platform/errors.js';
import { eligibility } from '../../credit/index.js';
import { evaluationForMember } from './evaluation.access.js';
import type { EvaluationState } from './evaluation-state.js';
import { dueOn, OVERDUE_TASKS, scheduleOverdueCheck } from './evaluation-steps.js';
import { updateEvaluation } from './evaluation.repository.js';
import {
  ABNORMALLY_LOW,
  rank,
  round2,
  TIE_BREAK,
  type Candidate,
  type TieBreakRule,
} from './evaluation.rules.js';

export interface LotReport {
  number: number;
  title: string;
  rejected: { bidId: string; organizationId: string; name: string; reason: string }[];
  ranking: {
    rank: number;
    bidId: string;
    organizationId: string;
    name: string;
    priceFen: number;
    expertScore: number;
    priceScore: number;
    total: number;
    tied: boolean;
    decidedBy: { rule: TieBreakRule; source: string } | null;
  }[];
}

export interface EvaluationReport {
  method: 'comprehensive' | 'lowestPrice';
  priceWeight: number | null;
  lots: LotReport[];
}

/** The report of an evaluation whose steps are all done (pure over the state, plus preferences). */
export async function buildReport(ctx: Ctx, state: EvaluationState): Promise<EvaluationReport> {
  const plan = state.plan!;
  const priceWeight = plan.method === 'comprehensive' ? (plan.priceWeight ?? 0) : 0;
  const lots: LotReport[] = [];
  for (const lot of state.perLot) {
    const candidates: Candidate[] = [];
    for (const e of lot.compliant) {
      const sheets = state.sheets.filter((s) => s.bid_id === e.bid.id && s.lot === lot.number);
      const sums = sheets.map((s) => (JSON.parse(s.scores) as number[]).reduce((n, x) => n + x, 0));
      const mean = sums.length > 0 ? round2(sums.reduce((n, x) => n + x, 0) / sums.length) : 0;
      const prefs = (await eligibility(ctx.trx, e.bid.organizationId, ctx.now)).preferences.map(
        (p) => p.rule,
      );
      candidates.push({
        key: e.bid.id,
        priceFen: e.priceFen,
        expertScore: plan.method === 'comprehensive' ? mean : 0,
        preferences: {
          preferredGrade: prefs.includes('preferredGrade'),
          priorityDomain: prefs.includes('priorityDomain'),
          goodCredit: prefs.includes('goodCredit'),
        },
      });
    }
    const ranked = rank(plan.method, priceWeight, candidates);
    const entryOf = (bidId: string) => lot.entries.find((x) => x.bid.id === bidId)!;
    lots.push({
      number: lot.number,
      title: lot.title,
      rejected: lot.entries
        .filter((e) => !lot.compliant.includes(e))
        .map((e) => {
          const review = lot.reviewOf(e.bid.id);
          const x = lot.explanationOf(e.bid.id);
          return {
            bidId: e.bid.id,
            organizationId: e.bid.organizationId,
            name: e.bid.name,
            reason:
              review?.passed === 1 && x
                ? `${x.explanation ?? ''}（${ABNORMALLY_LOW.source}）`
                : (review?.reason ?? ''),
          };
        }),
      ranking: ranked.map((r) => ({
        rank: r.rank,
        bidId: r.key,
        organizationId: entryOf(r.key).bid.organizationId,
        name: entryOf(r.key).bid.name,
        priceFen: r.priceFen,
        expertScore: r.expertScore,
        priceScore: r.priceScore,
        total: r.total,
        tied: r.tied,
        decidedBy: r.decidedBy
          ? { rule: r.decidedBy, source: TIE_BREAK.find((t) => t.rule === r.decidedBy)!.source }
          : null,
      })),
    });
  }
  return { method: plan.method, priceWeight: plan.method === 'comprehensive' ? priceWeight : null, lots };
}

export async function deliverReport(ctx: Ctx, projectId: string) {
  const state = await evaluationForMember(ctx, projectId);
  if (!state.evaluation) throw conflict('evaluation_running', 'evaluation.report.notEnded');
  if (state.evaluation.report !== null) throw conflict('duplicate', 'evaluation.report.already');
  const report = await buildReport(ctx, state);
  const today = beijingDate(ctx.now);
  const confirmDue = await dueOn(ctx, today, 'confirmation');
  await updateEvaluation(ctx.trx, projectId, {
    report: JSON.stringify(report),
    reported_at: ctx.now.toISOString(),
    reported_by: state.member.expertId,
    confirm_due_on: confirmDue,
  });
  await cancelTask(ctx, OVERDUE_TASKS.report, projectId);
  await scheduleOverdueCheck(ctx, 'confirmation', projectId, confirmDue);
  return { report, reportDueOn: state.evaluation.report_due_on, confirmDueOn: confirmDue };
}
