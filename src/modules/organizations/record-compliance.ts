// A tax or social-insurance compliance statement for a year, with its evidence (S3: eligibility needs a
// clean tax and social-insurance record).
import type { Static } from 'typebox';
import { holdOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { conflict, fieldError, notFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isRegistryEntry } from './registry.rules.js';
import { recordChange } from './history.js';
import { publishProfile } from './publish-profile.js';
import { today } from './registry.checks.js';
import { compliance, saveCompliance } from './registry.repository.js';
import type { ComplianceBody } from './registry.schemas.js';

export async function recordCompliance(
  ctx: Ctx,
  organizationId: string,
  input: Static<typeof ComplianceBody>,
  options: { publish?: boolean } = {},
): Promise<void> {
  // The organization is held: a record that repeats one already there (two at once) is refused.
  const org = await holdOrganization(ctx.trx, organizationId);
  if (!org || !isRegistryEntry(org)) throw notFound('error.organizationNotFound');
  if (input.year > Number(today(ctx).slice(0, 4)))
    throw fieldError('year', 'registry.yearInFuture', { year: input.year });
  const existing = (await compliance(ctx.trx, organizationId)).find(
    (c) => c.kind === input.kind && c.year === input.year,
  );
  if (existing && existing.compliant === (input.compliant ? 1 : 0) && existing.evidence === input.evidence) {
    throw conflict('already_recorded', 'registry.alreadyRecorded');
  }
  await saveCompliance(ctx.trx, {
    id: newId(ctx.now),
    organization_id: organizationId,
    kind: input.kind,
    year: input.year,
    compliant: input.compliant ? 1 : 0,
    evidence: input.evidence,
    recorded_at: ctx.now.toISOString(),
    recorded_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
  });
  await recordChange(ctx, organizationId, 'compliance', {
    kind: input.kind,
    year: input.year,
    compliant: input.compliant,
  });
  if (options.publish !== false) await publishProfile(ctx, organizationId);
}
