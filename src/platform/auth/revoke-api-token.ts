import type { Ctx } from '../context.js';
import { notFound, unauthenticated } from '../http/errors.js';
import { audit } from './audit.js';
import { findApiToken, updateApiToken } from './auth.repository.js';

/** A user revokes one of their own tokens. Another user's token id answers "not found". */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const token = await findApiToken(ctx.trx, tokenId);
  if (!token || token.user_id !== ctx.actor.userId) throw notFound('error.tokenNotFound');
  if (token.revoked_at === null)
    await updateApiToken(ctx.trx, tokenId, { revoked_at: ctx.now.toISOString() });
  await audit(ctx, 'token.revoked', { type: 'apiToken', id: tokenId });
}
