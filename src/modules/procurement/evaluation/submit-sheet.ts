// An expert's scoring sheet for one compliant bid in one lot: a score per criterion of the plan, each
// within the criterion's range (87号令 Art 55; GPR Art 41: each expert scores independently). Once.
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid, type FieldProblem } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { evaluationForMember, lotOf } from './evaluation.access.js';
import { closeIfEnded } from './evaluation-steps.js';
import { insertSheet } from './evaluation.repository.js';
import { EVALUATION_METHOD_SOURCES, round2, SCORING_SOURCE } from './evaluation.rules.js';

export interface SheetInput {
  bidId: string;
  lot: number;
  scores: number[];
}

export async function submitSheet(ctx: Ctx, projectId: string, input: SheetInput) {
  const state = await evaluationForMember(ctx, projectId);
  if (state.evaluation) throw conflict('evaluation_ended', 'evaluation.ended');
  const plan = state.plan;
  if (plan?.method !== 'comprehensive')
    throw conflict('no_scoring', 'evaluation.sheet.lowestPrice', {
      source: EVALUATION_METHOD_SOURCES.lowestPrice,
    });
  const { lot } = lotOf(state, input.lot, input.bidId);
  if (!lot.compliant.some((e) => e.bid.id === input.bidId))
    throw invalid([{ field: 'bidId', key: 'evaluation.sheet.notCompliant' }]);
  const criteria = plan.criteria ?? [];
  const problems: FieldProblem[] = [];
  if (input.scores.length !== criteria.length)
    problems.push({ field: 'scores', key: 'evaluation.sheet.count', params: { count: criteria.length } });
  else
    input.scores.forEach((s, i) => {
      const c = criteria[i]!;
      if (!(s >= c.min && s <= c.max) || round2(s) !== s)
        problems.push({
          field: `scores.${i}`,
          key: 'evaluation.sheet.range',
          params: { name: c.name, min: c.min, max: c.max, source: SCORING_SOURCE },
        });
    });
  if (problems.length > 0) throw invalid(problems);
  const expertId = state.member.expertId;
  if (state.sheets.some((s) => s.expert_id === expertId && s.bid_id === input.bidId && s.lot === input.lot))
    throw conflict('duplicate', 'evaluation.sheet.already');
  const id = newId(ctx.now);
  await insertSheet(ctx.trx, {
    id,
    project_id: projectId,
    panel_id: state.panel!.id,
    expert_id: expertId,
    bid_id: input.bidId,
    lot: input.lot,
    scores: JSON.stringify(input.scores),
    submitted_at: ctx.now.toISOString(),
  });
  const ended = await closeIfEnded(ctx, state.project, state.panel!.id);
  return { id, total: round2(input.scores.reduce((n, s) => n + s, 0)), evaluationEnded: ended };
}
