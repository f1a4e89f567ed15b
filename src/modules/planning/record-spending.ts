// A department's annual plan, line by line (S5): each project's planned new public-service spending by
// purchase and whether it is planned for social organizations, published when entered; a withdrawn line
// is published as withdrawn. Contracted spending comes from contracts as they arrive
// (recordContractedSpending; the contract itself is the publication).
import type { Static } from 'typebox';

import type { Ctx } from '../../platform/context.js';
import { conflict, fieldError, notFound, type AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { publish } from '../../platform/publish/publish.js';
import { beijingDate, yearOf } from '../../platform/time/dates.js';
import { SHARE_TARGET } from './planning.rules.js';
import { planningDepartment } from './planning.access.js';
import { spendingLineLifecycle } from './planning.lifecycle.js';
import { SPENDING_MANAGE } from './planning.policy.js';
import {
  findIntention,
  holdSpendingLine,
  insertSpendingLine,
  type SpendingLineTable,
} from './planning.repository.js';
import type { SpendingBody } from './planning.schemas.js';

export const PLANNED_SPENDING_KIND = 'plannedSpending';
export const SPENDING_WITHDRAWN_KIND = 'plannedSpendingWithdrawn';

const departmentOf = (ctx: Ctx, departmentId: string) =>
  planningDepartment(ctx, departmentId, SPENDING_MANAGE);

export async function addPlannedSpending(
  ctx: Ctx,
  input: Static<typeof SpendingBody>,
): Promise<{ id: string; recordId: string }> {
  const department = await departmentOf(ctx, input.departmentId);
  const thisYear = yearOf(beijingDate(ctx.now));
  if (input.year > thisYear + 1) throw fieldError('year', 'catalogue.yearTooLate', { max: thisYear + 1 });
  if (input.intentionId) {
    const intention = await findIntention(ctx.trx, input.intentionId);
    if (!intention || intention.department_id !== department.id || intention.status !== 'published') {
      throw fieldError('intentionId', 'planning.intentionUnknown');
    }
  }
  const id = newId(ctx.now);
  const receipt = await publish(ctx, {
    kind: PLANNED_SPENDING_KIND,
    subjectId: department.id,
    title: `${department.name} ${input.year} 年购买服务计划：${input.projectName}`,
    content: {
      department: { id: department.id, name: department.name },
      year: input.year,
      projectName: input.projectName,
      amountFen: input.amountFen,
      socialOrganization: input.socialOrganization,
      intentionId: input.intentionId ?? null,
      target: { share: SHARE_TARGET.value, source: SHARE_TARGET.source },
    },
  });
  await insertSpendingLine(ctx.trx, {
    id,
    department_id: department.id,
    year: input.year,
    stage: 'planned',
    project_name: input.projectName.trim(),
    amount_fen: input.amountFen,
    social_organization: input.socialOrganization ? 1 : 0,
    intention_id: input.intentionId ?? null,
    contract_ref: null,
    recorded_at: ctx.now.toISOString(),
    recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    public_record_id: receipt.recordId,
    status: 'inForce',
    withdrawn_at: null,
    withdrawal_reason: null,
  });
  return { id, recordId: receipt.recordId };
}

/**
 * Why a line cannot be withdrawn, or undefined when it can: a contracted line never is, a withdrawn one
 * not again (the lifecycle's refusal). The department's page asks the same question.
 */
export function withdrawalRefused(line: Pick<SpendingLineTable, 'stage' | 'status'>): AppError | undefined {
  if (line.stage !== 'planned') return conflict('spending_contracted', 'planning.lineContracted');
  if (!spendingLineLifecycle.transitions.withdraw.from.includes(line.status))
    return conflict('spending_withdrawn', 'planning.lineWithdrawn');
  return undefined;
}

export async function withdrawPlannedSpending(ctx: Ctx, lineId: string, reason: string): Promise<void> {
  const line = await holdSpendingLine(ctx.trx, lineId);
  if (!line) throw notFound('planning.lineNotFound');
  const department = await departmentOf(ctx, line.department_id);
  const refused = withdrawalRefused(line);
  if (refused) throw refused;
  const receipt = await publish(ctx, {
    kind: SPENDING_WITHDRAWN_KIND,
    subjectId: department.id,
    title: `${department.name} ${line.year} 年购买服务计划：撤回 ${line.project_name}`,
    content: {
      department: { id: department.id, name: department.name },
      year: line.year,
      projectName: line.project_name,
      reason,
    },
    ...(line.public_record_id ? { supersedes: line.public_record_id } : {}),
  });
  await transition(ctx, spendingLineLifecycle, line, 'withdraw', {
    changes: { withdrawn_at: ctx.now.toISOString(), withdrawal_reason: reason },
    reason,
    recordId: receipt.recordId,
  });
}

/**
 * Spending a signed contract commits (called by the contracts module when a contract is signed): it
 * replaces plans as the measure of the department's year.
 */
export async function recordContractedSpending(
  ctx: Ctx,
  input: {
    departmentId: string;
    year: number;
    projectName: string;
    amountFen: number;
    socialOrganization: boolean;
    contractRef: string;
    intentionId?: string;
  },
): Promise<{ id: string }> {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen <= 0)
    throw fieldError('amountFen', 'planning.amountPositive');
  const id = newId(ctx.now);
  await insertSpendingLine(ctx.trx, {
    id,
    department_id: input.departmentId,
    year: input.year,
    stage: 'contracted',
    project_name: input.projectName,
    amount_fen: input.amountFen,
    social_organization: input.socialOrganization ? 1 : 0,
    intention_id: input.intentionId ?? null,
    contract_ref: input.contractRef,
    recorded_at: ctx.now.toISOString(),
    recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    public_record_id: null,
    status: 'inForce',
    withdrawn_at: null,
    withdrawal_reason: null,
  });
  return { id };
}
