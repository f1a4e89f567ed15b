// The only place with SQL for guidance catalogues and their items. Statuses change only through
// transition() (catalogue.lifecycle.ts).
import type { Executor } from '../../platform/db/database.js';
import type { CatalogueStatus } from './catalogue.lifecycle.js';

export interface CatalogueTable {
  id: string;
  department_id: string;
  year: number;
  version: number;
  status: CatalogueStatus;
  note: string | null;
  created_at: string;
  created_by: string | null;
  published_at: string | null;
  public_record_id: string | null;
}

export interface CatalogueItemTable {
  id: string;
  catalogue_id: string;
  parent_id: string | null;
  position: number;
  code: string;
  name: string;
  description: string | null;
  domain: string;
  community: number;
  for_social_organizations: number;
  for_industry_associations: number;
  standards: string | null;
  negative_check: string;
  negative_reason: string;
  purchasable: number;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    catalogues: CatalogueTable;
    catalogue_items: CatalogueItemTable;
  }
}

export async function insertCatalogue(db: Executor, row: CatalogueTable): Promise<void> {
  await db.insertInto('catalogues').values(row).execute();
}

export async function findCatalogue(db: Executor, id: string): Promise<CatalogueTable | undefined> {
  return db.selectFrom('catalogues').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The catalogue, held until the transaction ends, for a use-case that decides on its status. */
export async function holdCatalogue(db: Executor, id: string): Promise<CatalogueTable | undefined> {
  return db.selectFrom('catalogues').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Holds the department's row until the transaction ends: a use-case that creates one thing per
 * department (one draft per year) decides on what exists while no other request can add to it.
 */
export async function holdDepartment(db: Executor, departmentId: string): Promise<void> {
  await db.selectFrom('organizations').select('id').where('id', '=', departmentId).forUpdate().execute();
}

/** Every version of a department's catalogue for a year, newest first. */
export async function cataloguesOf(
  db: Executor,
  departmentId: string,
  year: number,
): Promise<CatalogueTable[]> {
  return db
    .selectFrom('catalogues')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .orderBy('version', 'desc')
    .execute();
}

/** A department's catalogues of every year, newest first (for its workspace). */
export async function cataloguesOfDepartments(
  db: Executor,
  departmentIds: readonly string[],
): Promise<(CatalogueTable & { department_name: string; items: number })[]> {
  if (departmentIds.length === 0) return [];
  return db
    .selectFrom('catalogues as c')
    .innerJoin('organizations as o', 'o.id', 'c.department_id')
    .selectAll('c')
    .select((eb) => [
      'o.name as department_name',
      eb
        .selectFrom('catalogue_items as i')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('i.catalogue_id', '=', 'c.id')
        .as('items'),
    ])
    .where('c.department_id', 'in', departmentIds)
    .orderBy('c.year', 'desc')
    .orderBy('o.name')
    .orderBy('c.version', 'desc')
    .execute() as Promise<(CatalogueTable & { department_name: string; items: number })[]>;
}

/** The latest published version of every department's catalogue for a year. */
export async function publishedCatalogues(
  db: Executor,
  year: number,
): Promise<
  (CatalogueTable & {
    department_name: string;
    department_name_en: string | null;
    level: string | null;
    district_code: string | null;
  })[]
> {
  return db
    .selectFrom('catalogues as c')
    .innerJoin('organizations as o', 'o.id', 'c.department_id')
    .selectAll('c')
    .select(['o.name as department_name', 'o.name_en as department_name_en', 'o.level', 'o.district_code'])
    .where('c.year', '=', year)
    .where('c.status', '=', 'published')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('catalogues as newer')
            .select('newer.id')
            .whereRef('newer.department_id', '=', 'c.department_id')
            .whereRef('newer.year', '=', 'c.year')
            .where('newer.status', '=', 'published')
            .whereRef('newer.version', '>', 'c.version'),
        ),
      ),
    )
    .orderBy('o.level')
    .orderBy('o.name')
    .execute();
}

/** Every department that has a catalogue (an administrator's workspace). */
export async function departmentsWithCatalogues(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('catalogues').select('department_id').distinct().execute();
  return rows.map((r) => r.department_id);
}

/** The years for which some catalogue has been published, newest first. */
export async function publishedYears(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('catalogues')
    .select('year')
    .distinct()
    .where('status', '=', 'published')
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => Number(r.year));
}

export async function deleteCatalogue(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalogue_items').where('catalogue_id', '=', id).execute();
  await db.deleteFrom('catalogues').where('id', '=', id).execute();
}

export async function itemsOf(db: Executor, catalogueId: string): Promise<CatalogueItemTable[]> {
  return db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('catalogue_id', '=', catalogueId)
    .orderBy('position')
    .execute();
}

/** Items of several catalogues at once (the side-by-side view). */
export async function itemsOfCatalogues(
  db: Executor,
  catalogueIds: readonly string[],
): Promise<CatalogueItemTable[]> {
  if (catalogueIds.length === 0) return [];
  return db
    .selectFrom('catalogue_items')
    .selectAll()
    .where('catalogue_id', 'in', catalogueIds)
    .orderBy('position')
    .execute();
}

export async function insertItems(db: Executor, rows: readonly CatalogueItemTable[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('catalogue_items')
    .values([...rows])
    .execute();
}

export async function updateItem(
  db: Executor,
  id: string,
  changes: Omit<CatalogueItemTable, 'id' | 'catalogue_id' | 'position'>,
): Promise<void> {
  await db.updateTable('catalogue_items').set(changes).where('id', '=', id).execute();
}

export async function deleteItem(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('catalogue_items').where('id', '=', id).execute();
}

/** An item with the catalogue version it belongs to. */
export async function findItemWithCatalogue(db: Executor, itemId: string) {
  return db
    .selectFrom('catalogue_items as i')
    .innerJoin('catalogues as c', 'c.id', 'i.catalogue_id')
    .selectAll('i')
    .select(['c.department_id', 'c.year', 'c.version', 'c.status', 'c.public_record_id'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
}
