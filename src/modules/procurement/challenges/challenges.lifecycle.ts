// The lifecycles of inquiries and challenges, as data (architecture rule 4). An inquiry is asked, then
// answered (the answer is published). A challenge is filed, then answered — rejected or upheld, the
// answer published — or withdrawn by its supplier before the answer. Public labels:
// `procurement.inquiry.status.<state>` and `procurement.challenge.status.<state>`.
import { conflict } from '../../../platform/errors.js';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';

export const INQUIRY_STATES = ['asked', 'answered'] as const;
export type InquiryStatus = (typeof INQUIRY_STATES)[number];

export const inquiryLifecycle = defineLifecycle({
  name: 'procurementInquiry',
  table: 'procurement_inquiries',
  states: INQUIRY_STATES,
  initial: ['asked'],
  final: ['answered'],
  labels: 'procurement.inquiry.status',
  transitions: {
    answer: {
      from: ['asked'],
      to: 'answered',
      by: 'project.manage',
      publishes: 'inquiryAnswer',
      means: 'The purchaser answers the inquiry (within 3 working days, GPR Art 52); the answer is public.',
    },
  },
  refuse: () => conflict('inquiry_answered', 'procurement.inquiry.answered'),
});

export const CHALLENGE_STATES = ['filed', 'rejected', 'upheld', 'withdrawn'] as const;
export type ChallengeStatus = (typeof CHALLENGE_STATES)[number];

export const challengeLifecycle = defineLifecycle({
  name: 'procurementChallenge',
  table: 'procurement_challenges',
  states: CHALLENGE_STATES,
  initial: ['filed'],
  final: ['rejected', 'upheld', 'withdrawn'],
  labels: 'procurement.challenge.status',
  transitions: {
    reject: {
      from: ['filed'],
      to: 'rejected',
      by: 'project.manage',
      publishes: 'challengeAnswer',
      means: 'The purchaser finds the challenge unfounded (GPL Art 53); the answer is public.',
    },
    uphold: {
      from: ['filed'],
      to: 'upheld',
      by: 'project.manage',
      publishes: 'challengeAnswer',
      means: 'The purchaser upholds the challenge, with its effect (94号令 Art 16); the answer is public.',
    },
    withdraw: {
      from: ['filed'],
      to: 'withdrawn',
      by: 'procurement.challenge',
      means: 'The supplier withdraws its challenge before the answer.',
    },
  },
  refuse: () => conflict('challenge_closed', 'procurement.challenge.closed'),
});
