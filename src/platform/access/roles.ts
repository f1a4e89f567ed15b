// Roles are held in an organization (a membership). Identifiers as in the domain guide.

export const ROLES = [
  'administrator',
  'purchaserStaff',
  'finance',
  'civilAffairs',
  'providerMember',
  'expert',
  'agency',
  'auditor',
] as const;
export type Role = (typeof ROLES)[number];

export const ORGANIZATION_KINDS = ['purchaser', 'socialOrganization', 'agency', 'bureau'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_LEVELS = ['city', 'district', 'street'] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

export const SOCIAL_ORGANIZATION_TYPES = ['association', 'foundation', 'serviceAgency'] as const;
export type SocialOrganizationType = (typeof SOCIAL_ORGANIZATION_TYPES)[number];

/** Which roles make sense in which kind of organization; memberships outside this table are refused. */
export const ROLES_BY_KIND: Record<OrganizationKind, readonly Role[]> = {
  purchaser: ['purchaserStaff', 'administrator'],
  bureau: ['finance', 'civilAffairs', 'auditor', 'expert', 'administrator', 'purchaserStaff'],
  socialOrganization: ['providerMember'],
  agency: ['agency', 'expert'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export interface Membership {
  organizationId: string;
  organizationName: string;
  organizationKind: OrganizationKind;
  organizationLevel: OrganizationLevel | null;
  role: Role;
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      name: string;
      memberships: readonly Membership[];
      via: 'session' | 'token';
    }
  | { kind: 'system'; name: string };

export const ANONYMOUS: Actor = { kind: 'anonymous' };
export const SYSTEM: Actor = { kind: 'system', name: 'scheduler' };

export function rolesOf(actor: Actor): Set<Role> {
  return new Set(actor.kind === 'user' ? actor.memberships.map((m) => m.role) : []);
}

export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/**
 * Whether a user holds one of `roles` in the organization `organizationId` — the building block of the
 * modules' subject rules (a department keeps its projects; an organization owns its bids). Administrators
 * are not special here: a policy that lets them act says so itself.
 */
export function holdsRoleIn(actor: Actor, roles: readonly Role[], organizationId: string): boolean {
  return (
    actor.kind === 'user' &&
    actor.memberships.some((m) => m.organizationId === organizationId && roles.includes(m.role))
  );
}

/** The organizations in which a user holds one of `roles`. */
export function organizationsWhere(actor: Actor, roles: readonly Role[]): string[] {
  if (actor.kind !== 'user') return [];
  return [...new Set(actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.organizationId))];
}
