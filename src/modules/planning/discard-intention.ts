// Throwing a draft intention away (nothing of it was public).
import type { Ctx } from '../../platform/context.js';
import { deleteIntention } from './planning.repository.js';
import { draftIntention } from './save-intention.js';

export async function discardIntention(ctx: Ctx, id: string): Promise<void> {
  const draft = await draftIntention(ctx, id);
  await deleteIntention(ctx.trx, draft.id);
}
