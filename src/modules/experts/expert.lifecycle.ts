// An expert's standing in the pool, as data (architecture rule 4): `active` experts are drawn; the
// finance bureau suspends (a breach under review) and reinstates, or retires an expert for good.
import { conflict } from '../../platform/errors.js';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.js';
import { EXPERT_STATES } from './experts.repository.js';

export const expertLifecycle = defineLifecycle({
  name: 'expert',
  table: 'experts',
  states: EXPERT_STATES,
  initial: ['active'],
  final: ['retired'],
  labels: 'experts.status',
  transitions: {
    suspend: { from: ['active'], to: 'suspended', by: 'expert.manage' },
    reinstate: { from: ['suspended'], to: 'active', by: 'expert.manage' },
    retire: { from: ['active', 'suspended'], to: 'retired', by: 'expert.manage' },
  },
  refuse: (current) =>
    conflict('expert_state', 'experts.wrongState', { status: `@experts.status.${current}` }),
});
