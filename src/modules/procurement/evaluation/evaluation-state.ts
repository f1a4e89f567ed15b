// What every evaluation step decides on, read once: the project (held by the use-cases), its plan, the
// sitting panel and its confirmed members, the opened bids with their prices per lot, the reviews,
// explanations and sheets so far — and from them, what is still missing before the report.
import type { Executor } from '../../../platform/db/database.js';
import { bidsOf, membersOf } from '../bids/bids.repository.js';
import type { Method } from '../methods.js';
import type { OpenedBid } from '../opening/open-bids.js';
import { confirmedMembers, currentPanel } from '../panel/panel.repository.js';
import { lotsOf, type ProjectTable } from '../projects/projects.repository.js';
import {
  awardsOf,
  explanationsOf,
  findEvaluation,
  findPlan,
  reviewsOf,
  sheetsOf,
} from './evaluation.repository.js';
import { abnormallyLow, defaultPlan, type PlanInput } from './evaluation.rules.js';

export type EvaluationState = Awaited<ReturnType<typeof evaluationState>>;

/** The plan in force: the one set, or the method's default (negotiation, quotation: lowest price). */
export async function planOf(db: Executor, project: ProjectTable): Promise<PlanInput | null> {
  const row = await findPlan(db, project.id);
  return row ? (JSON.parse(row.plan) as PlanInput) : defaultPlan(project.method as Method);
}

export async function evaluationState(db: Executor, project: ProjectTable) {
  const plan = await planOf(db, project);
  const panel = await currentPanel(db, project.id);
  const members = panel ? await confirmedMembers(db, panel.id) : [];
  const lots = (await lotsOf(db, project.id)).filter((l) => l.outcome === 'proceeds');
  const opened = await bidsOf(db, project.id, ['opened']);
  const bidMembers = await membersOf(
    db,
    opened.map((b) => b.id),
  );
  const bids = opened.map((b) => {
    const content = JSON.parse(b.opened_content!) as OpenedBid;
    const lead = bidMembers.find((m) => m.bid_id === b.id && m.role === 'lead');
    return {
      id: b.id,
      organizationId: b.organization_id,
      name: lead?.name ?? '',
      uscc: lead?.uscc ?? null,
      lots: content.content.lots.map((l) => ({ number: l.number, priceFen: l.priceFen })),
    };
  });
  const reviews = await reviewsOf(db, project.id);
  const explanations = await explanationsOf(db, project.id);
  const sheets = (await sheetsOf(db, project.id)).filter((s) => s.panel_id === panel?.id);
  const evaluation = await findEvaluation(db, project.id);
  const awards = await awardsOf(db, project.id);

  const perLot = lots.map((lot) => {
    const entries = bids
      .filter((b) => b.lots.some((l) => l.number === lot.number))
      .map((b) => ({ bid: b, priceFen: b.lots.find((l) => l.number === lot.number)!.priceFen }));
    const reviewOf = (bidId: string) => reviews.find((r) => r.bid_id === bidId && r.lot === lot.number);
    const explanationOf = (bidId: string) =>
      explanations.find((e) => e.bid_id === bidId && e.lot === lot.number);
    const reviewed = entries.every((e) => reviewOf(e.bid.id) !== undefined);
    // Compliant: passed the review, and an abnormally low price explained to the panel's satisfaction.
    const compliant = entries.filter((e) => {
      if (reviewOf(e.bid.id)?.passed !== 1) return false;
      const x = explanationOf(e.bid.id);
      return !x || x.accepted === 1;
    });
    const unexplained = entries.filter((e) => {
      const x = explanationOf(e.bid.id);
      return x !== undefined && x.recorded_at === null;
    });
    const sheetsMissing =
      plan?.method === 'comprehensive'
        ? members.flatMap((m) =>
            compliant
              .filter(
                (e) =>
                  !sheets.some(
                    (s) => s.expert_id === m.expertId && s.bid_id === e.bid.id && s.lot === lot.number,
                  ),
              )
              .map((e) => ({ expertId: m.expertId, bidId: e.bid.id })),
          )
        : [];
    return {
      number: lot.number,
      title: lot.title,
      budgetFen: Number(lot.budget_fen),
      entries,
      reviewOf,
      explanationOf,
      reviewed,
      compliant,
      unexplained,
      sheetsMissing,
      ended: reviewed && unexplained.length === 0 && sheetsMissing.length === 0,
    };
  });
  return { project, plan, panel, members, bids, reviews, explanations, sheets, evaluation, awards, perLot };
}

/** The passed bids of a lot whose price must be explained (87号令 Art 60), by bid id. */
export function flaggedLow(lot: EvaluationState['perLot'][number]): string[] {
  const passed = lot.entries.filter((e) => lot.reviewOf(e.bid.id)?.passed === 1);
  return abnormallyLow(passed.map((e) => ({ key: e.bid.id, priceFen: e.priceFen })));
}
