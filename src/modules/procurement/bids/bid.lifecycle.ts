// A bid's lifecycle, as data (architecture rule 4): `sealed` at submission; then `replaced` or
// `withdrawn` by its bidder before the deadline, `discarded` when the procurement is terminated (its
// ciphertext deleted in all three), or at the opening `opened` (it matches its commitment) or `invalid`
// (altered ciphertext, a mismatch, a consortium not confirmed). Public labels: `bid.status.<state>`.
import { conflict } from '../../../platform/errors.js';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';

export const BID_STATES = ['sealed', 'replaced', 'withdrawn', 'discarded', 'opened', 'invalid'] as const;
export type BidStatus = (typeof BID_STATES)[number];

export const bidLifecycle = defineLifecycle({
  name: 'bid',
  table: 'bids',
  states: BID_STATES,
  initial: ['sealed'],
  final: ['replaced', 'withdrawn', 'discarded', 'opened', 'invalid'],
  labels: 'bid.status',
  transitions: {
    replace: { from: ['sealed'], to: 'replaced', by: 'bid.submit', publishes: 'bidCommitment' },
    withdraw: { from: ['sealed'], to: 'withdrawn', by: 'bid.submit' },
    discard: {
      from: ['sealed'],
      to: 'discarded',
      by: 'project.manage',
      publishes: 'terminationNotice',
      means: 'The procurement was terminated: the bid is never opened.',
    },
    open: { from: ['sealed'], to: 'opened', by: 'system', publishes: 'bidOpening' },
    invalidate: {
      from: ['sealed'],
      to: 'invalid',
      by: 'system',
      publishes: 'bidOpening',
      means:
        'At the opening the bid did not match its commitment, could not be read, or lacked a confirmation.',
    },
  },
  refuse: () => conflict('bid_ended', 'procurement.bid.ended'),
});
