// The only place with SQL for procurement intentions and their budgets.
import type { Executor } from '../../platform/db/database.js';

export interface IntentionTable {
  id: string;
  department_id: string;
  catalogue_item_id: string;
  item_code: string;
  item_name: string;
  item_domain: string;
  project_name: string;
  needs: string;
  procurement_from: string;
  contract_months: number;
  budget_fen: number;
  status: 'draft' | 'published';
  created_at: string;
  created_by: string | null;
  published_at: string | null;
  procurement_allowed_from: string | null;
  public_record_id: string | null;
}

export interface IntentionCostTable {
  intention_id: string;
  kind: string;
  quantity: number;
  unit: string;
  unit_cost_fen: number;
  note: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    intentions: IntentionTable;
    intention_costs: IntentionCostTable;
  }
}

export async function insertIntention(db: Executor, row: IntentionTable): Promise<void> {
  await db.insertInto('intentions').values(row).execute();
}

export async function findIntention(db: Executor, id: string): Promise<IntentionTable | undefined> {
  const row = await db.selectFrom('intentions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

export async function updateIntention(
  db: Executor,
  id: string,
  changes: Partial<Omit<IntentionTable, 'id'>>,
): Promise<void> {
  await db.updateTable('intentions').set(changes).where('id', '=', id).execute();
}

export async function deleteIntention(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('intention_costs').where('intention_id', '=', id).execute();
  await db.deleteFrom('intentions').where('id', '=', id).execute();
}

export async function costsOf(db: Executor, intentionId: string): Promise<IntentionCostTable[]> {
  const rows = await db
    .selectFrom('intention_costs')
    .selectAll()
    .where('intention_id', '=', intentionId)
    .execute();
  return rows.map((r) => ({ ...r, quantity: Number(r.quantity), unit_cost_fen: Number(r.unit_cost_fen) }));
}

export async function replaceCosts(
  db: Executor,
  intentionId: string,
  rows: readonly IntentionCostTable[],
): Promise<void> {
  await db.deleteFrom('intention_costs').where('intention_id', '=', intentionId).execute();
  if (rows.length > 0)
    await db
      .insertInto('intention_costs')
      .values([...rows])
      .execute();
}

export interface IntentionFilter {
  departmentIds?: readonly string[] | undefined;
  status?: 'draft' | 'published' | undefined;
  year?: number | undefined;
  itemCode?: string | undefined;
  limit: number;
  offset: number;
}

/** Intentions with their department's name, newest first. */
export async function listIntentions(db: Executor, filter: IntentionFilter) {
  let query = db.selectFrom('intentions as n').innerJoin('organizations as o', 'o.id', 'n.department_id');
  if (filter.departmentIds) {
    if (filter.departmentIds.length === 0) return { items: [], total: 0 };
    query = query.where('n.department_id', 'in', filter.departmentIds);
  }
  if (filter.status) query = query.where('n.status', '=', filter.status);
  if (filter.itemCode) query = query.where('n.item_code', '=', filter.itemCode);
  if (filter.year) {
    query = query
      .where('n.procurement_from', '>=', `${filter.year}-01-01`)
      .where('n.procurement_from', '<=', `${filter.year}-12-31`);
  }
  const total = Number(
    (await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
  );
  const rows = await query
    .selectAll('n')
    .select(['o.name as department_name', 'o.name_en as department_name_en'])
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  return { items: rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) })), total };
}

/** Published intentions for the same catalogue item or domain, other than this one (for comparison). */
export async function similarIntentions(
  db: Executor,
  intention: Pick<IntentionTable, 'id' | 'item_code' | 'item_domain'>,
  limit: number,
) {
  const rows = await db
    .selectFrom('intentions as n')
    .innerJoin('organizations as o', 'o.id', 'n.department_id')
    .selectAll('n')
    .select(['o.name as department_name'])
    .where('n.status', '=', 'published')
    .where('n.id', '!=', intention.id)
    .where((eb) =>
      eb.or([eb('n.item_code', '=', intention.item_code), eb('n.item_domain', '=', intention.item_domain)]),
    )
    .orderBy('n.published_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ...r, budget_fen: Number(r.budget_fen) }));
}
