// Read side of procurement intentions: one intention with its budget and the comparison with similar
// published intentions (S16: prices from the platform's own data), and lists for the public and for a
// department's staff.
import type { Actor } from '../../platform/access/roles.js';
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { notFound } from '../../platform/errors.js';
import { can } from '../../platform/access/policy.js';
import { INTENTION_MANAGE, planningDepartments } from './planning.policy.js';
import { COST_KINDS, median, monthly } from './planning.rules.js';
import {
  costsOf,
  findIntention,
  listIntentions,
  similarIntentions,
  type IntentionFilter,
} from './planning.repository.js';

const SIMILAR = 20;

export async function intentionView(db: Executor, id: string, actor: Actor) {
  const intention = await findIntention(db, id);
  if (!intention) throw notFound('planning.notFound');
  const keeper = can(actor, INTENTION_MANAGE, { departmentId: intention.department_id });
  if (intention.status !== 'published' && !keeper) throw notFound('planning.notFound');
  const department = (await findOrganization(db, intention.department_id))!;
  const costs = (await costsOf(db, id)).sort(
    (a, b) => COST_KINDS.indexOf(a.kind as never) - COST_KINDS.indexOf(b.kind as never),
  );
  const similar = await similarIntentions(db, intention, SIMILAR);
  const sameItem = similar.filter(
    (s) => s.item_code === intention.item_code && s.department_id === intention.department_id,
  );
  const perMonth = similar.map((s) => monthly(s.budget_fen, s.contract_months));
  return {
    id: intention.id,
    status: intention.status,
    keeper,
    department: { id: department.id, name: department.name, nameEn: department.name_en },
    catalogueItem: {
      id: intention.catalogue_item_id,
      code: intention.item_code,
      name: intention.item_name,
      domain: intention.item_domain,
    },
    projectName: intention.project_name,
    needs: intention.needs,
    procurementFrom: intention.procurement_from,
    contractMonths: intention.contract_months,
    budgetFen: intention.budget_fen,
    monthlyFen: monthly(intention.budget_fen, intention.contract_months),
    costs: costs.map((c) => ({
      kind: c.kind,
      quantity: c.quantity,
      unit: c.unit,
      unitCostFen: c.unit_cost_fen,
      amountFen: c.quantity * c.unit_cost_fen,
      note: c.note,
    })),
    publishedAt: intention.published_at,
    procurementAllowedFrom: intention.procurement_allowed_from,
    urgentReason: intention.urgent_reason,
    recordId: intention.public_record_id,
    comparison: {
      count: similar.length,
      sameItem: sameItem.length,
      monthlyMinFen: perMonth.length > 0 ? Math.min(...perMonth) : null,
      monthlyMedianFen: median(perMonth),
      monthlyMaxFen: perMonth.length > 0 ? Math.max(...perMonth) : null,
      items: similar.map((s) => ({
        id: s.id,
        department: s.department_name,
        projectName: s.project_name,
        itemCode: s.item_code,
        budgetFen: s.budget_fen,
        contractMonths: s.contract_months,
        monthlyFen: monthly(s.budget_fen, s.contract_months),
        publishedAt: s.published_at,
      })),
    },
  };
}

export async function intentionList(
  db: Executor,
  filter: Omit<IntentionFilter, 'departmentIds'> & { departmentId?: string | undefined },
) {
  const { items, total } = await listIntentions(db, {
    ...filter,
    ...(filter.departmentId ? { departmentIds: [filter.departmentId] } : {}),
  });
  return {
    total,
    items: items.map((n) => ({
      id: n.id,
      status: n.status,
      department: { id: n.department_id, name: n.department_name, nameEn: n.department_name_en },
      projectName: n.project_name,
      itemCode: n.item_code,
      itemName: n.item_name,
      budgetFen: n.budget_fen,
      procurementFrom: n.procurement_from,
      contractMonths: n.contract_months,
      publishedAt: n.published_at,
      procurementAllowedFrom: n.procurement_allowed_from,
      recordId: n.public_record_id,
    })),
  };
}

/** The intentions of the departments the actor keeps (drafts included). */
export async function myIntentions(db: Executor, actor: Actor, limit: number, offset: number) {
  const kept = planningDepartments(actor);
  const { items, total } = await listIntentions(db, { departmentIds: kept, limit, offset });
  return {
    total,
    items: items.map((n) => ({
      id: n.id,
      status: n.status,
      department: n.department_name,
      projectName: n.project_name,
      budgetFen: n.budget_fen,
      procurementFrom: n.procurement_from,
    })),
  };
}

/** Published intentions of some departments (all, for `undefined`), for pickers in other modules. */
export async function publishedIntentions(db: Executor, departmentIds: readonly string[] | undefined) {
  const { items } = await listIntentions(db, { departmentIds, status: 'published', limit: 500, offset: 0 });
  return items.map((n) => ({ id: n.id, projectName: n.project_name, budgetFen: n.budget_fen }));
}
