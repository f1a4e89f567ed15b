// The annual report (年度工作报告) and the result of the annual inspection (年检) for a year.
import type { Static } from 'typebox';
import { holdOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isRegistryEntry } from './registry.rules.js';
import { recordChange } from './history.js';
import { publishProfile } from './publish-profile.js';
import { notInFuture, today } from './registry.checks.js';
import { annualReports, saveAnnualReport } from './registry.repository.js';
import type { AnnualReportBody } from './registry.schemas.js';

export async function recordAnnualReport(
  ctx: Ctx,
  organizationId: string,
  input: Static<typeof AnnualReportBody>,
  options: { publish?: boolean } = {},
): Promise<void> {
  // The organization is held: a record that repeats one already there (two at once) is refused.
  const org = await holdOrganization(ctx.trx, organizationId);
  if (!org || !isRegistryEntry(org)) throw notFound('error.organizationNotFound');
  const problems: FieldProblem[] = [];
  if (input.year > Number(today(ctx).slice(0, 4)))
    problems.push({ field: 'year', key: 'registry.yearInFuture', params: { year: input.year } });
  notInFuture(ctx, 'submittedOn', input.submittedOn, problems);
  if (problems.length > 0) throw invalid(problems);
  const existing = (await annualReports(ctx.trx, organizationId)).find((r) => r.year === input.year);
  if (
    existing &&
    existing.submitted_on === (input.submittedOn ?? null) &&
    existing.inspection_result === input.inspectionResult &&
    existing.note === (input.note ?? null)
  ) {
    throw conflict('already_recorded', 'registry.alreadyRecorded');
  }
  await saveAnnualReport(ctx.trx, {
    id: newId(ctx.now),
    organization_id: organizationId,
    year: input.year,
    submitted_on: input.submittedOn ?? null,
    inspection_result: input.inspectionResult,
    note: input.note ?? null,
    recorded_at: ctx.now.toISOString(),
    recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  await recordChange(ctx, organizationId, 'annualReport', {
    year: input.year,
    result: input.inspectionResult,
  });
  if (options.publish !== false) await publishProfile(ctx, organizationId);
}
