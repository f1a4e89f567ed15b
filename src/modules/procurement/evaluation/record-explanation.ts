// The bidder's written explanation of an abnormally low price, recorded by the panel with its verdict:
// accepted, or the bid is treated as invalid (87号令 Art 60).
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { evaluationForMember, lotOf } from './evaluation.access.js';
import { closeIfEnded } from './evaluation-steps.js';
import { recordExplanation } from './evaluation.repository.js';
import { ABNORMALLY_LOW } from './evaluation.rules.js';

export interface ExplanationInput {
  bidId: string;
  lot: number;
  explanation: string;
  accepted: boolean;
}

export async function recordPriceExplanation(ctx: Ctx, projectId: string, input: ExplanationInput) {
  const state = await evaluationForMember(ctx, projectId);
  if (state.evaluation) throw conflict('evaluation_ended', 'evaluation.ended');
  const { lot } = lotOf(state, input.lot, input.bidId);
  const request = lot.explanationOf(input.bidId);
  if (!request)
    throw invalid([
      { field: 'bidId', key: 'evaluation.explain.notRequested', params: { source: ABNORMALLY_LOW.source } },
    ]);
  if (request.recorded_at !== null) throw conflict('duplicate', 'evaluation.explain.already');
  const text = input.explanation.trim();
  if (text === '') throw invalid([{ field: 'explanation', key: 'validation.required' }]);
  const changed = await recordExplanation(
    ctx.trx,
    { projectId, bidId: input.bidId, lot: input.lot },
    {
      explanation: text,
      accepted: input.accepted ? 1 : 0,
      recorded_by: state.member.expertId,
      recorded_at: ctx.now.toISOString(),
    },
  );
  if (changed === 0) throw conflict('duplicate', 'evaluation.explain.already');
  await closeIfEnded(ctx, state.project, state.panel!.id);
  return { bidId: input.bidId, lot: input.lot, accepted: input.accepted };
}
