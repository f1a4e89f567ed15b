import type { Ctx } from '../context.js';
import { AppError, notFound } from '../http/errors.js';
import { audit } from './audit.js';
import {
  countActiveAdministrators,
  deleteMembership,
  findMembership,
  membershipRows,
} from './auth.repository.js';

/** Takes a role away. The last active administrator keeps theirs, so the platform stays manageable. */
export async function removeMembership(ctx: Ctx, userId: string, membershipId: string): Promise<void> {
  const membership = await findMembership(ctx.trx, membershipId);
  if (!membership || membership.user_id !== userId) throw notFound('error.membershipNotFound');
  if (membership.role === 'administrator') {
    const adminRoles = (await membershipRows(ctx.trx, userId)).filter((m) => m.role === 'administrator');
    if (adminRoles.length === 1 && (await countActiveAdministrators(ctx.trx)) <= 1) {
      throw new AppError(409, 'last_administrator', 'error.lastAdministrator');
    }
  }
  await deleteMembership(ctx.trx, membershipId);
  await audit(
    ctx,
    'membership.removed',
    { type: 'user', id: userId },
    {
      organizationId: membership.organization_id,
      role: membership.role,
    },
  );
}
