// The lifecycle of a catalogue version (architecture rule 4): a draft is published once and never changes
// again; a later version supersedes it in the public record (its record names the earlier one), while
// the earlier row stays `published`. A draft may be thrown away (row deletion, not a status change).
import { defineLifecycle } from '../../platform/lifecycle/lifecycle.js';
import { conflict } from '../../platform/errors.js';

export const catalogueLifecycle = defineLifecycle({
  name: 'catalogue',
  table: 'catalogues',
  states: ['draft', 'published'],
  initial: ['draft'],
  final: ['published'],
  labels: 'catalogue.status',
  transitions: {
    publish: {
      from: ['draft'],
      to: 'published',
      by: 'catalogue.manage',
      publishes: 'catalogue',
      means: 'The department publishes its draft; it supersedes the previous published version.',
    },
  },
  // The code the API has always answered with for a version that is no longer a draft.
  refuse: () => conflict('catalogue_published', 'catalogue.alreadyPublished'),
});

export type CatalogueStatus = (typeof catalogueLifecycle.states)[number];
