// Civil-affairs staff correct or update a registration. Every change is kept in the organization's
// history (field, before, after, who, when) and the public part is published again.
import { findOrganization, holdOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { invalid, notFound, type FieldProblem } from '../../platform/errors.js';
import { updateOrganization } from '../../platform/auth/update-organization.js';
import { isRegistryEntry } from './registry.rules.js';
import { diff, recordChange } from './history.js';
import { publishProfile } from './publish-profile.js';
import { profileRow, type RegistrationInput } from './register-organization.js';
import { registrationProblems, usccWarnings } from './registry.checks.js';
import { findProfile, saveProfile } from './registry.repository.js';

export async function updateRegistration(
  ctx: Ctx,
  id: string,
  input: RegistrationInput & { status?: 'active' | 'inactive' | undefined },
  options: { publish?: boolean } = {},
): Promise<{ changed: string[]; warnings: FieldProblem[] }> {
  // Held while comparing before and after: of two identical corrections at once, the second finds
  // nothing to change and records nothing.
  const org = await holdOrganization(ctx.trx, id);
  if (!org || !isRegistryEntry(org)) throw notFound('error.organizationNotFound');
  const problems = await registrationProblems(ctx, input);
  if (problems.length > 0) throw invalid(problems);
  const before = await findProfile(ctx.trx, id);
  await updateOrganization(ctx, id, {
    name: input.name,
    nameEn: input.nameEn ?? null,
    orgType: input.orgType,
    uscc: input.uscc,
    level: input.registrationLevel,
    districtCode: input.districtCode,
    ...(input.status ? { status: input.status } : {}),
  });
  const after = await findOrganization(ctx.trx, id);
  const profile = profileRow(ctx, id, input);
  await saveProfile(ctx.trx, profile);
  const { updated_at: _a, ...profileFields } = profile;
  const { updated_at: _b, ...beforeFields } =
    before ?? ({ updated_at: '' } as Record<string, unknown> & { updated_at: string });
  const changes = {
    ...diff(
      {
        name: org.name,
        name_en: org.name_en,
        org_type: org.org_type,
        uscc: org.uscc,
        level: org.level,
        district_code: org.district_code,
        status: org.status,
      },
      {
        name: after!.name,
        name_en: after!.name_en,
        org_type: after!.org_type,
        uscc: after!.uscc,
        level: after!.level,
        district_code: after!.district_code,
        status: after!.status,
      },
    ),
    ...diff(beforeFields, profileFields),
  };
  delete changes.organization_id;
  if (Object.keys(changes).length > 0) {
    await recordChange(ctx, id, 'updated', changes);
    if (options.publish !== false) await publishProfile(ctx, id);
  }
  return { changed: Object.keys(changes).map(apiField), warnings: usccWarnings(input.uscc) };
}

/** The API's name of a changed column: `level` is `registrationLevel`, the rest in camel case. */
function apiField(column: string): string {
  if (column === 'level') return 'registrationLevel';
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
