// An organization's lifecycle (architecture rule 4): active or inactive. An administrator changes it
// (update-organization.ts), and so does civil affairs when it edits a social organization's registration
// (the organizations module calls the same use-case).
import { defineLifecycle } from '../lifecycle/lifecycle.js';

export const organizationLifecycle = defineLifecycle({
  name: 'organization',
  table: 'organizations',
  states: ['active', 'inactive'],
  initial: ['active'],
  final: [],
  labels: 'org.status',
  transitions: {
    deactivate: {
      from: ['active'],
      to: 'inactive',
      by: 'admin.organizations.manage',
      means: 'The organization no longer takes part; its records stay.',
    },
    activate: {
      from: ['inactive'],
      to: 'active',
      by: 'admin.organizations.manage',
      means: 'The organization takes part again.',
    },
  },
});
