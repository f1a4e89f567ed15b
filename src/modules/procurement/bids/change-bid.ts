// What a bidder does with a sealed bid before the deadline: replace it, withdraw it, or — a consortium
// member — confirm taking part. Each one under the project's bids lock, while the project takes bids.
import { can } from '../../../platform/access/policy.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict, invalid, notFound, unauthenticated } from '../../../platform/errors.js';
import { findProject } from '../projects/projects.repository.js';
import { lockProjectBids } from '../opening/opening-schedule.js';
import { confirmMember, findBid, membersOf, sealedBidsWith } from './bids.repository.js';
import { endBid } from './end-bid.js';
import { assertTakingBids, ONE_BID_SOURCE, submitBid, type BidInput, type BidReceipt } from './submit-bid.js';
import { CREDIT_COMMITMENT_SOURCE } from './credit-commitment.rules.js';

/** Replaces one's own sealed bid with a new one (new receipt); the old ciphertext is deleted. */
export async function replaceBid(ctx: Ctx, bidId: string, input: BidInput): Promise<BidReceipt> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const bid = await findBid(ctx.trx, bidId);
  if (!bid || !ownMembership(ctx, bid.organization_id)) throw notFound('procurement.bid.notFound');
  assertTakingBids(ctx, (await findProject(ctx.trx, bid.project_id))!);
  if (bid.status !== 'sealed') throw conflict('bid_ended', 'procurement.bid.ended');
  if (input.organizationId !== undefined && input.organizationId !== bid.organization_id)
    throw invalid([{ field: 'organizationId', key: 'procurement.bid.replaceOtherOrganization' }]);
  return submitBid(
    ctx,
    bid.project_id,
    { ...input, organizationId: bid.organization_id },
    { replaces: bid.id },
  );
}

/**
 * A consortium member's confirmation, by one of its own people, before the deadline. Refused when the
 * member already takes part in another sealed bid of the project (GPR Art 22).
 */
export async function confirmConsortium(
  ctx: Ctx,
  bidId: string,
  organizationId: string | undefined,
  creditCommitment: boolean,
): Promise<void> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  // Confirming is the member's own credit commitment (GPL Art 24: each party meets Art 22).
  if (creditCommitment !== true)
    throw invalid([
      {
        field: 'creditCommitment',
        key: 'procurement.bid.creditCommitmentRequired',
        params: { source: CREDIT_COMMITMENT_SOURCE },
      },
    ]);
  const bid = await findBid(ctx.trx, bidId);
  if (!bid) throw notFound('procurement.bid.notFound');
  const mine = (await membersOf(ctx.trx, [bid.id])).filter(
    (m) => m.role === 'member' && ownMembership(ctx, m.organization_id),
  );
  // Only a named member learns that the bid exists.
  if (mine.length === 0) throw notFound('procurement.bid.notFound');
  const member =
    organizationId === undefined ? mine[0]! : mine.find((m) => m.organization_id === organizationId);
  if (!member) throw invalid([{ field: 'organizationId', key: 'procurement.bid.notYourOrganization' }]);
  await lockProjectBids(ctx, bid.project_id);
  assertTakingBids(ctx, (await findProject(ctx.trx, bid.project_id))!);
  if ((await findBid(ctx.trx, bid.id))!.status !== 'sealed')
    throw conflict('bid_ended', 'procurement.bid.ended');
  if ((await sealedBidsWith(ctx.trx, bid.project_id, [member.organization_id])).length > 0)
    throw new AppError(409, 'duplicate_bid', 'procurement.bid.alreadyTakingPart', { source: ONE_BID_SOURCE });
  if ((await confirmMember(ctx.trx, bid.id, member.organization_id, ctx.now.toISOString())) === 0)
    throw conflict('already_confirmed', 'procurement.bid.alreadyConfirmed');
}

/** Withdraws a sealed bid before the deadline: its ciphertext is deleted; its commitment stays in the log. */
export async function withdrawBid(ctx: Ctx, bidId: string): Promise<void> {
  const bid = await findBid(ctx.trx, bidId);
  if (!bid) throw notFound('procurement.bid.notFound');
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  // Someone else's bid is not found, not forbidden: whether it exists is nobody else's business.
  if (!ownMembership(ctx, bid.organization_id)) throw notFound('procurement.bid.notFound');
  await lockProjectBids(ctx, bid.project_id);
  const project = (await findProject(ctx.trx, bid.project_id))!;
  assertTakingBids(ctx, project);
  // Ended already (read before the lock, or since): 409 (the lifecycle's refusal).
  await endBid(ctx, bid, 'withdraw');
}

/** Whether the actor acts for this organization's bids (procurement.policy.ts, `bid.submit`). */
function ownMembership(ctx: Ctx, organizationId: string): boolean {
  return can(ctx.actor, 'bid.submit', { organization_id: organizationId });
}
