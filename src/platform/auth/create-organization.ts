import type { Static } from 'typebox';
import type { Ctx } from '../context.js';
import { invalid } from '../errors.js';
import { newId } from '../ids.js';
import { audit } from './audit.js';
import { insertOrganization } from './auth.repository.js';
import type { CreateOrganizationBody } from './auth.schemas.js';
import { organizationProblems } from './organization-rules.js';

/** An administrator adds an organization: a department, a bureau, a social organization or an agency. */
export async function createOrganization(
  ctx: Ctx,
  input: Static<typeof CreateOrganizationBody>,
): Promise<{ id: string }> {
  const shape = {
    kind: input.kind,
    level: input.level ?? null,
    parent_id: input.parentId ?? null,
    district_code: input.districtCode ?? null,
    uscc: input.uscc ?? null,
    org_type: input.orgType ?? null,
  };
  const { problems, uscc } = await organizationProblems(ctx, shape, null);
  if (problems.length > 0) throw invalid(problems);
  const id = newId(ctx.now);
  const now = ctx.now.toISOString();
  await insertOrganization(ctx.trx, {
    id,
    name: input.name,
    name_en: input.nameEn ?? null,
    ...shape,
    uscc,
    status: 'active',
    created_at: now,
    updated_at: now,
  });
  await audit(
    ctx,
    'organization.created',
    { type: 'organization', id },
    { name: input.name, kind: input.kind },
  );
  return { id };
}
