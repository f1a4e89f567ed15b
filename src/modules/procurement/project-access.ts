// A project is kept by its department's purchaser staff (and administrators).
import type { Ctx } from '../../platform/context.js';
import { forbidden, notFound, unauthenticated } from '../../platform/http/errors.js';
import { keepsDepartment } from '../catalogue/index.js';
import { findProject, type ProjectTable } from './procurement.repository.js';

export async function projectKeptBy(ctx: Ctx, projectId: string): Promise<ProjectTable> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const project = await findProject(ctx.trx, projectId);
  if (!project) throw notFound('procurement.projectNotFound');
  if (!keepsDepartment(ctx.actor, project.department_id)) throw forbidden('procurement.notYourProject');
  return project;
}
