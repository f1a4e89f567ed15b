import type { Ctx } from '../context.js';
import { notFound, unauthenticated } from '../errors.js';
import { audit } from './audit.js';
import { findApiToken, revokeApiTokenOnce } from './auth.repository.js';

/**
 * A user revokes one of their own tokens. Another user's token id answers "not found". Revoking a revoked
 * token succeeds and changes nothing: only the request that revoked it records the event.
 */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const token = await findApiToken(ctx.trx, tokenId);
  if (!token || token.user_id !== ctx.actor.userId) throw notFound('error.tokenNotFound');
  if (await revokeApiTokenOnce(ctx.trx, tokenId, ctx.now.toISOString()))
    await audit(ctx, 'token.revoked', { type: 'apiToken', id: tokenId });
}
