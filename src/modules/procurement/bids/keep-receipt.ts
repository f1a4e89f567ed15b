// A bidder's receipt, kept so that it can be opened again until the opening (issue 13 §6) without
// weakening the sealing: the receipt holds the bid in clear (content and salt), so the platform keeps it
// only boxed under a fresh key that it hands to the bidder's browser (a cookie scoped to the receipt's
// address, expiring at the opening) and does not store. The database alone — a copy, a backup, an
// operator — reads nothing of it; the box is deleted when the bid ends or is opened.
import type { Ctx } from '../../../platform/context.js';
import { boxForHolder, openHolderBox, SealingError } from '../../../platform/crypto/sealing.js';
import type { Actor } from '../../../platform/access/roles.js';
import { can } from '../../../platform/access/policy.js';
import type { Executor } from '../../../platform/db/database.js';
import { notFound } from '../../../platform/errors.js';
import { findBid, findReceiptBox, insertReceiptBox } from './bids.repository.js';
import type { BidReceipt } from './submit-bid.js';

const aad = (bidId: string) => `gongshi.bid-receipt.v1|${bidId}`;

/** Boxes the receipt in the caller's transaction; returns the key for the bidder's browser. */
export async function keepReceipt(ctx: Ctx, receipt: BidReceipt): Promise<string> {
  const { key, box } = boxForHolder(Buffer.from(JSON.stringify(receipt), 'utf8'), aad(receipt.bidId));
  await insertReceiptBox(ctx.trx, { bid_id: receipt.bidId, box, created_at: ctx.now.toISOString() });
  return key;
}

/**
 * The kept receipt of a bid, opened with the key the bidder's browser sent; `gone` once the bid ended or
 * was opened (the box is deleted then), `locked` without the right key (another browser, a cleared
 * cookie).
 */
export async function keptReceipt(
  db: Executor,
  actor: Actor,
  bidId: string,
  key: string | undefined,
): Promise<{ receipt: BidReceipt } | { missing: 'gone' | 'locked' }> {
  // Only the bidding organization's members learn that the bid exists (a 404 for anyone else).
  const bid = await findBid(db, bidId);
  if (!bid || !can(actor, 'bid.submit', bid)) throw notFound();
  const box = await findReceiptBox(db, bidId);
  if (!box) return { missing: 'gone' };
  if (!key) return { missing: 'locked' };
  try {
    return { receipt: JSON.parse(openHolderBox(key, box, aad(bidId)).toString('utf8')) as BidReceipt };
  } catch (error) {
    if (error instanceof SealingError) return { missing: 'locked' };
    throw error;
  }
}
