// The purchaser sets the evaluation plan of a draft project: method, criteria with weights and ranges,
// the price weight, and optionally the most lots one supplier may win. Checked against the statutory
// bounds (evaluation.rules.ts); published with the notice, so only while the project is a draft.
import type { Ctx } from '../../../platform/context.js';
import { conflict, invalid } from '../../../platform/errors.js';
import type { Method } from '../methods.js';
import { projectKeptBy } from '../projects/project-access.js';
import { findProject, lotsOf } from '../projects/projects.repository.js';
import { findPlan, savePlan } from './evaluation.repository.js';
import { planProblems, type PlanInput } from './evaluation.rules.js';

/** `given` may be a function (a form's parse), run only once the actor is known to keep the project. */
export async function setEvaluationPlan(
  ctx: Ctx,
  projectId: string,
  given: PlanInput | (() => PlanInput),
): Promise<PlanInput> {
  const project = await projectKeptBy(ctx, projectId);
  const input = typeof given === 'function' ? given() : given;
  if (project.status !== 'draft') throw conflict('notice_published', 'evaluation.plan.afterNotice');
  const lots = await lotsOf(ctx.trx, project.id);
  const problems = planProblems(project.method as Method, input, lots.length);
  if (problems.length > 0) throw invalid(problems);
  return storePlan(ctx, project.id, input);
}

async function storePlan(ctx: Ctx, projectId: string, input: PlanInput): Promise<PlanInput> {
  const plan: PlanInput = {
    method: input.method,
    ...(input.priceWeight !== undefined ? { priceWeight: input.priceWeight } : {}),
    criteria: (input.criteria ?? []).map((c) => ({
      name: c.name.trim(),
      weight: c.weight,
      min: c.min,
      max: c.max,
    })),
    maxLotsPerSupplier: input.maxLotsPerSupplier ?? null,
  };
  await savePlan(ctx.trx, {
    project_id: projectId,
    plan: JSON.stringify(plan),
    set_at: ctx.now.toISOString(),
    set_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  return plan;
}

/**
 * The plan a new project starts with: the one given with it (checked, its fields named `evaluation.…`),
 * or — for a project that follows a failed one by the same method — the failed project's plan.
 */
export async function initialPlan(
  ctx: Ctx,
  input: { method: string; lots: readonly unknown[]; evaluation?: PlanInput | undefined },
  followsProjectId: string | undefined,
): Promise<{ save: (projectId: string) => Promise<void> } | null> {
  let plan = input.evaluation;
  if (!plan && followsProjectId) {
    const followed = await findProject(ctx.trx, followsProjectId);
    const row =
      followed && followed.method === input.method ? await findPlan(ctx.trx, followed.id) : undefined;
    if (row) {
      const copied = JSON.parse(row.plan) as PlanInput;
      if (planProblems(input.method as Method, copied, input.lots.length).length === 0) plan = copied;
    }
  }
  if (!plan) return null;
  const problems = planProblems(input.method as Method, plan, input.lots.length);
  if (problems.length > 0) throw invalid(problems.map((p) => ({ ...p, field: `evaluation.${p.field}` })));
  const lawful = plan;
  return {
    save: async (projectId) => {
      await storePlan(ctx, projectId, lawful);
    },
  };
}
