import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { conflict, fieldError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { audit } from './audit.js';
import { findOrganization, findUserById, insertMembership, membershipRows } from './auth.repository.js';
import type { MembershipBody } from './auth.schemas.js';
import { ROLES_BY_KIND } from '../access/roles.js';

/** Gives a user a role in an organization; the role must suit the organization's kind. */
export async function addMembership(
  ctx: Ctx,
  userId: string,
  input: Static<typeof MembershipBody>,
): Promise<{ id: string }> {
  const user = await findUserById(ctx.trx, userId);
  if (!user) throw notFound('error.userNotFound');
  const org = await findOrganization(ctx.trx, input.organizationId);
  if (!org) throw fieldError('organizationId', 'validation.organizationUnknown');
  if (!ROLES_BY_KIND[org.kind].includes(input.role)) {
    throw fieldError('role', 'validation.roleNotForKind', { role: input.role, kind: org.kind });
  }
  const existing = await membershipRows(ctx.trx, userId);
  if (existing.some((m) => m.organization_id === org.id && m.role === input.role)) {
    throw conflict('duplicate_membership', 'error.duplicateMembership');
  }
  const id = newId(ctx.now);
  await insertMembership(ctx.trx, {
    id,
    user_id: userId,
    organization_id: org.id,
    role: input.role,
    created_at: ctx.now.toISOString(),
  });
  await audit(
    ctx,
    'membership.added',
    { type: 'user', id: userId },
    { organizationId: org.id, role: input.role },
  );
  return { id };
}
