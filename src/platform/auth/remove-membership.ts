import type { Ctx } from '../context.js';
import { AppError, conflict, notFound } from '../errors.js';
import { audit } from './audit.js';
import {
  countActiveAdministrators,
  deleteMembership,
  findMembership,
  holdAdministratorRoles,
  membershipRows,
} from './auth.repository.js';

/**
 * Takes a role away. The last active administrator keeps theirs, so the platform stays manageable: the
 * administrator roles are held while counting, so two administrators removing each other at once count
 * one after the other. A role another request is taking away at the same moment is a conflict; one
 * already gone is not found.
 */
export async function removeMembership(ctx: Ctx, userId: string, membershipId: string): Promise<void> {
  const membership = await findMembership(ctx.trx, membershipId);
  if (!membership || membership.user_id !== userId) throw notFound('error.membershipNotFound');
  if (membership.role === 'administrator') {
    await holdAdministratorRoles(ctx.trx);
    const adminRoles = (await membershipRows(ctx.trx, userId)).filter((m) => m.role === 'administrator');
    if (!adminRoles.some((m) => m.id === membershipId)) throw alreadyRemoved();
    if (adminRoles.length === 1 && (await countActiveAdministrators(ctx.trx)) <= 1) {
      throw new AppError(409, 'last_administrator', 'error.lastAdministrator');
    }
  }
  if (!(await deleteMembership(ctx.trx, membershipId))) throw alreadyRemoved();
  await audit(
    ctx,
    'membership.removed',
    { type: 'user', id: userId },
    {
      membershipId,
      organizationId: membership.organization_id,
      role: membership.role,
    },
  );
}

function alreadyRemoved(): AppError {
  return conflict('membership_removed', 'error.membershipRemoved');
}
