// A project is kept by its department (procurement.policy.ts, `project.manage`). Every use-case that
// changes a project reads it here, held (holdProject) until its transaction ends: 401 for an anonymous
// caller, 404 when there is no such project, 403 when the actor does not keep it.
import { can } from '../../../platform/access/policy.js';
import type { Ctx } from '../../../platform/context.js';
import { forbidden, notFound, unauthenticated } from '../../../platform/errors.js';
import { holdProject, type ProjectTable } from './projects.repository.js';

export async function projectKeptBy(ctx: Ctx, projectId: string): Promise<ProjectTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const project = await holdProject(ctx.trx, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  if (!can(ctx.actor, 'project.manage', project)) throw forbidden('procurement.notYourProject');
  return project;
}
