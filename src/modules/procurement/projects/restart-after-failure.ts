// After a failure (too few responses), the department takes one of the ways forward the law gives for
// the method (methods.ts `failurePaths`): a new procurement of the failed lots, by the same method
// (re-tender) or — where the law allows and with the finance bureau's approval, whose reference is
// recorded — by another. The new project names the one it follows; its notice publishes the basis.
import type { Static } from 'typebox';
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid, type FieldProblem } from '../../../platform/errors.js';
import { createProject } from './create-project.js';
import { METHOD_SETTINGS, type Method } from '../methods.js';
import { followerOf, lotsOf } from './projects.repository.js';
import type { RestartBody } from '../procurement.schemas.js';
import { projectKeptBy } from './project-access.js';

export interface RestartBasis {
  followsProjectId: string;
  path: 'retender' | 'changeMethod';
  source: string;
  approvalReference: string | null;
}

export async function restartAfterFailure(
  ctx: Ctx,
  projectId: string,
  input: Static<typeof RestartBody>,
): Promise<{ id: string }> {
  // Held: two clicks at once must not open two follow-ups.
  const project = await projectKeptBy(ctx, projectId);
  const failedLots = (await lotsOf(ctx.trx, project.id)).filter((l) => l.outcome === 'failed');
  if (failedLots.length === 0) throw conflict('nothing_failed', 'procurement.restart.nothingFailed');
  const follower = await followerOf(ctx.trx, project.id);
  if (follower) throw conflict('already_restarted', 'procurement.restart.already', { title: follower.title });
  const method = project.method as Method;
  const way = METHOD_SETTINGS[method].failurePaths.find((p) => p.path === input.path);
  const problems: FieldProblem[] = [];
  if (!way) problems.push({ field: 'path', key: 'procurement.restart.pathNotAllowed' });
  let next: Method = method;
  if (way && input.path === 'changeMethod') {
    if (!input.method || !way.methods?.includes(input.method))
      problems.push({
        field: 'method',
        key: 'procurement.restart.methodNotAllowed',
        params: { source: way.source },
      });
    else next = input.method;
    if (!input.approvalReference?.trim())
      problems.push({
        field: 'approvalReference',
        key: 'procurement.restart.approvalNeeded',
        params: { source: way.source },
      });
  }
  if (problems.length > 0) throw invalid(problems);
  const basis: RestartBasis = {
    followsProjectId: project.id,
    path: input.path,
    source: way!.source,
    approvalReference: input.path === 'changeMethod' ? input.approvalReference!.trim() : null,
  };
  return createProject(
    ctx,
    {
      intentionId: project.intention_id,
      title: input.title?.trim() || project.title,
      method: next,
      lots: failedLots.map((l) => ({ title: l.title, budgetFen: l.budget_fen })),
    },
    { follows_project_id: project.id, restart_basis: JSON.stringify(basis) },
  );
}
