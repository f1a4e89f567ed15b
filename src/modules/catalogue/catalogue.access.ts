// The department a catalogue use-case acts for, checked through the policy (catalogue.policy.ts).
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import type { OrganizationTable } from '../../platform/db/schema.js';
import { fieldError, forbidden, unauthenticated } from '../../platform/errors.js';
import { can } from '../../platform/access/policy.js';
import { CATALOGUE_MANAGE } from './catalogue.policy.js';

/** Departments keep catalogues: purchasers (city, district, street) and bureaus. */
export function isDepartment(org: { kind: string }): boolean {
  return org.kind === 'purchaser' || org.kind === 'bureau';
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
  if (!can(ctx.actor, CATALOGUE_MANAGE, { departmentId: org.id })) throw forbidden(refusal);
  return org;
}
