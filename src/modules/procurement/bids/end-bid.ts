// A sealed bid ends — replaced or withdrawn by its bidder, or discarded by a termination — through its
// lifecycle (bid.lifecycle.ts); its ciphertext goes, its commitment stays in the log.
import type { Ctx } from '../../../platform/context.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { bidLifecycle, type BidStatus } from './bid.lifecycle.js';
import { deleteSealedParts } from './bids.repository.js';

export async function endBid(
  ctx: Ctx,
  bid: { readonly id: string; readonly status: BidStatus },
  how: 'replace' | 'withdraw' | 'discard',
  replacedBy: string | null = null,
): Promise<void> {
  await transition(ctx, bidLifecycle, bid, how, {
    changes: { ended_at: ctx.now.toISOString(), replaced_by: replacedBy, ephemeral_key: null },
  });
  await deleteSealedParts(ctx.trx, bid.id);
}
