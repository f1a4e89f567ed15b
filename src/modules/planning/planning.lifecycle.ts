// The lifecycles of planning (architecture rule 4), as data: a procurement intention is drafted and
// published once (from then on procurement may start, 30 days later or at once with the urgent
// reason); a planned spending line is in force from the moment it is entered (and published) until the
// department withdraws it, which is published too. Contracted lines come from contracts and are never
// withdrawn. A draft intention may be thrown away (row deletion, not a status change).
import { conflict } from '../../platform/errors.js';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.js';

export const intentionLifecycle = defineLifecycle({
  name: 'intention',
  table: 'intentions',
  states: ['draft', 'published'],
  initial: ['draft'],
  final: ['published'],
  labels: 'planning.status',
  transitions: {
    publish: {
      from: ['draft'],
      to: 'published',
      by: 'intention.manage',
      publishes: 'procurementIntention',
      means: 'The department publishes its intention; procurement may start from the date it names.',
    },
  },
  refuse: () => conflict('intention_published', 'planning.alreadyPublished'),
});

export type IntentionStatus = (typeof intentionLifecycle.states)[number];

export const spendingLineLifecycle = defineLifecycle({
  name: 'spendingLine',
  table: 'spending_lines',
  states: ['inForce', 'withdrawn'],
  initial: ['inForce'],
  final: ['withdrawn'],
  labels: 'planning.lineStatus',
  transitions: {
    withdraw: {
      from: ['inForce'],
      to: 'withdrawn',
      by: 'spending.manage',
      publishes: 'plannedSpendingWithdrawn',
      means: 'The department withdraws a planned project from its annual plan, with its reason.',
    },
  },
  refuse: () => conflict('spending_withdrawn', 'planning.lineWithdrawn'),
});

export type SpendingLineStatus = (typeof spendingLineLifecycle.states)[number];
