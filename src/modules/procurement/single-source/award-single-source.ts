// The single-source award (成交): after the supplier's sealed response was opened, the department
// records the price agreed in the negotiation (GPL Art 39) and publishes the award. Not before the
// pre-notice has run and every objection is answered (singleSourceMayAward; GPR Art 38); never above
// the budget or the supplier's own offer.
import type { Static } from 'typebox';
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict, invalid } from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { publish } from '../../../platform/publish/publish.js';
import { beijingDate } from '../../../platform/time/dates.js';
import type { OpenedBid } from '../opening/open-bids.js';
import { bidsOf } from '../bids/bids.repository.js';
import { findSingleSource } from './single-source.repository.js';
import { insertNotice } from '../notices/notices.repository.js';
import type { AwardBody } from '../procurement.schemas.js';
import { projectKeptBy } from '../projects/project-access.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { projectLifecycle } from '../projects/project.lifecycle.js';
import { singleSourceMayAward } from './single-source.js';
import { SINGLE_SOURCE_GROUNDS, type SingleSourceGround } from '../methods.js';

export const AWARD_KIND = 'awardNotice';

export async function awardSingleSource(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof AwardBody>,
): Promise<{ recordId: string }> {
  const project = await projectKeptBy(ctx, projectId);
  if (project.method !== 'singleSource')
    throw invalid([{ field: 'method', key: 'procurement.notSingleSource' }]);
  if (project.status !== 'opened')
    throw conflict('project_state', 'procurement.wrongState', { status: project.status });
  const today = beijingDate(ctx.now);
  const check = await singleSourceMayAward(ctx.trx, project.id, today);
  if (!check.allowed) throw new AppError(409, 'award_not_allowed', check.key, check.params);
  const [response] = await bidsOf(ctx.trx, project.id, ['opened']);
  const opened = JSON.parse(response!.opened_content!) as OpenedBid;
  const offered = opened.content.lots.reduce((n, l) => n + l.priceFen, 0);
  if (!Number.isSafeInteger(input.priceFen) || input.priceFen < 1)
    throw invalid([{ field: 'priceFen', key: 'validation.minimum', params: { limit: 1 } }]);
  if (input.priceFen > offered || input.priceFen > project.budget_fen) {
    throw invalid([
      {
        field: 'priceFen',
        key: 'procurement.award.priceTooHigh',
        params: { offered: offered / 100, budget: project.budget_fen / 100 },
      },
    ]);
  }
  const request = (await findSingleSource(ctx.trx, project.id))!;
  const supplier = (await findOrganization(ctx.trx, request.supplier_id))!;
  const department = (await findOrganization(ctx.trx, project.department_id))!;
  const ground = request.ground as SingleSourceGround;
  const record = await publish(ctx, {
    kind: AWARD_KIND,
    subjectId: project.id,
    title: `${project.title}（成交公告）`,
    content: {
      project: {
        id: project.id,
        number: project.number,
        title: project.title,
        method: project.method,
        budgetFen: project.budget_fen,
      },
      department: { id: department.id, name: department.name },
      supplier: { id: supplier.id, name: supplier.name, uscc: supplier.uscc },
      ground: { name: ground, source: SINGLE_SOURCE_GROUNDS[ground].source },
      offeredFen: offered,
      priceFen: input.priceFen,
      negotiation: input.text.trim(),
      singleSourceNoticeRecordId: request.public_record_id,
      awardedOn: today,
    },
  });
  await insertNotice(ctx.trx, {
    id: newId(ctx.now),
    project_id: project.id,
    kind: 'award',
    notice_date: today,
    deadline: null,
    moved_from: null,
    text: input.text.trim(),
    published_at: ctx.now.toISOString(),
    public_record_id: record.recordId,
  });
  await transition(ctx, projectLifecycle, project, 'award', { recordId: record.recordId });
  return { recordId: record.recordId };
}
