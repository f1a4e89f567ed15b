// Removing an item from a draft; an item with items under it is removed only after them.
import type { Ctx } from '../../platform/context.js';
import { conflict, notFound } from '../../platform/errors.js';
import { deleteItem, itemsOf } from './catalogue.repository.js';
import { draftFor } from './draft-catalogue.js';

export async function removeItem(ctx: Ctx, catalogueId: string, itemId: string): Promise<void> {
  const catalogue = await draftFor(ctx, catalogueId);
  const items = await itemsOf(ctx.trx, catalogue.id);
  const item = items.find((i) => i.id === itemId);
  if (!item) throw notFound('catalogue.itemNotFound');
  const children = items.filter((i) => i.parent_id === itemId).length;
  if (children > 0)
    throw conflict('catalogue_item_has_children', 'catalogue.itemHasChildren', { count: children });
  await deleteItem(ctx.trx, itemId);
}
