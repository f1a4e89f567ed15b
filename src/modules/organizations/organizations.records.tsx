// The records this module publishes: the public part of an organization's registry entry, each time it
// changes (publish-profile.ts).
import { Type, type Static } from 'typebox';
import { SOCIAL_ORGANIZATION_TYPES, ORGANIZATION_LEVELS } from '../../platform/access/roles.js';
import { defineRecordKind } from '../../platform/publish/record-kinds.js';
import { Fields, Table, line, word, yesNo } from '../../platform/publish/record-parts.js';
import { Code, IsoDate, Nullable, Obj } from '../../platform/publish/record-schemas.js';
import { findDistrict } from '../../platform/validation/districts.js';
import { registerMessages, type Locale } from '../../platform/views/i18n.js';
import { COMPLIANCE_KINDS, INSPECTION_RESULTS, SERVICE_DOMAINS } from './registry.rules.js';

export const ProfileContent = Obj({
  name: Type.String(),
  nameEn: Nullable(Type.String()),
  uscc: Nullable(Type.String()),
  type: Nullable(Code<(typeof SOCIAL_ORGANIZATION_TYPES)[number]>(SOCIAL_ORGANIZATION_TYPES)),
  status: Code<'active' | 'inactive'>(['active', 'inactive']),
  registrationLevel: Nullable(Code<(typeof ORGANIZATION_LEVELS)[number]>(ORGANIZATION_LEVELS)),
  districtCode: Nullable(Type.String({ pattern: '^\\d{6}$' })),
  registrationAuthority: Nullable(Type.String()),
  foundedOn: Nullable(IsoDate),
  legalRepresentative: Nullable(Type.String()),
  address: Nullable(Type.String()),
  serviceDomains: Type.Array(Code(SERVICE_DOMAINS)),
  services: Nullable(Type.String()),
  grade: Nullable(Obj({ grade: Type.Integer(), awardedOn: IsoDate, validUntil: IsoDate })),
  annualReports: Type.Array(Obj({ year: Type.Integer(), result: Code(INSPECTION_RESULTS) })),
  compliance: Type.Array(
    Obj({ kind: Code(COMPLIANCE_KINDS), year: Type.Integer(), compliant: Type.Boolean() }),
  ),
});

declare module '../../platform/publish/record-kinds.js' {
  interface RecordContents {
    organizationProfile: Static<typeof ProfileContent>;
  }
}

registerMessages({
  'zh-CN': {
    'record.profile.grade': '{grade}A（{awardedOn} 评定，有效期至 {validUntil}）',
    'record.profile.annualReports': '年检结果',
    'record.profile.compliance': '依法纳税和社会保险',
    'record.profile.compliant': '是否合规',
  },
  en: {
    'record.profile.grade': '{grade}A (awarded {awardedOn}, valid until {validUntil})',
    'record.profile.annualReports': 'Annual inspections',
    'record.profile.compliance': 'Tax and social insurance',
    'record.profile.compliant': 'Compliant',
  },
});

function districtName(code: string | null, locale: Locale): string | null {
  if (code === null) return null;
  const d = findDistrict(code);
  return d ? (locale === 'en' ? d.nameEn : d.name) : code;
}

defineRecordKind({
  kind: 'organizationProfile',
  schema: ProfileContent,
  render: (c, t, locale) => (
    <>
      <Fields
        items={[
          [t('org.name'), c.name],
          [t('org.nameEn'), c.nameEn],
          [t('org.uscc'), c.uscc],
          [t('org.orgType'), c.type ? word(t, 'org.orgType', c.type) : null],
          [t('org.status'), word(t, 'org.status', c.status)],
          [t('org.level'), c.registrationLevel ? word(t, 'org.level', c.registrationLevel) : null],
          [t('org.district'), districtName(c.districtCode, locale)],
          [t('registry.registrationAuthority'), c.registrationAuthority],
          [t('registry.foundedOn'), c.foundedOn],
          [t('registry.legalRepresentative'), c.legalRepresentative],
          [t('registry.address'), c.address],
          [
            t('registry.serviceDomains'),
            c.serviceDomains.length > 0
              ? c.serviceDomains.map((d) => word(t, 'registry.domain', d)).join(locale === 'en' ? ', ' : '、')
              : null,
          ],
          [t('registry.services'), c.services],
          [t('profile.grade'), c.grade ? t('record.profile.grade', { ...c.grade }) : t('profile.noGrade')],
        ]}
      />
      <Table
        caption={t('record.profile.annualReports')}
        head={[t('record.field.year'), t('profile.inspections')]}
        rows={c.annualReports.map((r) => [String(r.year), word(t, 'registry.inspection', r.result)])}
      />
      <Table
        caption={t('record.profile.compliance')}
        head={[t('record.field.year'), t('record.profile.compliance'), t('record.profile.compliant')]}
        rows={c.compliance.map((r) => [
          String(r.year),
          word(t, 'registry.compliance', r.kind),
          yesNo(t, r.compliant),
        ])}
      />
    </>
  ),
  summary: (c, t) =>
    line(
      c.name,
      c.uscc,
      c.type ? word(t, 'org.orgType', c.type) : null,
      word(t, 'org.status', c.status),
      c.registrationAuthority,
      c.grade ? `${c.grade.grade}A` : null,
    ),
});
