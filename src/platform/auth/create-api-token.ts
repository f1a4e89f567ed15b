import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { conflict, unauthenticated } from '../errors.js';
import { newId } from '../ids.js';
import { audit } from './audit.js';
import { insertApiToken, listApiTokens } from './auth.repository.js';
import type { CreateTokenBody } from './auth.schemas.js';
import { hashSecret, newSecret, TOKEN_PREFIX } from './sessions.js';

const MAX_ACTIVE_TOKENS = 20;

/**
 * A user creates a personal API token for `Authorization: Bearer`. It acts with the user's roles.
 * The token is returned once; only its hash is kept.
 */
export async function createApiToken(
  ctx: Ctx,
  input: Static<typeof CreateTokenBody>,
): Promise<{ id: string; token: string; expiresAt: string | null }> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const active = (await listApiTokens(ctx.trx, ctx.actor.userId)).filter((t) => t.revoked_at === null);
  if (active.length >= MAX_ACTIVE_TOKENS)
    throw conflict('too_many_tokens', 'error.tooManyTokens', { max: MAX_ACTIVE_TOKENS });
  const token = TOKEN_PREFIX + newSecret();
  const id = newId(ctx.now);
  const expiresAt = input.expiresInDays
    ? new Date(ctx.now.getTime() + input.expiresInDays * 86_400_000).toISOString()
    : null;
  await insertApiToken(ctx.trx, {
    id,
    user_id: ctx.actor.userId,
    name: input.name,
    token_hash: hashSecret(token),
    prefix: token.slice(0, TOKEN_PREFIX.length + 6),
    created_at: ctx.now.toISOString(),
    last_used_at: null,
    expires_at: expiresAt,
    revoked_at: null,
  });
  await audit(ctx, 'token.created', { type: 'apiToken', id }, { name: input.name });
  return { id, token, expiresAt };
}
