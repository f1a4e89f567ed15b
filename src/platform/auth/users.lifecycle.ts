// An account's lifecycle (architecture rule 4): active or disabled, by an administrator. Disabling ends
// the account's sessions and revokes its API tokens (update-user.ts); enabling it again gives it none back.
import { defineLifecycle } from '../lifecycle/lifecycle.js';

export const userLifecycle = defineLifecycle({
  name: 'user',
  table: 'users',
  states: ['active', 'disabled'],
  initial: ['active'],
  final: [],
  labels: 'user.status',
  transitions: {
    disable: {
      from: ['active'],
      to: 'disabled',
      by: 'admin.users.manage',
      means: 'The account may no longer log in or act; its sessions end and its API tokens are revoked.',
    },
    enable: {
      from: ['disabled'],
      to: 'active',
      by: 'admin.users.manage',
      means: 'The account may log in again (with new sessions and tokens).',
    },
  },
});
