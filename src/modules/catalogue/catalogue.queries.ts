// Read side: one catalogue with its tree, the city's published catalogues of a year side by side, and
// a purchaser's own catalogues.
import type { Actor } from '../../platform/access/roles.js';
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { can } from '../../platform/access/policy.js';
import { CATALOGUE_MANAGE, departmentsKeptBy } from './catalogue.policy.js';
import { ITEM_DOMAINS, NEGATIVE_LIST, type NegativeGroundName } from './catalogue.rules.js';
import {
  cataloguesOf,
  cataloguesOfDepartments,
  findItemWithCatalogue,
  departmentsWithCatalogues,
  findCatalogue,
  itemsOf,
  itemsOfCatalogues,
  publishedCatalogues,
  publishedYears,
  type CatalogueItemTable,
} from './catalogue.repository.js';

export interface ItemView {
  id: string;
  code: string;
  name: string;
  description: string | null;
  parentId: string | null;
  depth: number;
  domain: string;
  community: boolean;
  forSocialOrganizations: boolean;
  forIndustryAssociations: boolean;
  standards: string | null;
  negativeCheck: string;
  negativeSource: string | null;
  negativeReason: string;
  purchasable: boolean;
}

/** The items in tree order (each parent followed by its items), with their depth. */
export function treeOrder(items: readonly CatalogueItemTable[]): ItemView[] {
  const children = new Map<string | null, CatalogueItemTable[]>();
  for (const i of items) {
    const key = i.parent_id && items.some((p) => p.id === i.parent_id) ? i.parent_id : null;
    children.set(key, [...(children.get(key) ?? []), i]);
  }
  const out: ItemView[] = [];
  const walk = (parent: string | null, depth: number) => {
    const level = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.code.localeCompare(b.code, 'en', { numeric: true }),
    );
    for (const i of level) {
      const ground = i.negative_check === 'none' ? null : (i.negative_check as NegativeGroundName);
      out.push({
        id: i.id,
        code: i.code,
        name: i.name,
        description: i.description,
        parentId: i.parent_id,
        depth,
        domain: i.domain,
        community: i.community === 1,
        forSocialOrganizations: i.for_social_organizations === 1,
        forIndustryAssociations: i.for_industry_associations === 1,
        standards: i.standards,
        negativeCheck: i.negative_check,
        negativeSource: ground ? NEGATIVE_LIST[ground].source : null,
        negativeReason: i.negative_reason,
        purchasable: i.purchasable === 1,
      });
      walk(i.id, depth + 1);
    }
  };
  walk(null, 1);
  return out;
}

/** One catalogue: anyone sees a published one; a draft only those who keep it. */
export async function catalogueView(db: Executor, id: string, actor: Actor) {
  const catalogue = await findCatalogue(db, id);
  if (!catalogue) throw notFound('catalogue.notFound');
  const keeper = can(actor, CATALOGUE_MANAGE, { departmentId: catalogue.department_id });
  if (catalogue.status !== 'published' && !keeper) throw notFound('catalogue.notFound');
  const department = (await findOrganization(db, catalogue.department_id))!;
  const versions = await cataloguesOf(db, catalogue.department_id, catalogue.year);
  const items = treeOrder(await itemsOf(db, catalogue.id));
  return {
    id: catalogue.id,
    department: { id: department.id, name: department.name, nameEn: department.name_en },
    year: catalogue.year,
    version: catalogue.version,
    status: catalogue.status,
    note: catalogue.note,
    publishedAt: catalogue.published_at,
    recordId: catalogue.public_record_id,
    keeper,
    versions: versions
      .filter((v) => v.status === 'published' || keeper)
      .map((v) => ({ id: v.id, version: v.version, status: v.status, publishedAt: v.published_at })),
    items,
  };
}

/** Counts of a catalogue's items by domain, and of purchasable and community items. */
function counts(items: readonly CatalogueItemTable[]) {
  const byDomain = Object.fromEntries(ITEM_DOMAINS.map((d) => [d, 0])) as Record<string, number>;
  for (const i of items) if (i.purchasable === 1) byDomain[i.domain] = (byDomain[i.domain] ?? 0) + 1;
  return {
    items: items.length,
    purchasable: items.filter((i) => i.purchasable === 1).length,
    community: items.filter((i) => i.purchasable === 1 && i.community === 1).length,
    excluded: items.filter((i) => i.negative_check !== 'none').length,
    byDomain,
  };
}

/**
 * The city's view of a year: every department's latest published catalogue, with its counts, and the
 * purchasable items of each domain side by side (a column per department).
 */
export async function yearOverview(db: Executor, year: number) {
  const catalogues = await publishedCatalogues(db, year);
  const items = await itemsOfCatalogues(
    db,
    catalogues.map((c) => c.id),
  );
  const byCatalogue = new Map<string, CatalogueItemTable[]>();
  for (const i of items) byCatalogue.set(i.catalogue_id, [...(byCatalogue.get(i.catalogue_id) ?? []), i]);
  return {
    year,
    years: await publishedYears(db),
    departments: catalogues.map((c) => {
      const own = byCatalogue.get(c.id) ?? [];
      const purchasable = treeOrder(own).filter((i) => i.purchasable);
      return {
        catalogueId: c.id,
        departmentId: c.department_id,
        name: c.department_name,
        nameEn: c.department_name_en,
        level: c.level,
        districtCode: c.district_code,
        version: c.version,
        publishedAt: c.published_at,
        recordId: c.public_record_id,
        ...counts(own),
        itemsByDomain: Object.fromEntries(
          ITEM_DOMAINS.map((d) => [
            d,
            purchasable
              .filter((i) => i.domain === d)
              .map((i) => ({ code: i.code, name: i.name, community: i.community })),
          ]),
        ),
      };
    }),
  };
}

/** The catalogues the actor keeps, every year and version. */
export async function workspace(db: Executor, actor: Actor) {
  const kept = departmentsKeptBy(actor);
  const ids = kept ?? (await departmentsWithCatalogues(db));
  return (await cataloguesOfDepartments(db, ids)).map((c) => ({
    id: c.id,
    departmentId: c.department_id,
    departmentName: c.department_name,
    year: c.year,
    version: c.version,
    status: c.status,
    items: Number(c.items),
    publishedAt: c.published_at,
  }));
}

/**
 * A purchasable item of a department's published catalogue, as other modules refer to it (a procurement
 * intention is made for one); undefined when the id is not such an item.
 */
export async function purchasableItem(db: Executor, itemId: string) {
  const row = await findItemWithCatalogue(db, itemId);
  if (!row || row.status !== 'published' || row.purchasable !== 1) return undefined;
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    domain: row.domain,
    community: row.community === 1,
    departmentId: row.department_id,
    year: Number(row.year),
    version: Number(row.version),
    catalogueId: row.catalogue_id,
    catalogueRecordId: row.public_record_id,
  };
}

/** The purchasable items of a department's latest published catalogues (newest year first), for pickers. */
export async function purchasableItemsOf(db: Executor, departmentId: string) {
  const years = await publishedYears(db);
  const out: { id: string; code: string; name: string; year: number; version: number }[] = [];
  for (const year of years) {
    const latest = (await publishedCatalogues(db, year)).find((c) => c.department_id === departmentId);
    if (!latest) continue;
    for (const i of treeOrder(await itemsOf(db, latest.id))) {
      if (i.purchasable) out.push({ id: i.id, code: i.code, name: i.name, year, version: latest.version });
    }
  }
  return out;
}
