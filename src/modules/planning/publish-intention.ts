// Publishing a procurement intention through publish(): from then on anyone can read it, and
// procurement for it may start 30 calendar days after the day of publication (财库〔2020〕10号 二（三））
// — the date is stored, so the procurement engine can refuse a project whose intention was not public
// in time. An intention with an urgent, unforeseeable reason (the same paragraph's exemption) may be
// procured from the day it is published; the reason is published with it.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { invalid } from '../../platform/errors.js';
import { transition } from '../../platform/lifecycle/lifecycle.js';
import { publish, type PublicationReceipt } from '../../platform/publish/publish.js';
import { beijingDate } from '../../platform/time/dates.js';
import { COST_SOURCE, INTENTION_LEAD_DAYS, MAX_CONTRACT_MONTHS, URGENT_EXEMPTION } from './planning.rules.js';
import { intentionLifecycle } from './planning.lifecycle.js';
import { costsOf } from './planning.repository.js';
import { draftIntention, earliestProcurement, leadTimeProblems } from './save-intention.js';

export const INTENTION_KIND = 'procurementIntention';

export async function publishIntention(
  ctx: Ctx,
  id: string,
): Promise<PublicationReceipt & { procurementAllowedFrom: string }> {
  const intention = await draftIntention(ctx, id);
  const today = beijingDate(ctx.now);
  // Checked again: a draft saved in time may have waited too long.
  const urgentReason = intention.urgent_reason;
  const lead = leadTimeProblems(intention.procurement_from, today, urgentReason);
  if (lead.length > 0) throw invalid(lead);
  const department = (await findOrganization(ctx.trx, intention.department_id))!;
  const costs = await costsOf(ctx.trx, id);
  const allowedFrom = urgentReason === null ? earliestProcurement(today) : today;
  const receipt = await publish(ctx, {
    kind: INTENTION_KIND,
    subjectId: intention.id,
    title: `${department.name}：${intention.project_name}（采购意向）`,
    content: {
      department: { id: department.id, name: department.name },
      catalogueItem: { code: intention.item_code, name: intention.item_name, domain: intention.item_domain },
      projectName: intention.project_name,
      needs: intention.needs,
      budgetFen: intention.budget_fen,
      costs: costs.map((c) => ({
        kind: c.kind,
        quantity: c.quantity,
        unit: c.unit,
        unitCostFen: c.unit_cost_fen,
        amountFen: c.quantity * c.unit_cost_fen,
        note: c.note,
      })),
      costSource: COST_SOURCE,
      procurementFrom: intention.procurement_from,
      contractMonths: intention.contract_months,
      contractMonthsSource: MAX_CONTRACT_MONTHS.source,
      procurementAllowedFrom: allowedFrom,
      leadTime: { days: INTENTION_LEAD_DAYS.value, source: INTENTION_LEAD_DAYS.source },
      ...(urgentReason === null
        ? {}
        : { urgentExemption: { reason: urgentReason, source: URGENT_EXEMPTION.source } }),
    },
  });
  await transition(ctx, intentionLifecycle, intention, 'publish', {
    changes: {
      published_at: ctx.now.toISOString(),
      procurement_allowed_from: allowedFrom,
      public_record_id: receipt.recordId,
    },
    recordId: receipt.recordId,
  });
  return { ...receipt, procurementAllowedFrom: allowedFrom };
}
