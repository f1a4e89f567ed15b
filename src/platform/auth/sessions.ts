// Server-side sessions and personal API tokens. The browser holds a random secret; the database holds
// only its SHA-256, so a copy of the database cannot be used to log in.
import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/database.js';
import type { Identification } from '../http/server.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findApiTokenByHash,
  findSession,
  findUserById,
  insertSession,
  membershipsOfUser,
  touchSession,
  updateApiToken,
} from './auth.repository.js';
import type { Actor } from '../access/roles.js';

export { SESSION_COOKIE } from '../http/cookies.js';
export const TOKEN_PREFIX = 'gs_';

export interface SessionSettings {
  idleMinutes: number;
  absoluteHours: number;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Starts a session and returns the secret for the cookie. */
export async function createSession(
  ctx: Ctx,
  userId: string,
  settings: SessionSettings,
  client: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const secret = newSecret();
  const now = ctx.now.toISOString();
  await insertSession(ctx.trx, {
    id_hash: hashSecret(secret),
    user_id: userId,
    created_at: now,
    last_seen_at: now,
    expires_at: new Date(ctx.now.getTime() + settings.absoluteHours * 3_600_000).toISOString(),
    ip: client.ip,
    user_agent: client.userAgent?.slice(0, 300) ?? null,
  });
  return secret;
}

export async function endSession(db: Executor, secret: string): Promise<void> {
  await deleteSession(db, hashSecret(secret));
}

/**
 * The account behind a session or token, while it may act: not disabled, and not locked by failed
 * log-ins at this moment. A lock refuses the account's sessions and tokens as it refuses its password,
 * until it expires or an administrator lifts it. (Disabling also revokes the tokens: see update-user.ts.)
 */
async function userActor(
  db: Executor,
  userId: string,
  via: 'session' | 'token',
  now: Date,
): Promise<Actor | null> {
  const user = await findUserById(db, userId);
  if (!user || user.status !== 'active') return null;
  if (user.locked_until !== null && user.locked_until > now.toISOString()) return null;
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    memberships: await membershipsOfUser(db, user.id),
    via,
  };
}

/**
 * The actor behind a session cookie, or null when the session is unknown, idle too long or past its
 * absolute lifetime (the expired session is removed), or its account may not act.
 */
export async function resolveSession(
  db: Executor,
  secret: string,
  now: Date,
  settings: SessionSettings,
): Promise<{ actor: Actor; idHash: string } | null> {
  const idHash = hashSecret(secret);
  const session = await findSession(db, idHash);
  if (!session) return null;
  const idleLimit = new Date(now.getTime() - settings.idleMinutes * 60_000).toISOString();
  if (session.expires_at <= now.toISOString() || session.last_seen_at <= idleLimit) {
    await deleteSession(db, idHash);
    return null;
  }
  const actor = await userActor(db, session.user_id, 'session', now);
  if (!actor) return null;
  // Record activity at most once a minute, to keep reads cheap.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    await touchSession(db, idHash, now.toISOString());
  }
  return { actor, idHash };
}

/** The actor behind `Authorization: Bearer gs_…`, or null (unknown, revoked, expired, or its account may not act). */
export async function resolveApiToken(db: Executor, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findApiTokenByHash(db, hashSecret(token));
  if (!row || row.revoked_at !== null) return null;
  if (row.expires_at !== null && row.expires_at <= now.toISOString()) return null;
  const actor = await userActor(db, row.user_id, 'token', now);
  if (!actor) return null;
  if (row.last_used_at === null || now.getTime() - new Date(row.last_used_at).getTime() > 60_000) {
    await updateApiToken(db, row.id, { last_used_at: now.toISOString() });
  }
  return actor;
}

export async function purgeExpiredSessions(ctx: Ctx, settings: SessionSettings): Promise<number> {
  const idleBefore = new Date(ctx.now.getTime() - settings.idleMinutes * 60_000).toISOString();
  return deleteExpiredSessions(ctx.trx, ctx.now.toISOString(), idleBefore);
}

/** How the HTTP server learns who a request is: by API token or session cookie (../http/server.ts). */
export function sessionIdentification(db: Executor, settings: SessionSettings): Identification {
  return {
    byApiToken: (token, now) => resolveApiToken(db, token, now),
    bySession: async (secret, now) => (await resolveSession(db, secret, now, settings))?.actor ?? null,
  };
}
