// A project is kept by its department's purchaser staff (and administrators). Every use-case that changes
// a project reads it here, held (holdProject) until its transaction ends.
import type { Ctx } from '../../platform/context.js';
import { forbidden, notFound, unauthenticated } from '../../platform/http/errors.js';
import { keepsDepartment } from '../catalogue/index.js';
import { holdProject, type ProjectTable } from './procurement.repository.js';

export async function projectKeptBy(ctx: Ctx, projectId: string): Promise<ProjectTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const project = await holdProject(ctx.trx, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  if (!keepsDepartment(ctx.actor, project.department_id)) throw forbidden('procurement.notYourProject');
  return project;
}
