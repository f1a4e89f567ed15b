// May this organization respond to this project now, and if not, why — the one answer the bid
// use-cases (submit-bid.ts) enforce and the bid page shows. A project takes responses while it is open,
// until the end of its deadline day (87号令 Art 33); a single source only from the supplier the finance
// bureau approved; an invited tender only from the suppliers invited (GPL Art 34).
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import type { Executor } from '../../../platform/db/database.js';
import { AppError, conflict } from '../../../platform/errors.js';
import { formatBeijing } from '../../../platform/time/dates.js';
import { openingMoment } from '../opening/opening-schedule.js';
import { findSingleSource } from '../single-source/single-source.repository.js';
import { isInvited, type ProjectTable } from '../projects/projects.repository.js';

const LATE_SOURCE = '《政府采购货物和服务招标投标管理办法》（财政部令第87号）第三十三条';

/** Allowed, or the refusal the API answers with (its code, message key and parameters). */
export type Standing = { allowed: true } | { allowed: false; refusal: AppError };

const ALLOWED: Standing = { allowed: true };
const refused = (refusal: AppError): Standing => ({ allowed: false, refusal });

/** Whether the project takes responses at `now`: open, with a sealing key, before its opening. */
export function takingBids(
  now: Date,
  project: Pick<ProjectTable, 'status' | 'deadline' | 'sealing_public_key'>,
): Standing {
  if (project.status !== 'open' || !project.deadline || !project.sealing_public_key)
    return refused(conflict('project_not_open', 'procurement.notOpen'));
  const opensAt = openingMoment(project.deadline);
  if (now.getTime() >= opensAt.getTime()) {
    return refused(
      new AppError(409, 'bid_late', 'procurement.bid.late', {
        deadline: formatBeijing(new Date(opensAt.getTime() - 60_000)),
        source: LATE_SOURCE,
      }),
    );
  }
  return ALLOWED;
}

/** May `organizationId` respond to `project` now? */
export async function biddingStanding(
  ctx: { readonly trx: Executor; readonly now: Date },
  project: ProjectTable,
  organizationId: string,
): Promise<Standing> {
  const taking = takingBids(ctx.now, project);
  if (!taking.allowed) return taking;
  // Single source: only the supplier the finance bureau approved responds.
  if (project.method === 'singleSource') {
    const request = await findSingleSource(ctx.trx, project.id);
    if (request?.supplier_id !== organizationId) {
      const supplier = request ? await findOrganization(ctx.trx, request.supplier_id) : undefined;
      return refused(
        new AppError(403, 'forbidden', 'procurement.bid.onlySupplier', { name: supplier?.name ?? '' }),
      );
    }
  }
  // Invited tender: only the invited lead a response (GPL Art 34).
  if (project.method === 'invitedTender' && !(await isInvited(ctx.trx, project.id, organizationId)))
    return refused(new AppError(403, 'forbidden', 'procurement.bid.notInvited'));
  return ALLOWED;
}
