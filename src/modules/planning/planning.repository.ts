// The only place with SQL for procurement intentions and their budgets. Statuses change only through
// transition() (planning.lifecycle.ts).
import type { Executor } from '../../platform/db/database.js';
import type { IntentionStatus, SpendingLineStatus } from './planning.lifecycle.js';

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
  status: IntentionStatus;
  created_at: string;
  created_by: string | null;
  published_at: string | null;
  procurement_allowed_from: string | null;
  public_record_id: string | null;
  /** Recorded when procurement may start without the 30-day wait (财库〔2020〕10号 二（三）). */
  urgent_reason: string | null;
}

export interface IntentionCostTable {
  intention_id: string;
  kind: string;
  quantity: number;
  unit: string;
  unit_cost_fen: number;
  note: string | null;
}

export interface SpendingLineTable {
  id: string;
  department_id: string;
  year: number;
  stage: 'planned' | 'contracted';
  project_name: string;
  amount_fen: number;
  social_organization: number;
  intention_id: string | null;
  contract_ref: string | null;
  recorded_at: string;
  recorded_by: string | null;
  public_record_id: string | null;
  /** In force until withdrawn (planned lines only); set through transition(). */
  status: SpendingLineStatus;
  withdrawn_at: string | null;
  withdrawal_reason: string | null;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    intentions: IntentionTable;
    intention_costs: IntentionCostTable;
    spending_lines: SpendingLineTable;
  }
}

export async function insertIntention(db: Executor, row: IntentionTable): Promise<void> {
  await db.insertInto('intentions').values(row).execute();
}

export async function findIntention(db: Executor, id: string): Promise<IntentionTable | undefined> {
  const row = await db.selectFrom('intentions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

/** The intention, held until the transaction ends, for a use-case that decides on its status. */
export async function holdIntention(db: Executor, id: string): Promise<IntentionTable | undefined> {
  const row = await db
    .selectFrom('intentions')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, budget_fen: Number(row.budget_fen) } : undefined;
}

/** Changes a draft's content (never its status, which only transition() changes). */
export async function updateIntention(
  db: Executor,
  id: string,
  changes: Partial<Omit<IntentionTable, 'id' | 'status'>>,
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
  status?: IntentionStatus | undefined;
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

export async function insertSpendingLine(db: Executor, row: SpendingLineTable): Promise<void> {
  await db.insertInto('spending_lines').values(row).execute();
}

export async function findSpendingLine(db: Executor, id: string): Promise<SpendingLineTable | undefined> {
  const row = await db.selectFrom('spending_lines').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...row, amount_fen: Number(row.amount_fen) } : undefined;
}

/** The line, held until the transaction ends, for a use-case that decides on its state. */
export async function holdSpendingLine(db: Executor, id: string): Promise<SpendingLineTable | undefined> {
  const row = await db
    .selectFrom('spending_lines')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ? { ...row, amount_fen: Number(row.amount_fen) } : undefined;
}

/** A department's lines of a year, withdrawn ones included, newest first. */
export async function spendingLinesOf(
  db: Executor,
  departmentId: string,
  year: number,
): Promise<SpendingLineTable[]> {
  const rows = await db
    .selectFrom('spending_lines')
    .selectAll()
    .where('department_id', '=', departmentId)
    .where('year', '=', year)
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, amount_fen: Number(r.amount_fen) }));
}

/** Sums of a year's lines in force, per department and stage, with the department's place in the city. */
export async function spendingTotals(db: Executor, year: number) {
  const rows = await db
    .selectFrom('spending_lines as s')
    .innerJoin('organizations as o', 'o.id', 's.department_id')
    .select((eb) => [
      's.department_id',
      'o.name',
      'o.name_en',
      'o.level',
      'o.district_code',
      's.stage',
      eb.fn.sum<number>('s.amount_fen').as('total_fen'),
      eb.fn
        .sum<number>(
          eb.case().when('s.social_organization', '=', 1).then(eb.ref('s.amount_fen')).else(0).end(),
        )
        .as('social_fen'),
    ])
    .where('s.year', '=', year)
    .where('s.withdrawn_at', 'is', null)
    .groupBy(['s.department_id', 'o.name', 'o.name_en', 'o.level', 'o.district_code', 's.stage'])
    .execute();
  return rows.map((r) => ({ ...r, total_fen: Number(r.total_fen), social_fen: Number(r.social_fen) }));
}

/** The years that have spending lines, newest first. */
export async function spendingYears(db: Executor): Promise<number[]> {
  const rows = await db
    .selectFrom('spending_lines')
    .select('year')
    .distinct()
    .orderBy('year', 'desc')
    .execute();
  return rows.map((r) => Number(r.year));
}
