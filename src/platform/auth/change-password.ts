import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { fieldError, unauthenticated } from '../errors.js';
import { audit } from './audit.js';
import { deleteSessionsOfUser, holdUser, updateUser } from './auth.repository.js';
import type { ChangePasswordBody } from './auth.schemas.js';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.js';
import { hashSecret } from './sessions.js';

/**
 * A user changes their own password; their other sessions end, the current one stays. The account is held
 * while the current password is checked: of two changes at once, the second checks against the first's.
 */
export async function changePassword(
  ctx: Ctx,
  input: Static<typeof ChangePasswordBody>,
  currentSessionSecret: string | undefined,
): Promise<void> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const user = await holdUser(ctx.trx, ctx.actor.userId);
  if (!user) throw unauthenticated();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw fieldError('currentPassword', 'validation.currentPasswordWrong');
  }
  if (input.newPassword !== input.confirmPassword)
    throw fieldError('confirmPassword', 'validation.passwordsDiffer');
  const weak = passwordProblem(input.newPassword, [user.email, user.phone, user.name]);
  if (weak) throw fieldError('newPassword', weak);
  await updateUser(ctx.trx, user.id, {
    password_hash: await hashPassword(input.newPassword),
    password_changed_at: ctx.now.toISOString(),
    updated_at: ctx.now.toISOString(),
  });
  await deleteSessionsOfUser(
    ctx.trx,
    user.id,
    currentSessionSecret ? hashSecret(currentSessionSecret) : undefined,
  );
  await audit(ctx, 'user.passwordChanged', { type: 'user', id: user.id });
}
