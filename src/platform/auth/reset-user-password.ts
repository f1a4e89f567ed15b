import type { Ctx } from '../context.js';
import { notFound } from '../errors.js';
import { audit } from './audit.js';
import { deleteSessionsOfUser, holdUser, updateUser } from './auth.repository.js';
import { generatePassword, hashPassword } from './passwords.js';

/**
 * An administrator sets a new random password for an account (e.g. its holder forgot it). Every
 * session of the account ends; the password is shown once to the administrator.
 */
export async function resetUserPassword(ctx: Ctx, userId: string): Promise<{ password: string }> {
  const user = await holdUser(ctx.trx, userId);
  if (!user) throw notFound('error.userNotFound');
  const password = generatePassword();
  await updateUser(ctx.trx, userId, {
    password_hash: await hashPassword(password),
    password_changed_at: ctx.now.toISOString(),
    failed_logins: 0,
    locked_until: null,
    updated_at: ctx.now.toISOString(),
  });
  await deleteSessionsOfUser(ctx.trx, userId);
  await audit(ctx, 'user.passwordReset', { type: 'user', id: userId });
  return { password };
}
