// The demo organizations are created with the platform's directory (name, type, credit code, district);
// this fills in their registry profile the way civil-affairs staff would, through the registry's use-case.
import { findOrganization } from '../platform/auth/auth.repository.js';
import type { Ctx } from '../platform/context.js';
import { updateRegistration, type RegistrationInput } from '../modules/organizations/index.js';

type ProfileFields = Omit<
  RegistrationInput,
  'name' | 'nameEn' | 'orgType' | 'uscc' | 'registrationLevel' | 'districtCode' | 'services'
> & {
  services: string | null;
};

export async function saveDemoProfile(
  ctx: Ctx,
  organizationId: string,
  fields: ProfileFields,
): Promise<void> {
  const org = await findOrganization(ctx.trx, organizationId);
  if (!org?.org_type || !org.uscc || !org.district_code)
    throw new Error(`demo organization ${organizationId} is incomplete`);
  const { services, ...rest } = fields;
  await updateRegistration(
    ctx,
    organizationId,
    {
      name: org.name,
      ...(org.name_en ? { nameEn: org.name_en } : {}),
      orgType: org.org_type,
      uscc: org.uscc,
      registrationLevel: org.level === 'city' ? 'city' : 'district',
      districtCode: org.district_code,
      ...rest,
      ...(services ? { services } : {}),
    },
    { publish: false },
  );
}
