// Who acts in an evaluation: a confirmed member of the project's sitting panel (GPR Art 39, 41). The
// project is held for the transaction, so steps of one evaluation run one after another. 401/404/403
// through can() ('evaluation.score'), never a rule of its own.
import { can } from '../../../platform/access/policy.js';
import type { Ctx } from '../../../platform/context.js';
import { AppError, conflict, notFound, unauthenticated } from '../../../platform/errors.js';
import { holdProject } from '../projects/projects.repository.js';
import { evaluationState } from './evaluation-state.js';
import { PANEL_SOURCE } from './evaluation.rules.js';

/** The evaluation of a project whose bids are opened, for a confirmed member of its panel. */
export async function evaluationForMember(ctx: Ctx, projectId: string) {
  if (ctx.actor.kind !== 'user') throw unauthenticated();
  const project = await holdProject(ctx.trx, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  const state = await evaluationState(ctx.trx, project);
  const memberUserIds = state.members.map((m) => m.userId);
  if (!can(ctx.actor, 'evaluation.score', { memberUserIds }))
    throw new AppError(403, 'forbidden', 'evaluation.notMember', { source: PANEL_SOURCE });
  if (project.status !== 'opened')
    throw conflict('project_state', 'procurement.wrongState', { status: project.status });
  const member = state.members.find((m) => m.userId === actorId(ctx))!;
  return { ...state, member };
}

function actorId(ctx: Ctx): string | null {
  return ctx.actor.kind === 'user' ? ctx.actor.userId : null;
}

/** The lot of an evaluation, or a field problem naming it. */
export function lotOf(state: Awaited<ReturnType<typeof evaluationForMember>>, lot: number, bidId: string) {
  const l = state.perLot.find((x) => x.number === lot);
  if (!l)
    throw new AppError(422, 'validation_failed', 'error.validationFailed', { count: 1 }, [
      { field: 'lot', key: 'evaluation.noSuchLot', params: { lot } },
    ]);
  const entry = l.entries.find((e) => e.bid.id === bidId);
  if (!entry)
    throw new AppError(422, 'validation_failed', 'error.validationFailed', { count: 1 }, [
      { field: 'bidId', key: 'evaluation.noSuchBid', params: { lot } },
    ]);
  return { lot: l, entry };
}
