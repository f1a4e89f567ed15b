// The panel's compliance review (资格性/符合性审查) of one bid in one lot: pass, or reject with the
// reason (87号令 Art 44, 50). When the last bid of a lot is reviewed, passed prices abnormally below the
// others' average must be explained (87号令 Art 60): the bidder is asked, through its inbox.
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid } from '../../../platform/errors.js';
import { sendMessage } from '../../../platform/notify/messages.js';
import { evaluationForMember, lotOf } from './evaluation.access.js';
import { evaluationState, flaggedLow } from './evaluation-state.js';
import { closeIfEnded } from './evaluation-steps.js';
import { insertExplanationRequest, insertReview } from './evaluation.repository.js';
import { ABNORMALLY_LOW, COMPLIANCE_SOURCE } from './evaluation.rules.js';

export interface ReviewInput {
  bidId: string;
  lot: number;
  passed: boolean;
  reason?: string | undefined;
}

export async function reviewBid(ctx: Ctx, projectId: string, input: ReviewInput) {
  const state = await evaluationForMember(ctx, projectId);
  if (state.evaluation) throw conflict('evaluation_ended', 'evaluation.ended');
  const { lot } = lotOf(state, input.lot, input.bidId);
  const reason = input.reason?.trim() ?? '';
  if (!input.passed && reason === '')
    throw invalid([
      { field: 'reason', key: 'evaluation.review.reasonRequired', params: { source: COMPLIANCE_SOURCE } },
    ]);
  if (lot.reviewOf(input.bidId)) throw conflict('duplicate', 'evaluation.review.already');
  await insertReview(ctx.trx, {
    project_id: projectId,
    bid_id: input.bidId,
    lot: input.lot,
    passed: input.passed ? 1 : 0,
    reason: reason || null,
    reviewed_by: state.member.expertId,
    reviewed_at: ctx.now.toISOString(),
  });
  const after = (await evaluationState(ctx.trx, state.project)).perLot.find((l) => l.number === input.lot)!;
  const flagged = after.reviewed ? flaggedLow(after) : [];
  for (const bidId of flagged) {
    await insertExplanationRequest(ctx.trx, {
      project_id: projectId,
      bid_id: bidId,
      lot: input.lot,
      requested_at: ctx.now.toISOString(),
      explanation: null,
      accepted: null,
      recorded_by: null,
      recorded_at: null,
    });
    const bid = after.entries.find((e) => e.bid.id === bidId)!.bid;
    await sendMessage(ctx, {
      organizationId: bid.organizationId,
      subjectKey: 'evaluation.explain.message',
      params: { title: state.project.title, lot: input.lot, source: ABNORMALLY_LOW.source },
    });
  }
  await closeIfEnded(ctx, state.project, state.panel!.id);
  return { bidId: input.bidId, lot: input.lot, passed: input.passed, explanationRequested: flagged };
}
