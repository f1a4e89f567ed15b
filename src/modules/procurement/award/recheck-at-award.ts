// The re-check at award (issue 13 §4): every party of the winning bid — the lead and each consortium
// member — must still be eligible now (credit lists, registration; 财库〔2016〕125号), and the bid must
// carry the credit commitment sealed with it (GPL 第二十二条第一款; bids/credit-commitment.rules.ts).
// Returns the reasons a candidate fails, each with its source; none when it passes.
import type { Ctx } from '../../../platform/context.js';
import { eligibility } from '../../credit/index.js';
import { findBid, membersOf } from '../bids/bids.repository.js';
import { CREDIT_COMMITMENT_SOURCE } from '../bids/credit-commitment.rules.js';
import type { OpenedBid } from '../opening/open-bids.js';

export async function recheckAtAward(ctx: Ctx, bidId: string, leadId: string): Promise<string[]> {
  const reasons: string[] = [];
  const parties = new Set([leadId]);
  for (const m of await membersOf(ctx.trx, [bidId])) parties.add(m.organization_id);
  for (const organizationId of parties) {
    const verdict = await eligibility(ctx.trx, organizationId, ctx.now);
    if (!verdict.eligible)
      reasons.push(
        ...verdict.reasons.filter((r) => r.outcome === 'fail').map((r) => `${r.rule}: ${r.source}`),
      );
  }
  const bid = await findBid(ctx.trx, bidId);
  const opened = bid?.opened_content ? (JSON.parse(bid.opened_content) as OpenedBid) : null;
  if (!opened?.content.creditCommitment) reasons.push(`creditCommitment: ${CREDIT_COMMITMENT_SOURCE}`);
  return reasons;
}
