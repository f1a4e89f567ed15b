// Throwing a draft away (nothing of it was public).
import type { Ctx } from '../../platform/context.js';
import { deleteCatalogue } from './catalogue.repository.js';
import { draftFor } from './draft-catalogue.js';

export async function discardDraft(ctx: Ctx, catalogueId: string): Promise<void> {
  const catalogue = await draftFor(ctx, catalogueId);
  await deleteCatalogue(ctx.trx, catalogue.id);
}
