// A department drafts a procurement intention (采购意向) for an item of its published catalogue, with a
// budget built from cost components (S16), or changes its draft. The expected start of procurement must
// leave the 30 calendar days the intention has to be public first (财库〔2020〕10号 二（三）), unless
// the department records the urgent, unforeseeable reason that exempts it (same paragraph).
import type { Static } from 'typebox';

import type { Ctx } from '../../platform/context.js';
import {
  conflict,
  fieldError,
  forbidden,
  invalid,
  notFound,
  unauthenticated,
  type FieldProblem,
} from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { addDays, beijingDate } from '../../platform/time/dates.js';
import { can } from '../../platform/access/policy.js';
import { purchasableItem } from '../catalogue/index.js';
import { planningDepartment } from './planning.access.js';
import { INTENTION_MANAGE } from './planning.policy.js';
import { INTENTION_LEAD_DAYS, URGENT_EXEMPTION } from './planning.rules.js';
import {
  holdIntention,
  insertIntention,
  replaceCosts,
  updateIntention,
  type IntentionTable,
} from './planning.repository.js';
import type { IntentionBody } from './planning.schemas.js';

type IntentionInput = Static<typeof IntentionBody>;

/** The most a budget may be: 100 million yuan per cost line is already more than any service needs. */
const MAX_BUDGET_FEN = 10_000_000_000_000;

/** The earliest date procurement may start if the intention is published today. */
export function earliestProcurement(today: string): string {
  return addDays(today, INTENTION_LEAD_DAYS.value);
}

/** The reason as recorded: trimmed, null when none was given. */
export function urgentReasonOf(input: { urgentReason?: string | undefined }): string | null {
  return input.urgentReason?.trim() || null;
}

/**
 * The expected start must leave the 30 days; with an urgent, unforeseeable reason (at least
 * URGENT_EXEMPTION.min characters) it need only not be in the past. Each problem names its field.
 */
export function leadTimeProblems(
  procurementFrom: string,
  today: string,
  urgentReason: string | null,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { min } = URGENT_EXEMPTION.value;
  if (urgentReason !== null && [...urgentReason].length < min) {
    problems.push({
      field: 'urgentReason',
      key: 'planning.urgentReasonShort',
      params: { min, source: URGENT_EXEMPTION.source },
    });
  }
  if (urgentReason !== null) {
    if (procurementFrom < today)
      problems.push({
        field: 'procurementFrom',
        key: 'planning.inThePast',
        params: { date: procurementFrom },
      });
    return problems;
  }
  const earliest = earliestProcurement(today);
  if (procurementFrom >= earliest) return problems;
  return [
    {
      field: 'procurementFrom',
      key: 'planning.tooSoon',
      params: {
        date: procurementFrom,
        earliest,
        days: INTENTION_LEAD_DAYS.value,
        source: INTENTION_LEAD_DAYS.source,
      },
    },
    {
      field: 'urgentReason',
      key: 'planning.urgentReasonNeeded',
      params: { source: URGENT_EXEMPTION.source },
    },
  ];
}

async function checked(ctx: Ctx, input: IntentionInput) {
  const department = await planningDepartment(ctx, input.departmentId, INTENTION_MANAGE);
  const problems: FieldProblem[] = [];
  const item = await purchasableItem(ctx.trx, input.catalogueItemId);
  if (!item || item.departmentId !== department.id) {
    problems.push({ field: 'catalogueItemId', key: 'planning.itemNotPurchasable' });
  }
  problems.push(...leadTimeProblems(input.procurementFrom, beijingDate(ctx.now), urgentReasonOf(input)));
  const kinds = input.costs.map((c) => c.kind);
  if (new Set(kinds).size !== kinds.length) problems.push({ field: 'costs', key: 'planning.costTwice' });
  const budgetFen = input.costs.reduce((sum, c) => sum + c.quantity * c.unitCostFen, 0);
  if (budgetFen <= 0) problems.push({ field: 'costs', key: 'planning.budgetEmpty' });
  if (budgetFen > MAX_BUDGET_FEN || !Number.isSafeInteger(budgetFen)) {
    problems.push({ field: 'costs', key: 'planning.budgetTooLarge' });
  }
  if (problems.length > 0) throw invalid(problems);
  return { department, item: item!, budgetFen };
}

function costRows(intentionId: string, input: IntentionInput) {
  return input.costs.map((c) => ({
    intention_id: intentionId,
    kind: c.kind,
    quantity: c.quantity,
    unit: c.unit.trim(),
    unit_cost_fen: c.unitCostFen,
    note: c.note?.trim() || null,
  }));
}

export async function createIntention(
  ctx: Ctx,
  input: IntentionInput,
): Promise<{ id: string; budgetFen: number }> {
  const { department, item, budgetFen } = await checked(ctx, input);
  const id = newId(ctx.now);
  const row: IntentionTable = {
    id,
    department_id: department.id,
    catalogue_item_id: item.id,
    item_code: item.code,
    item_name: item.name,
    item_domain: item.domain,
    project_name: input.projectName.trim(),
    needs: input.needs.trim(),
    procurement_from: input.procurementFrom,
    contract_months: input.contractMonths,
    budget_fen: budgetFen,
    status: 'draft',
    created_at: ctx.now.toISOString(),
    created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    published_at: null,
    procurement_allowed_from: null,
    public_record_id: null,
    urgent_reason: urgentReasonOf(input),
  };
  await insertIntention(ctx.trx, row);
  await replaceCosts(ctx.trx, id, costRows(id, input));
  return { id, budgetFen };
}

/** The draft a use-case changes: it exists, the actor keeps its department, it is not yet published. */
export async function draftIntention(ctx: Ctx, id: string): Promise<IntentionTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const intention = await holdIntention(ctx.trx, id);
  if (!intention) throw notFound('planning.notFound');
  if (!can(ctx.actor, INTENTION_MANAGE, { departmentId: intention.department_id }))
    throw forbidden('planning.notYourDepartment');
  if (intention.status !== 'draft') throw conflict('intention_published', 'planning.alreadyPublished');
  return intention;
}

export async function changeIntention(
  ctx: Ctx,
  id: string,
  input: IntentionInput,
): Promise<{ budgetFen: number }> {
  const draft = await draftIntention(ctx, id);
  if (input.departmentId !== draft.department_id)
    throw fieldError('departmentId', 'planning.departmentFixed');
  const { item, budgetFen } = await checked(ctx, input);
  await updateIntention(ctx.trx, id, {
    catalogue_item_id: item.id,
    item_code: item.code,
    item_name: item.name,
    item_domain: item.domain,
    project_name: input.projectName.trim(),
    needs: input.needs.trim(),
    procurement_from: input.procurementFrom,
    contract_months: input.contractMonths,
    budget_fen: budgetFen,
    urgent_reason: urgentReasonOf(input),
  });
  await replaceCosts(ctx.trx, id, costRows(id, input));
  return { budgetFen };
}
