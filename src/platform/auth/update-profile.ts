import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { unauthenticated } from '../errors.js';
import { audit } from './audit.js';
import { updateUser } from './auth.repository.js';
import type { ProfileBody } from './auth.schemas.js';

/** A user changes their display name and preferred language. */
export async function updateProfile(ctx: Ctx, input: Static<typeof ProfileBody>): Promise<void> {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  await updateUser(ctx.trx, ctx.actor.userId, {
    name: input.name,
    locale: input.locale,
    updated_at: ctx.now.toISOString(),
  });
  await audit(ctx, 'user.profileUpdated', { type: 'user', id: ctx.actor.userId });
}
