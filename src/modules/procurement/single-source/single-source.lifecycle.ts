// A single-source request's lifecycle, as data (architecture rule 4): the department requests, the
// finance bureau approves (the pre-notice is published) or rejects; after a rejection the department
// may ask again. Public labels: `procurement.ss.status.<state>`.
import { conflict } from '../../../platform/errors.js';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';

export const SINGLE_SOURCE_STATES = ['requested', 'approved', 'rejected'] as const;
export type SingleSourceStatus = (typeof SINGLE_SOURCE_STATES)[number];

export const singleSourceLifecycle = defineLifecycle({
  name: 'singleSourceRequest',
  table: 'single_source_requests',
  states: SINGLE_SOURCE_STATES,
  initial: ['requested'],
  final: ['approved'],
  labels: 'procurement.ss.status',
  transitions: {
    approve: {
      from: ['requested'],
      to: 'approved',
      by: 'procurement.approveSingleSource',
      publishes: 'singleSourceNotice',
    },
    reject: { from: ['requested'], to: 'rejected', by: 'procurement.approveSingleSource' },
    requestAgain: { from: ['rejected'], to: 'requested', by: 'project.manage' },
  },
  refuse: (_current, transition) =>
    transition === 'requestAgain'
      ? conflict('single_source_requested', 'procurement.singleSourceRequested')
      : conflict('nothing_to_decide', 'procurement.nothingToDecide'),
});
