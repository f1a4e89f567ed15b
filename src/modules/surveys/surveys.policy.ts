// Who may do what with needs surveys (architecture rule 7): every action of the module and its subject
// rule, in one place. A department keeps its surveys: the purchaser staff of the organization that owns
// the survey (administrators are not survey keepers); the system (demo seeding) too. Answering is
// public, through a one-time link (`public.read`). Every check goes through can().
import { defineActions } from '../../platform/access/policy.js';
import { holdsRoleIn, type Actor } from '../../platform/access/roles.js';

/** What a survey rule looks at: the organization that owns the survey (or is to own a new one). */
export interface SurveySubject {
  readonly ownerOrganizationId: string;
}

/** The roles that keep a survey, in the organization that owns it. */
export const SURVEY_ROLES = ['purchaserStaff'] as const;

export const SURVEY_MANAGE = 'survey.manage';

defineActions({
  [SURVEY_MANAGE]: {
    roles: SURVEY_ROLES,
    system: true,
    subject: (actor, subject) =>
      holdsRoleIn(actor, SURVEY_ROLES, (subject as SurveySubject).ownerOrganizationId),
  },
});

/** The organizations in which the actor keeps surveys — the same rule as a list, with their names. */
export function surveyOrganizations(actor: Actor): { id: string; name: string }[] {
  if (actor.kind !== 'user') return [];
  const seen = new Map<string, string>();
  for (const m of actor.memberships)
    if ((SURVEY_ROLES as readonly string[]).includes(m.role)) seen.set(m.organizationId, m.organizationName);
  return [...seen].map(([id, name]) => ({ id, name }));
}
