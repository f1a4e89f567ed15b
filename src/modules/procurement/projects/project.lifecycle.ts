// A procurement project's lifecycle, as data (architecture rule 4): its states (public labels
// `procurement.status.<state>`), the transitions with the action that fires each and the record it
// publishes. transition() (platform/lifecycle) is the one way a project's status changes.
import { conflict } from '../../../platform/errors.js';
import { defineLifecycle } from '../../../platform/lifecycle/lifecycle.js';

export const PROJECT_STATES = ['draft', 'open', 'opened', 'failed', 'awarded', 'terminated'] as const;
export type ProjectStatus = (typeof PROJECT_STATES)[number];

export const projectLifecycle = defineLifecycle({
  name: 'procurementProject',
  table: 'procurement_projects',
  states: PROJECT_STATES,
  initial: ['draft'],
  final: ['failed', 'awarded', 'terminated'],
  labels: 'procurement.status',
  transitions: {
    publishNotice: {
      from: ['draft'],
      to: 'open',
      by: 'project.manage',
      publishes: 'tenderNotice',
      means: 'The tender (or invitation, negotiation, consultation, quotation) notice is published.',
    },
    approveSingleSource: {
      from: ['draft'],
      to: 'open',
      by: 'procurement.approveSingleSource',
      publishes: 'singleSourceNotice',
      means: 'The finance bureau approves a single source: the pre-notice runs, the supplier may respond.',
    },
    terminate: { from: ['open'], to: 'terminated', by: 'project.manage', publishes: 'terminationNotice' },
    openBids: {
      from: ['open'],
      to: 'opened',
      by: 'system',
      publishes: 'bidOpening',
      means: 'At the deadline, enough responses for at least one lot.',
    },
    fail: {
      from: ['open'],
      to: 'failed',
      by: 'system',
      publishes: 'failureNotice',
      means: 'At the deadline, too few responses for every lot (GPL Art 36).',
    },
    award: { from: ['opened'], to: 'awarded', by: 'project.manage', publishes: 'awardNotice' },
  },
  // The code and message the API has always answered with.
  refuse: (current) => conflict('project_state', 'procurement.wrongState', { status: current }),
});
