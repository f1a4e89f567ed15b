// The public part of an organization's registry entry is published (architecture rule 8) each time it
// changes: a new immutable record that supersedes the previous one.
import { findOrganization } from '../../platform/auth/auth.repository.js';
import type { Ctx } from '../../platform/context.js';
import { listPublicRecords } from '../../platform/publish/publish.repository.js';
import { publish, type PublicationReceipt } from '../../platform/publish/publish.js';
import { annualReports, compliance, findProfile, grades } from './registry.repository.js';

export const PROFILE_KIND = 'organizationProfile';

export async function publishProfile(ctx: Ctx, organizationId: string): Promise<PublicationReceipt> {
  const org = await findOrganization(ctx.trx, organizationId);
  if (!org) throw new Error(`publishProfile: no organization ${organizationId}`);
  const profile = await findProfile(ctx.trx, organizationId);
  const authority = profile?.registration_authority_id
    ? await findOrganization(ctx.trx, profile.registration_authority_id)
    : undefined;
  const latestGrade = (await grades(ctx.trx, organizationId))[0];
  const content = {
    name: org.name,
    nameEn: org.name_en,
    uscc: org.uscc,
    type: org.org_type,
    status: org.status,
    registrationLevel: org.level,
    districtCode: org.district_code,
    registrationAuthority: authority?.name ?? null,
    foundedOn: profile?.founded_on ?? null,
    legalRepresentative: profile?.legal_representative ?? null,
    address: profile?.address ?? null,
    serviceDomains: profile ? (JSON.parse(profile.service_domains) as string[]) : [],
    services: profile?.services ?? null,
    grade: latestGrade
      ? { grade: latestGrade.grade, awardedOn: latestGrade.awarded_on, validUntil: latestGrade.valid_until }
      : null,
    annualReports: (await annualReports(ctx.trx, organizationId)).map((r) => ({
      year: r.year,
      result: r.inspection_result,
    })),
    compliance: (await compliance(ctx.trx, organizationId)).map((c) => ({
      kind: c.kind,
      year: c.year,
      compliant: c.compliant === 1,
    })),
  };
  const previous = await listPublicRecords(ctx.trx, {
    kind: PROFILE_KIND,
    subjectId: organizationId,
    limit: 1,
    offset: 0,
  });
  return publish(ctx, {
    kind: PROFILE_KIND,
    subjectId: organizationId,
    title: `${org.name}（登记信息）`,
    content,
    ...(previous.rows[0] ? { supersedes: previous.rows[0].id } : {}),
  });
}
