// Adding an item to a draft catalogue, or changing one. Every item is checked against the negative list
// (102号令 Art 10) with a recorded reason; an item on the list cannot be purchasable.
import type { Static } from 'typebox';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { MAX_ITEM_DEPTH, NEGATIVE_LIST } from './catalogue.rules.js';
import { insertItems, itemsOf, updateItem, type CatalogueItemTable } from './catalogue.repository.js';
import type { ItemBody } from './catalogue.schemas.js';
import { draftFor } from './draft-catalogue.js';

export const MAX_ITEMS = 500;

type ItemInput = Static<typeof ItemBody>;

/** What is wrong with an item, given the catalogue's other items (all problems at once). */
function itemProblems(
  input: ItemInput,
  others: readonly CatalogueItemTable[],
  self: string | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const code = input.code.trim();
  if (others.some((i) => i.id !== self && i.code.toUpperCase() === code.toUpperCase())) {
    problems.push({ field: 'code', key: 'catalogue.codeTaken', params: { code } });
  }
  if (input.parentId) {
    const byId = new Map(others.map((i) => [i.id, i]));
    const parent = byId.get(input.parentId);
    if (!parent) {
      problems.push({ field: 'parentId', key: 'catalogue.parentUnknown' });
    } else {
      // The parent's depth, and no cycle: an item cannot sit under itself or under one of its own.
      let depth = 1;
      let cursor: CatalogueItemTable | undefined = parent;
      let cycle = false;
      while (cursor) {
        if (cursor.id === self) cycle = true;
        depth++;
        cursor = cursor.parent_id ? byId.get(cursor.parent_id) : undefined;
      }
      if (cycle) problems.push({ field: 'parentId', key: 'catalogue.parentCycle' });
      else if (depth > MAX_ITEM_DEPTH) {
        problems.push({ field: 'parentId', key: 'catalogue.tooDeep', params: { max: MAX_ITEM_DEPTH } });
      }
    }
  }
  if (input.negativeCheck !== 'none' && input.purchasable) {
    const ground = input.negativeCheck;
    problems.push({
      field: 'purchasable',
      key: 'catalogue.onNegativeList',
      params: { ground: `@catalogue.ground.${ground}`, source: NEGATIVE_LIST[ground].source },
    });
  }
  if (input.purchasable && !input.forSocialOrganizations && !input.forIndustryAssociations) {
    problems.push({ field: 'forSocialOrganizations', key: 'catalogue.suitableForWhom' });
  }
  return problems;
}

function columns(input: ItemInput) {
  return {
    parent_id: input.parentId || null,
    code: input.code.trim(),
    name: input.name.trim(),
    description: input.description?.trim() || null,
    domain: input.domain,
    community: input.community ? 1 : 0,
    for_social_organizations: input.forSocialOrganizations ? 1 : 0,
    for_industry_associations: input.forIndustryAssociations ? 1 : 0,
    standards: input.standards?.trim() || null,
    negative_check: input.negativeCheck,
    negative_reason: input.negativeReason.trim(),
    purchasable: input.purchasable ? 1 : 0,
  };
}

export async function addItem(ctx: Ctx, catalogueId: string, input: ItemInput): Promise<{ id: string }> {
  const catalogue = await draftFor(ctx, catalogueId);
  const items = await itemsOf(ctx.trx, catalogue.id);
  if (items.length >= MAX_ITEMS) {
    throw new AppError(422, 'catalogue_full', 'catalogue.full', { max: MAX_ITEMS });
  }
  const problems = itemProblems(input, items, undefined);
  if (problems.length > 0) throw invalid(problems);
  const id = newId(ctx.now);
  const position = items.reduce((max, i) => Math.max(max, i.position), 0) + 1;
  await insertItems(ctx.trx, [{ id, catalogue_id: catalogue.id, position, ...columns(input) }]);
  return { id };
}

export async function changeItem(
  ctx: Ctx,
  catalogueId: string,
  itemId: string,
  input: ItemInput,
): Promise<void> {
  const catalogue = await draftFor(ctx, catalogueId);
  const items = await itemsOf(ctx.trx, catalogue.id);
  if (!items.some((i) => i.id === itemId)) throw notFound('catalogue.itemNotFound');
  const problems = itemProblems(input, items, itemId);
  if (problems.length > 0) throw invalid(problems);
  await updateItem(ctx.trx, itemId, columns(input));
}
