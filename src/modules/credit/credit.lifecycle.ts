// The lifecycle of an entry on the anomaly list or the serious-violation list (domain guide §8), as data
// (architecture rule 4). An entry is created `listed`; it is `removed` when civil affairs takes the
// organization off the list (an anomaly entry once its duty is done; the serious list as a whole, two
// years after its latest trigger), or by the scheduler when two years on the anomaly list move the
// organization to the serious list (a new, serious entry is created then). transition() is the only
// code that changes the status; the removal's date, reason, person and published record go with it.
import { conflict } from '../../platform/errors.js';
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.js';

export const LIST_ENTRY_STATES = ['listed', 'removed'] as const;
export type ListEntryStatus = (typeof LIST_ENTRY_STATES)[number];

export const listEntryLifecycle = defineLifecycle({
  name: 'creditListEntry',
  table: 'credit_list_entries',
  states: LIST_ENTRY_STATES,
  initial: ['listed'],
  final: ['removed'],
  labels: 'credit.listEntry.status',
  transitions: {
    remove: {
      from: ['listed'],
      to: 'removed',
      by: 'credit.manage',
      publishes: 'creditListRemoval',
      means: 'Civil affairs takes the organization off the list',
    },
    moveToSerious: {
      from: ['listed'],
      to: 'removed',
      by: 'system',
      publishes: 'creditListRemoval',
      means: 'Two years on the anomaly list: the entry leaves it for a new one on the serious list',
    },
  },
  // An entry already removed (by another request that came first) is no longer on the list: the answer
  // the API has always given for a list the organization is not on.
  refuse: () => conflict('not_listed', 'credit.notListed'),
});
