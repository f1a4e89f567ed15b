// A department opens a procurement project from its published intention: a method, lots with their
// budgets (S9: large projects may be split). Procurement may start only 30 days after the intention
// was published (财库〔2020〕10号): before that the project is refused, with the date.
import type { Static } from 'typebox';
import { findOrganization } from '../../../platform/auth/auth.repository.js';
import type { Ctx } from '../../../platform/context.js';
import {
  AppError,
  forbidden,
  invalid,
  unauthenticated,
  type FieldProblem,
} from '../../../platform/errors.js';
import { newId } from '../../../platform/ids.js';
import { beijingDate } from '../../../platform/time/dates.js';
import { can } from '../../../platform/access/policy.js';
import { intentionForProject, procurementMayStart } from '../../planning/index.js';
import { numberScope, projectNumber } from './project-number.rules.js';
import { lockNamed } from '../../../platform/db/locks.js';
import { insertProject, lastNumberInScope } from './projects.repository.js';
import type { ProjectBody } from '../procurement.schemas.js';

export async function createProject(
  ctx: Ctx,
  input: Static<typeof ProjectBody>,
  extra: { follows_project_id?: string; restart_basis?: string } = {},
): Promise<{ id: string }> {
  if (ctx.actor.kind === 'anonymous') throw unauthenticated();
  const intention = await intentionForProject(ctx.trx, input.intentionId);
  if (!intention || intention.status !== 'published') {
    throw invalid([{ field: 'intentionId', key: 'procurement.intentionNotPublished' }]);
  }
  if (!can(ctx.actor, 'project.manage', { department_id: intention.departmentId }))
    throw forbidden('procurement.notYourProject');
  const start = await procurementMayStart(ctx.trx, intention.id, beijingDate(ctx.now));
  if (!start.allowed) {
    throw new AppError(422, 'procurement_too_early', start.key, { ...start.params, source: start.source }, [
      { field: 'intentionId', key: start.key, params: { ...start.params, source: start.source } },
    ]);
  }
  const problems: FieldProblem[] = [];
  const total = input.lots.reduce((sum, l) => sum + l.budgetFen, 0);
  if (total > intention.budgetFen) {
    problems.push({
      field: 'lots',
      key: 'procurement.lotsOverBudget',
      params: { budget: intention.budgetFen / 100 },
    });
  }
  if (problems.length > 0) throw invalid(problems);
  const department = (await findOrganization(ctx.trx, intention.departmentId))!;
  const id = newId(ctx.now);
  const scope = numberScope(department.district_code, Number(beijingDate(ctx.now).slice(0, 4)), input.method);
  await insertProject(
    ctx.trx,
    {
      id,
      number: await nextNumber(ctx, scope),
      department_id: department.id,
      district_code: department.district_code,
      intention_id: intention.id,
      title: input.title.trim(),
      method: input.method,
      budget_fen: total,
      status: 'draft',
      notice_date: null,
      deadline: null,
      created_at: ctx.now.toISOString(),
      created_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      sealing_public_key: null,
      sealing_wrapped_key: null,
      sealing_key_id: null,
      follows_project_id: null,
      opened_at: null,
      restart_basis: null,
      invitation_basis: null,
      ...extra,
    },
    input.lots.map((l, i) => ({
      project_id: id,
      number: i + 1,
      title: l.title.trim(),
      budget_fen: l.budgetFen,
      outcome: null,
    })),
  );
  return { id };
}

/**
 * The next number of a scope, under the scope's lock until the transaction ends: two projects opened at
 * once on two nodes never get the same number (the unique index would refuse it anyway).
 */
async function nextNumber(ctx: Ctx, scope: string): Promise<string> {
  await lockNamed(ctx.trx, ctx.dialect, `gongshi.procurement.number.${scope}`);
  return projectNumber(scope, (await lastNumberInScope(ctx.trx, scope)) + 1);
}
