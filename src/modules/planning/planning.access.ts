// The department a planning use-case acts for, checked through the policy (planning.policy.ts).
import { findOrganization } from '../../platform/auth/auth.repository.js';
import { can } from '../../platform/access/policy.js';
import type { Ctx } from '../../platform/context.js';
import type { OrganizationTable } from '../../platform/db/schema.js';
import { fieldError, forbidden, unauthenticated } from '../../platform/errors.js';
import { isDepartment } from '../catalogue/index.js';
import type { INTENTION_MANAGE, SPENDING_MANAGE } from './planning.policy.js';

/** The department exists, is a department, and the actor may do `action` for it. */
export async function planningDepartment(
  ctx: Ctx,
  departmentId: string,
  action: typeof INTENTION_MANAGE | typeof SPENDING_MANAGE,
): Promise<OrganizationTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const org = await findOrganization(ctx.trx, departmentId);
  if (!org || !isDepartment(org)) throw fieldError('departmentId', 'catalogue.notDepartment');
  if (!can(ctx.actor, action, { departmentId: org.id })) throw forbidden('planning.notYourDepartment');
  return org;
}
