// Publishing a draft catalogue: the version becomes public through publish() and never changes again.
// A later version supersedes it (its record names the earlier one).
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { publish, type PublicationReceipt } from '../../platform/publish/publish.js';
import { CATALOGUE_SOURCE, NEGATIVE_LIST, type NegativeGroundName } from './catalogue.rules.js';
import { catalogueLifecycle } from './catalogue.lifecycle.js';
import { cataloguesOf, itemsOf, type CatalogueItemTable } from './catalogue.repository.js';
import { draftFor } from './draft-catalogue.js';

export const CATALOGUE_KIND = 'catalogue';

/** An item as published: codes, not internal ids, so the record reads on its own. */
export function publishedItem(item: CatalogueItemTable, codeOf: ReadonlyMap<string, string>) {
  const ground = item.negative_check === 'none' ? null : (item.negative_check as NegativeGroundName);
  return {
    code: item.code,
    parentCode: item.parent_id ? (codeOf.get(item.parent_id) ?? null) : null,
    name: item.name,
    description: item.description,
    domain: item.domain,
    community: item.community === 1,
    forSocialOrganizations: item.for_social_organizations === 1,
    forIndustryAssociations: item.for_industry_associations === 1,
    standards: item.standards,
    negativeList: {
      ground,
      source: ground ? NEGATIVE_LIST[ground].source : null,
      reason: item.negative_reason,
    },
    purchasable: item.purchasable === 1,
  };
}

export async function publishCatalogue(ctx: Ctx, catalogueId: string): Promise<PublicationReceipt> {
  const catalogue = await draftFor(ctx, catalogueId);
  const items = await itemsOf(ctx.trx, catalogue.id);
  if (items.length === 0) throw new AppError(422, 'catalogue_empty', 'catalogue.empty');
  const department = (await findOrganization(ctx.trx, catalogue.department_id))!;
  const previous = (await cataloguesOf(ctx.trx, catalogue.department_id, catalogue.year)).find(
    (c) => c.status === 'published',
  );
  const codeOf = new Map(items.map((i) => [i.id, i.code]));
  const receipt = await publish(ctx, {
    kind: CATALOGUE_KIND,
    subjectId: department.id,
    title: `${department.name} ${catalogue.year} 年政府购买服务指导性目录（第 ${catalogue.version} 版）`,
    content: {
      department: { id: department.id, name: department.name },
      year: catalogue.year,
      version: catalogue.version,
      note: catalogue.note,
      source: CATALOGUE_SOURCE,
      items: items.map((i) => publishedItem(i, codeOf)),
    },
    ...(previous?.public_record_id ? { supersedes: previous.public_record_id } : {}),
  });
  await transition(ctx, catalogueLifecycle, catalogue, 'publish', {
    changes: { published_at: ctx.now.toISOString(), public_record_id: receipt.recordId },
    recordId: receipt.recordId,
  });
  return receipt;
}
