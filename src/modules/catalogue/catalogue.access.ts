// Who may keep a department's catalogue: its purchaser staff, and administrators.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import type { OrganizationTable } from '../../platform/db/schema.js';
import { fieldError, forbidden, unauthenticated } from '../../platform/http/errors.js';
import type { Actor } from '../../platform/auth/roles.js';

/** Departments keep catalogues: purchasers (city, district, street) and bureaus. */
export function isDepartment(org: { kind: string }): boolean {
  return org.kind === 'purchaser' || org.kind === 'bureau';
}

/** Whether the actor keeps this department's catalogue. */
export function keepsCatalogueOf(actor: Actor, departmentId: string): boolean {
  if (actor.kind === 'system') return true;
  if (actor.kind !== 'user') return false;
  return actor.memberships.some(
    (m) => m.role === 'administrator' || (m.role === 'purchaserStaff' && m.organizationId === departmentId),
  );
}

/** The departments whose catalogues the actor keeps (all of them for an administrator: `undefined`). */
export function departmentsKeptBy(actor: Actor): string[] | undefined {
  if (actor.kind !== 'user') return [];
  if (actor.memberships.some((m) => m.role === 'administrator')) return undefined;
  return [
    ...new Set(actor.memberships.filter((m) => m.role === 'purchaserStaff').map((m) => m.organizationId)),
  ];
}

/**
 * The department a use-case acts for: it exists, is a department, and the actor keeps it. `refusal`
 * says, in the caller's words, why another department's staff are refused.
 */
export async function departmentFor(
  ctx: Ctx,
  departmentId: string,
  refusal = 'catalogue.notYourDepartment',
): Promise<OrganizationTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const org = await findOrganization(ctx.trx, departmentId);
  if (!org || !isDepartment(org)) throw fieldError('departmentId', 'catalogue.notDepartment');
  if (!keepsCatalogueOf(ctx.actor, org.id)) throw forbidden(refusal);
  return org;
}
