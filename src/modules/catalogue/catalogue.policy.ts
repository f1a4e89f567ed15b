// Who may do what with guidance catalogues (architecture rule 7): every action of the module and its
// subject rule, in one place. A department keeps its catalogue: its purchaser staff, and administrators
// (who keep every department's); the system (demo seeding) too. Every check goes through can().
import { defineActions } from '../../platform/access/policy.js';
import { holdsRoleIn, organizationsWhere, type Actor } from '../../platform/access/roles.js';

/** What a catalogue rule looks at: the department whose catalogue it is. */
export interface CatalogueSubject {
  readonly departmentId: string;
}

/** The roles that keep a department's catalogue, in that department. */
const KEEPERS = ['purchaserStaff'] as const;

/** Administrators keep every department's catalogue, wherever their membership is. */
const isAdministrator = (actor: Actor) => organizationsWhere(actor, ['administrator']).length > 0;

export const CATALOGUE_MANAGE = 'catalogue.manage';

defineActions({
  [CATALOGUE_MANAGE]: {
    roles: ['purchaserStaff', 'administrator'],
    system: true,
    subject: (actor, subject) =>
      isAdministrator(actor) || holdsRoleIn(actor, KEEPERS, (subject as CatalogueSubject).departmentId),
  },
});

/**
 * The departments whose catalogues the actor keeps — the same rule as a list, for a workspace: every
 * department (`undefined`) for an administrator.
 */
export function departmentsKeptBy(actor: Actor): string[] | undefined {
  if (isAdministrator(actor)) return undefined;
  return organizationsWhere(actor, KEEPERS);
}
