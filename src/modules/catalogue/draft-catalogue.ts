// The draft a use-case changes: it exists, the actor keeps its department's catalogue, and it is still
// a draft (a published version never changes; a change is a new version).
import type { Ctx } from '../../platform/context.js';
import { conflict, forbidden, notFound, unauthenticated } from '../../platform/errors.js';
import { can } from '../../platform/access/policy.js';
import { CATALOGUE_MANAGE } from './catalogue.policy.js';
import { holdCatalogue, type CatalogueTable } from './catalogue.repository.js';

export async function draftFor(ctx: Ctx, catalogueId: string): Promise<CatalogueTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const catalogue = await holdCatalogue(ctx.trx, catalogueId);
  if (!catalogue) throw notFound('catalogue.notFound');
  if (!can(ctx.actor, CATALOGUE_MANAGE, { departmentId: catalogue.department_id }))
    throw forbidden('catalogue.notYourDepartment');
  if (catalogue.status !== 'draft') throw conflict('catalogue_published', 'catalogue.alreadyPublished');
  return catalogue;
}
