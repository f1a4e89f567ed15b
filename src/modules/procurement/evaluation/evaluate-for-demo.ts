// The demo city's evaluations (src/demo/evaluation.ts): each opened project gets a seated panel of the
// given experts, who review every bid, explain low prices, score and deliver the report through the
// same use-cases as the API; the purchaser confirms the lots of the first project. It all happens in
// the last hour before `ctx.now`, after every other procurement step, so the log stays in time order.
import type { Actor } from '../../../platform/access/roles.js';
import type { Ctx } from '../../../platform/context.js';
import { newId } from '../../../platform/ids.js';
import { confirmAward } from '../award/confirm-award.js';
import { deliverReport } from './deliver-report.js';
import { evaluationState, flaggedLow } from './evaluation-state.js';
import { openedProjects, seatPanelDirectly } from './evaluation.repository.js';
import { recordPriceExplanation } from './record-explanation.js';
import { reviewBid } from './review-bid.js';
import { submitSheet } from './submit-sheet.js';
import { findProject } from '../projects/projects.repository.js';
import { confirmedMembers, currentPanel } from '../panel/panel.repository.js';

export interface DemoExpert {
  userId: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

export async function evaluateForDemo(ctx: Ctx, experts: readonly DemoExpert[]): Promise<void> {
  const projects = await openedProjects(ctx.trx);
  let minute = 0;
  /** The next minute of the last hour before now. */
  const at = (actor: Actor = ctx.actor): Ctx => ({
    ...ctx,
    now: new Date(ctx.now.getTime() - (60 - Math.min(++minute, 59)) * 60_000),
    actor,
  });
  for (const [n, p] of projects.entries()) {
    if (!p.opened_at) continue;
    const as = (e: DemoExpert): Actor => ({
      kind: 'user',
      userId: e.userId,
      name: e.name,
      via: 'session',
      memberships: [
        {
          organizationId: e.organizationId,
          organizationName: e.organizationName,
          organizationKind: 'bureau',
          organizationLevel: 'city',
          role: 'expert',
        },
      ],
    });
    const seatedAt = at();
    // A panel the draw already seated is used as it is; otherwise the given experts sit.
    const seated = await currentPanel(ctx.trx, p.id);
    const members = seated ? await confirmedMembers(ctx.trx, seated.id) : [];
    if (!seated)
      await seatPanelDirectly(ctx.trx, {
        panelId: newId(seatedAt.now),
        projectId: p.id,
        now: seatedAt.now.toISOString(),
        experts: experts.map((e) => ({ ...e, expertId: newId(seatedAt.now), memberId: newId(seatedAt.now) })),
      });
    else if (members.length === 0) continue;
    const sitting: DemoExpert[] = seated
      ? members.map((m) => ({ ...experts[0]!, userId: m.userId, name: m.name }))
      : [...experts];
    const lead = sitting[0]!;
    const project = (await findProject(ctx.trx, p.id))!;
    let state = await evaluationState(ctx.trx, project);
    for (const lot of state.perLot)
      for (const e of lot.entries)
        await reviewBid(at(as(lead)), p.id, {
          bidId: e.bid.id,
          lot: lot.number,
          passed: true,
        });
    state = await evaluationState(ctx.trx, project);
    for (const lot of state.perLot)
      for (const bidId of flaggedLow(lot))
        await recordPriceExplanation(at(as(lead)), p.id, {
          bidId,
          lot: lot.number,
          explanation: '部分服务由志愿者承担，人工成本较低，已附测算表。',
          accepted: true,
        });
    state = await evaluationState(ctx.trx, project);
    if (state.plan?.method === 'comprehensive') {
      for (const [k, e] of sitting.entries())
        for (const lot of state.perLot)
          for (const [i, c] of lot.compliant.entries()) {
            // A different bid leads in each lot; experts differ by a point or two.
            const lead = (i + lot.number - 1) % lot.compliant.length === 0;
            const scores = lead ? [36 + k, 26] : [28 + k, 22 - i];
            await submitSheet(at(as(e)), p.id, {
              bidId: c.bid.id,
              lot: lot.number,
              scores,
            });
          }
    }
    await deliverReport(at(as(lead)), p.id);
    // The first project is awarded the next day; the others await the purchaser's confirmation.
    if (n === 0) for (const lot of state.perLot) await confirmAward(at(), p.id, { lot: lot.number });
  }
}
