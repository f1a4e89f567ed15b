// The expert pool's actions (architecture rule 7). The finance bureau (and administrators) keeps the
// pool: registers experts, changes their standing, reads their declarations. An expert keeps their own
// declarations (ties, availability) and answers their panel invitations.
import { defineActions } from '../../platform/access/policy.js';
import type { Actor } from '../../platform/access/roles.js';

/** What the own-declaration rule looks at: the user the expert signs in as. */
export interface ExpertSubject {
  readonly user_id: string;
}

defineActions({
  'expert.manage': { roles: ['finance', 'administrator'], system: true },
  'expert.declare': {
    roles: ['expert'],
    subject: (actor, expert) => actor.userId === (expert as ExpertSubject).user_id,
  },
});

export function isExpertUser(actor: Actor): boolean {
  return actor.kind === 'user' && actor.memberships.some((m) => m.role === 'expert');
}
