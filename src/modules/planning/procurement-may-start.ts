// The rule the procurement engine applies before it opens a project: its intention was published, and
// 30 calendar days have passed since (财库〔2020〕10号 二（三）) — or, with the urgent, unforeseeable
// reason recorded and published with it, from the day it was published. Answered with the reason and
// the date.
import type { Executor } from '../../platform/db/database.js';
import { INTENTION_LEAD_DAYS } from './planning.rules.js';
import { findIntention } from './planning.repository.js';

export type ProcurementStart =
  | { allowed: true; from: string }
  | { allowed: false; key: string; params: Record<string, string | number>; source: string };

export async function procurementMayStart(
  db: Executor,
  intentionId: string,
  date: string,
): Promise<ProcurementStart> {
  const source = INTENTION_LEAD_DAYS.source;
  const intention = await findIntention(db, intentionId);
  if (!intention || intention.status !== 'published' || !intention.procurement_allowed_from) {
    return { allowed: false, key: 'planning.start.notPublished', params: {}, source };
  }
  if (date < intention.procurement_allowed_from) {
    return {
      allowed: false,
      key: 'planning.start.tooEarly',
      params: { from: intention.procurement_allowed_from, days: INTENTION_LEAD_DAYS.value },
      source,
    };
  }
  return { allowed: true, from: intention.procurement_allowed_from };
}

/** What a procurement project takes over from its intention. */
export async function intentionForProject(db: Executor, intentionId: string) {
  const n = await findIntention(db, intentionId);
  if (!n) return undefined;
  return {
    id: n.id,
    departmentId: n.department_id,
    projectName: n.project_name,
    budgetFen: n.budget_fen,
    itemCode: n.item_code,
    itemName: n.item_name,
    status: n.status,
    procurementAllowedFrom: n.procurement_allowed_from,
    urgentReason: n.urgent_reason,
    recordId: n.public_record_id,
    itemDomain: n.item_domain,
  };
}
