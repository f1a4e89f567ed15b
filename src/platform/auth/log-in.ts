// Log-in by e-mail or mobile number. The answer is the same for an unknown name, a wrong password, a
// disabled or a locked account, and takes the same time; the failure counter is committed even though
// the log-in fails, which is why this returns a result instead of throwing.
import type { Ctx } from '../context.js';
import { parseLoginName } from '../validation/contact.js';
import { audit } from './audit.js';
import { deleteSession, findUserByLogin, updateUser } from './auth.repository.js';
import { verifyAgainstDummy, verifyPassword } from './passwords.js';
import { createSession, hashSecret, type SessionSettings } from './sessions.js';

export interface LogInSettings extends SessionSettings {
  maxFailures: number;
  lockMinutes: number;
}

export interface LogInInput {
  login: string;
  password: string;
  userAgent: string | null;
  /** The visitor's current session, if any: replaced, so a session id is never reused across log-ins. */
  previousSessionSecret?: string | undefined;
}

export type LogInResult = { ok: true; sessionSecret: string; userId: string; locale: string } | { ok: false };

export async function logIn(ctx: Ctx, input: LogInInput, settings: LogInSettings): Promise<LogInResult> {
  const name = parseLoginName(input.login);
  const user = name ? await findUserByLogin(ctx.trx, name) : undefined;
  if (!user) {
    await verifyAgainstDummy(input.password);
    await audit(ctx, 'login.failed', null, { reason: 'unknown' }, null);
    return { ok: false };
  }

  const nowIso = ctx.now.toISOString();
  const locked = user.locked_until !== null && user.locked_until > nowIso;
  const passwordOk = await verifyPassword(user.password_hash, input.password);
  const subject = { type: 'user', id: user.id };

  if (user.status !== 'active' || locked) {
    await audit(ctx, 'login.failed', subject, { reason: locked ? 'locked' : 'disabled' }, user.id);
    return { ok: false };
  }

  if (!passwordOk) {
    const failures = user.failed_logins + 1;
    const lock = failures >= settings.maxFailures;
    await updateUser(ctx.trx, user.id, {
      failed_logins: lock ? 0 : failures,
      locked_until: lock
        ? new Date(ctx.now.getTime() + settings.lockMinutes * 60_000).toISOString()
        : user.locked_until,
    });
    await audit(
      ctx,
      lock ? 'login.locked' : 'login.failed',
      subject,
      { reason: 'password', failures },
      user.id,
    );
    return { ok: false };
  }

  if (input.previousSessionSecret) await deleteSession(ctx.trx, hashSecret(input.previousSessionSecret));
  const sessionSecret = await createSession(ctx, user.id, settings, {
    ip: ctx.ip,
    userAgent: input.userAgent,
  });
  await updateUser(ctx.trx, user.id, { failed_logins: 0, locked_until: null, last_login_at: nowIso });
  await audit(ctx, 'login.succeeded', subject, {}, user.id);
  return { ok: true, sessionSecret, userId: user.id, locale: user.locale };
}
