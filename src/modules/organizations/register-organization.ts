// Civil-affairs staff register a social organization: its identity (name, type, credit code, level,
// district) and its registry profile, in one transaction; the public part is published.
import type { Static } from 'typebox';
import { createOrganization } from '../../platform/auth/create-organization.js';
import type { Ctx } from '../../platform/context.js';
import { invalid, type FieldProblem } from '../../platform/errors.js';
import { normalizeEmail } from '../../platform/validation/contact.js';
import { recordChange } from './history.js';
import { publishProfile } from './publish-profile.js';
import { registrationProblems, usccWarnings } from './registry.checks.js';
import { saveProfile } from './registry.repository.js';
import { SERVICE_DOMAINS } from './registry.rules.js';
import type { RegistrationBody } from './registry.schemas.js';

export type RegistrationInput = Static<typeof RegistrationBody>;

export function profileRow(ctx: Ctx, organizationId: string, input: RegistrationInput) {
  return {
    organization_id: organizationId,
    registration_authority_id: input.registrationAuthorityId,
    founded_on: input.foundedOn ?? null,
    legal_representative: input.legalRepresentative ?? null,
    contact_name: input.contactName ?? null,
    contact_phone: input.contactPhone ?? null,
    contact_email: input.contactEmail ? (normalizeEmail(input.contactEmail) ?? input.contactEmail) : null,
    address: input.address ?? null,
    // In the catalogue's order, so the same domains listed in another order are not a change.
    service_domains: JSON.stringify(SERVICE_DOMAINS.filter((d) => input.serviceDomains?.includes(d))),
    services: input.services ?? null,
    updated_at: ctx.now.toISOString(),
  };
}

export async function registerOrganization(
  ctx: Ctx,
  input: RegistrationInput,
  options: { publish?: boolean } = {},
): Promise<{ id: string; warnings: FieldProblem[] }> {
  const problems: FieldProblem[] = await registrationProblems(ctx, input);
  if (problems.length > 0) throw invalid(problems);
  // The platform checks the credit code (format, check character, uniqueness) and the district.
  const { id } = await createOrganization(ctx, {
    name: input.name,
    ...(input.nameEn ? { nameEn: input.nameEn } : {}),
    kind: 'socialOrganization',
    orgType: input.orgType,
    uscc: input.uscc,
    level: input.registrationLevel,
    districtCode: input.districtCode,
  });
  const profile = profileRow(ctx, id, input);
  await saveProfile(ctx.trx, profile);
  await recordChange(ctx, id, 'registered', { name: input.name, uscc: input.uscc });
  if (options.publish !== false) await publishProfile(ctx, id);
  return { id, warnings: usccWarnings(input.uscc) };
}
