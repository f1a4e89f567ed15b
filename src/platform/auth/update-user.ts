import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { AppError, fieldError, invalid, notFound, type FieldProblem } from '../errors.js';
import { transition } from '../lifecycle/lifecycle.js';
import { normalizeEmail, normalizePhone } from '../validation/contact.js';
import { audit } from './audit.js';
import {
  countActiveAdministrators,
  deleteSessionsOfUser,
  findUserByLogin,
  holdAdministratorRoles,
  holdUser,
  membershipRows,
  revokeApiTokensOfUser,
  updateUser as updateUserRow,
} from './auth.repository.js';
import type { UpdateUserBody } from './auth.schemas.js';
import { userLifecycle } from './users.lifecycle.js';

/**
 * An administrator edits an account: details, status (disabling ends its sessions) or a lock. The account
 * is held while deciding (and, for a disabling, the administrator roles first, as removing a role holds
 * them); an edit that changes nothing — a repeat — records nothing.
 */
export async function updateUser(
  ctx: Ctx,
  userId: string,
  input: Static<typeof UpdateUserBody>,
): Promise<void> {
  if (input.status === 'disabled') await holdAdministratorRoles(ctx.trx);
  const user = await holdUser(ctx.trx, userId);
  if (!user) throw notFound('error.userNotFound');

  const problems: FieldProblem[] = [];
  let email = user.email;
  let phone = user.phone;
  if (input.email !== undefined) {
    email = input.email === null ? null : (normalizeEmail(input.email) ?? null);
    if (input.email !== null && email === null)
      problems.push({ field: 'email', key: 'validation.format.email' });
  }
  if (input.phone !== undefined) {
    phone = input.phone === null ? null : (normalizePhone(input.phone) ?? null);
    if (input.phone !== null && phone === null) problems.push({ field: 'phone', key: 'validation.phone' });
  }
  if (email === null && phone === null) problems.push({ field: 'email', key: 'validation.emailOrPhone' });
  if (problems.length > 0) throw invalid(problems);

  if (email && email !== user.email) {
    const other = await findUserByLogin(ctx.trx, { email });
    if (other && other.id !== userId)
      throw fieldError('email', 'validation.emailTaken', {}, 'duplicate_email');
  }
  if (phone && phone !== user.phone) {
    const other = await findUserByLogin(ctx.trx, { phone });
    if (other && other.id !== userId)
      throw fieldError('phone', 'validation.phoneTaken', {}, 'duplicate_phone');
  }

  if (input.status === 'disabled' && user.status === 'active') {
    const isAdmin = (await membershipRows(ctx.trx, userId)).some((m) => m.role === 'administrator');
    if (isAdmin && (await countActiveAdministrators(ctx.trx)) <= 1) {
      throw new AppError(409, 'last_administrator', 'error.lastAdministrator');
    }
    if (ctx.actor.kind === 'user' && ctx.actor.userId === userId) {
      throw new AppError(409, 'cannot_disable_self', 'error.cannotDisableSelf');
    }
  }

  const changes = {
    name: input.name ?? user.name,
    email,
    phone,
    locale: input.locale ?? user.locale,
  };
  const status = input.status ?? user.status;
  const unlocks = input.unlock === true && (user.locked_until !== null || user.failed_logins !== 0);
  const same = (Object.keys(changes) as (keyof typeof changes)[]).every((k) => changes[k] === user[k]);
  if (same && status === user.status && !unlocks) return;
  const row = {
    ...changes,
    ...(unlocks ? { locked_until: null, failed_logins: 0 } : {}),
    updated_at: ctx.now.toISOString(),
  };
  // A change of status is a transition of the account's lifecycle, with the other changes in one update.
  if (status !== user.status)
    await transition(ctx, userLifecycle, user, status === 'disabled' ? 'disable' : 'enable', {
      changes: row,
    });
  else await updateUserRow(ctx.trx, userId, row);
  // Disabling ends the account's sessions and revokes its API tokens for good: an account enabled again
  // starts with new ones, so a token handed to a program by someone who left cannot come back to life.
  let tokensRevoked = 0;
  if (input.status === 'disabled') {
    await deleteSessionsOfUser(ctx.trx, userId);
    tokensRevoked = await revokeApiTokensOfUser(ctx.trx, userId, ctx.now.toISOString());
  }

  const changed = Object.keys(input).filter((k) => k !== 'unlock');
  await audit(
    ctx,
    input.unlock ? 'user.unlocked' : 'user.updated',
    { type: 'user', id: userId },
    {
      fields: changed.join(','),
      ...(tokensRevoked > 0 ? { tokensRevoked } : {}),
    },
  );
}
