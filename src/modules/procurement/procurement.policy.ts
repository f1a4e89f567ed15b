// Every procurement action and who may take it, on which record (architecture rule 7; one policy file
// per module, in the manner of Outline's server/policies). Routes declare these actions; use-cases and
// queries ask can(actor, action, subject) with the project or the bid — never re-deciding the rule.
//
// - A department keeps its projects: its purchaser staff, and administrators (of any organization).
// - The finance bureau decides single source (and administrators).
// - An organization owns its bids: its provider members act for it (administrators do not bid, and
//   could not read a bid anyway).
import { defineActions } from '../../platform/access/policy.js';
import { holdsRoleIn, organizationsWhere, rolesOf, type Actor } from '../../platform/access/roles.js';

/** What the project rules look at: the department that keeps it. */
export interface ProjectSubject {
  readonly department_id: string;
}

/** What the bid rules look at: the organization acting (the bid's lead, a consortium member, a bidder). */
export interface BidderSubject {
  readonly organization_id: string;
}

const isAdministrator = (actor: Actor) => rolesOf(actor).has('administrator');

function keepsProject(actor: Actor, project: ProjectSubject): boolean {
  return isAdministrator(actor) || holdsRoleIn(actor, ['purchaserStaff'], project.department_id);
}

defineActions({
  // Open, document, invite, publish, correct, terminate, restart, award; read its opened bids.
  'project.manage': {
    roles: ['purchaserStaff', 'administrator'],
    system: true,
    subject: (actor, project) => keepsProject(actor, project as ProjectSubject),
  },
  'procurement.approveSingleSource': { roles: ['finance', 'administrator'] },
  // Submit, replace, withdraw a bid, or confirm a consortium, for an organization one is a member of.
  'bid.submit': {
    roles: ['providerMember'],
    subject: (actor, bidder) =>
      holdsRoleIn(actor, ['providerMember'], (bidder as BidderSubject).organization_id),
  },
});

/**
 * The departments whose projects the actor keeps, for lists: `undefined` for every department (an
 * administrator), none for anyone but a user. The list form of the `project.manage` rule above.
 */
export function departmentsKept(actor: Actor): string[] | undefined {
  if (actor.kind !== 'user') return [];
  if (isAdministrator(actor)) return undefined;
  return organizationsWhere(actor, ['purchaserStaff']);
}

/** The organizations the actor may bid for (the list form of the `bid.submit` rule above). */
export function biddingOrganizationsOf(actor: Actor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  return actor.memberships
    .filter((m) => m.role === 'providerMember' && m.organizationKind === 'socialOrganization')
    .map((m) => ({ id: m.organizationId, name: m.organizationName }));
}

/** What the challenge rules look at: the challenging organization and the department that keeps the project. */
export interface ChallengeSubject {
  readonly organization_id: string;
  readonly department_id: string;
}

// Inquiries and challenges (challenges/): anyone signed in may ask; a provider member challenges for its
// organization; the challenger, the department and the finance bureau (for a complaint) read a challenge
// with its evidence. The purchaser answers under `project.manage`.
defineActions({
  'procurement.inquire': { authenticated: true },
  'procurement.challenge': {
    roles: ['providerMember'],
    subject: (actor, bidder) =>
      holdsRoleIn(actor, ['providerMember'], (bidder as BidderSubject).organization_id),
  },
  'procurement.readChallenge': {
    roles: ['providerMember', 'purchaserStaff', 'finance', 'administrator'],
    subject: (actor, challenge) => {
      const c = challenge as ChallengeSubject;
      return (
        rolesOf(actor).has('finance') ||
        keepsProject(actor, c) ||
        holdsRoleIn(actor, ['providerMember'], c.organization_id)
      );
    },
  },
});

/** What the evaluation rules look at: the users who sit on the project's panel as confirmed members. */
export interface PanelSubject {
  readonly memberUserIds: readonly string[];
}

defineActions({
  // Review, explain, score, report: a confirmed member of the project's sitting panel (GPR Art 39, 41).
  'evaluation.score': {
    roles: ['expert'],
    subject: (actor, panel) => (panel as PanelSubject).memberUserIds.includes(actor.userId),
  },
  // Read an evaluation: the department that keeps the project, or a member of its panel.
  'evaluation.read': {
    roles: ['purchaserStaff', 'administrator', 'expert'],
    subject: (actor, s) =>
      keepsProject(actor, s as ProjectSubject) || (s as PanelSubject).memberUserIds.includes(actor.userId),
  },
});
// The draw (panel/): a drawn expert answers their own invitation (the use-case matches the user).
defineActions({ 'panel.respond': { roles: ['expert'] } });
