import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { invalid, notFound } from '../errors.js';
import { transition } from '../lifecycle/lifecycle.js';
import { audit } from './audit.js';
import { holdOrganization, updateOrganization as updateOrganizationRow } from './auth.repository.js';
import type { UpdateOrganizationBody } from './auth.schemas.js';
import { organizationLifecycle } from './organizations.lifecycle.js';
import { organizationProblems } from './organization-rules.js';

/**
 * An administrator edits an organization; its kind is fixed once created. The organization is held while
 * deciding; an edit that changes nothing — a repeat — records nothing.
 */
export async function updateOrganization(
  ctx: Ctx,
  id: string,
  input: Static<typeof UpdateOrganizationBody>,
): Promise<void> {
  const org = await holdOrganization(ctx.trx, id);
  if (!org) throw notFound('error.organizationNotFound');
  const shape = {
    kind: org.kind,
    level: input.level === undefined ? org.level : input.level,
    parent_id: input.parentId === undefined ? org.parent_id : input.parentId,
    district_code: input.districtCode === undefined ? org.district_code : input.districtCode,
    uscc: input.uscc === undefined ? org.uscc : input.uscc,
    org_type: input.orgType === undefined ? org.org_type : input.orgType,
  };
  const { problems, uscc } = await organizationProblems(ctx, shape, id);
  if (problems.length > 0) throw invalid(problems);
  const changes = {
    name: input.name ?? org.name,
    name_en: input.nameEn === undefined ? org.name_en : input.nameEn,
    ...shape,
    uscc,
  };
  const status = input.status ?? org.status;
  const same = (Object.keys(changes) as (keyof typeof changes)[]).every((k) => changes[k] === org[k]);
  if (same && status === org.status) return;
  const row = { ...changes, updated_at: ctx.now.toISOString() };
  // A change of status is a transition of the organization's lifecycle, with the other changes in one update.
  if (status !== org.status)
    await transition(ctx, organizationLifecycle, org, status === 'inactive' ? 'deactivate' : 'activate', {
      changes: row,
    });
  else await updateOrganizationRow(ctx.trx, id, row);
  await audit(
    ctx,
    'organization.updated',
    { type: 'organization', id },
    { fields: Object.keys(input).join(',') },
  );
}
