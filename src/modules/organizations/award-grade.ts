// An evaluation grade (评估等级, 1A–5A), valid five years unless stated (民政部令第39号).
import type { Static } from 'typebox';
import { holdOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { AppError, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { recordChange } from './history.js';
import { publishProfile } from './publish-profile.js';
import { GRADE_VALIDITY_YEARS, isRegistryEntry } from './registry.rules.js';
import { notInFuture } from './registry.checks.js';
import { grades, insertGrade } from './registry.repository.js';
import type { GradeBody } from './registry.schemas.js';

export function defaultValidUntil(awardedOn: string): string {
  const d = new Date(`${awardedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + GRADE_VALIDITY_YEARS.value);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export async function awardGrade(
  ctx: Ctx,
  organizationId: string,
  input: Static<typeof GradeBody>,
  options: { publish?: boolean } = {},
): Promise<void> {
  // The organization is held: a record that repeats one already there (two at once) is refused.
  const org = await holdOrganization(ctx.trx, organizationId);
  if (!org || !isRegistryEntry(org)) throw notFound('error.organizationNotFound');
  const problems: FieldProblem[] = [];
  notInFuture(ctx, 'awardedOn', input.awardedOn, problems);
  const validUntil = input.validUntil ?? defaultValidUntil(input.awardedOn);
  if (validUntil <= input.awardedOn)
    problems.push({ field: 'validUntil', key: 'registry.validUntilBeforeAward' });
  if (problems.length > 0) throw invalid(problems);
  const recorded = await grades(ctx.trx, organizationId);
  if (recorded.some((g) => g.grade === input.grade && g.awarded_on === input.awardedOn)) {
    throw new AppError(409, 'grade_recorded', 'registry.gradeRecorded', {}, [
      { field: 'awardedOn', key: 'registry.gradeRecorded' },
    ]);
  }
  await insertGrade(ctx.trx, {
    id: newId(ctx.now),
    organization_id: organizationId,
    grade: input.grade,
    awarded_on: input.awardedOn,
    valid_until: validUntil,
    reference: input.reference,
    recorded_at: ctx.now.toISOString(),
    recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  await recordChange(ctx, organizationId, 'grade', {
    grade: input.grade,
    awardedOn: input.awardedOn,
    validUntil,
  });
  if (options.publish !== false) await publishProfile(ctx, organizationId);
}
