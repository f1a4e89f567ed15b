// Who may do what in planning (architecture rule 7): every action of the module and its subject rule,
// in one place. A department keeps its intentions and its annual plan: its purchaser staff, and
// administrators (who keep every department's); the system (demo seeding) too. Every check goes
// through can().
import { defineActions, type ActionRule } from '../../platform/access/policy.js';
import { holdsRoleIn, organizationsWhere, type Actor } from '../../platform/access/roles.js';

/** What a planning rule looks at: the department whose intention or spending line it is. */
export interface PlanningSubject {
  readonly departmentId: string;
}

/** The roles that keep a department's plans, in that department. */
const KEEPERS = ['purchaserStaff'] as const;

/** Administrators keep every department's plans, wherever their membership is. */
const isAdministrator = (actor: Actor) => organizationsWhere(actor, ['administrator']).length > 0;

const keptByDepartment: ActionRule = {
  roles: ['purchaserStaff', 'administrator'],
  system: true,
  subject: (actor, subject) =>
    isAdministrator(actor) || holdsRoleIn(actor, KEEPERS, (subject as PlanningSubject).departmentId),
};

/** Drafting, changing, publishing and discarding a department's procurement intentions. */
export const INTENTION_MANAGE = 'intention.manage';
/** Adding projects to a department's annual plan and withdrawing them. */
export const SPENDING_MANAGE = 'spending.manage';

defineActions({ [INTENTION_MANAGE]: keptByDepartment, [SPENDING_MANAGE]: keptByDepartment });

/**
 * The departments whose plans the actor keeps — the same rule as a list, for a workspace: every
 * department (`undefined`) for an administrator.
 */
export function planningDepartments(actor: Actor): string[] | undefined {
  if (isAdministrator(actor)) return undefined;
  return organizationsWhere(actor, KEEPERS);
}
