import { Type } from 'typebox';
import { ORGANIZATION_LEVELS, SOCIAL_ORGANIZATION_TYPES } from '../../platform/access/roles.js';
import { isoDate, oneOf, text } from '../../platform/http/schema-helpers.js';
import { COMPLIANCE_KINDS, INSPECTION_RESULTS, ROSTER_POSITIONS, SERVICE_DOMAINS } from './registry.rules.js';

const Phone = Type.String({ pattern: '^[0-9+\\-() ]{5,30}$', 'x-error': 'registry.contactPhoneFormat' });
const Email = Type.String({ maxLength: 254, format: 'email', 'x-error': 'validation.format.email' });

/** The registration of a social organization: what civil-affairs staff enter and what the import reads. */
export const RegistrationFields = {
  name: text(1, 200),
  nameEn: Type.Optional(text(1, 200)),
  orgType: oneOf(SOCIAL_ORGANIZATION_TYPES),
  uscc: Type.String({ minLength: 1, maxLength: 30 }),
  registrationLevel: oneOf(ORGANIZATION_LEVELS.filter((l) => l !== 'street') as ['city', 'district']),
  districtCode: Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' }),
  registrationAuthorityId: Type.String({ minLength: 1, maxLength: 64 }),
  foundedOn: Type.Optional(isoDate()),
  legalRepresentative: Type.Optional(text(1, 50)),
  contactName: Type.Optional(text(1, 50)),
  contactPhone: Type.Optional(Phone),
  contactEmail: Type.Optional(Email),
  address: Type.Optional(text(1, 200)),
  serviceDomains: Type.Optional(Type.Array(oneOf(SERVICE_DOMAINS), { maxItems: SERVICE_DOMAINS.length })),
  services: Type.Optional(text(1, 2000)),
};

export const RegistrationBody = Type.Object(RegistrationFields, { additionalProperties: false });

export const RegistrationUpdateBody = Type.Object(
  {
    ...RegistrationFields,
    status: Type.Optional(oneOf(['active', 'inactive'] as const)),
  },
  { additionalProperties: false },
);

export const AnnualReportBody = Type.Object(
  {
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    submittedOn: Type.Optional(isoDate()),
    inspectionResult: oneOf(INSPECTION_RESULTS),
    note: Type.Optional(text(1, 500)),
  },
  { additionalProperties: false },
);

export const ComplianceBody = Type.Object(
  {
    kind: oneOf(COMPLIANCE_KINDS),
    year: Type.Integer({ minimum: 1990, maximum: 2100 }),
    compliant: Type.Boolean(),
    evidence: text(1, 500),
  },
  { additionalProperties: false },
);

export const GradeBody = Type.Object(
  {
    grade: Type.Integer({ minimum: 1, maximum: 5 }),
    awardedOn: isoDate(),
    validUntil: Type.Optional(isoDate()),
    reference: text(1, 200),
  },
  { additionalProperties: false },
);

export const PersonBody = Type.Object(
  {
    name: text(1, 50),
    position: oneOf(ROSTER_POSITIONS),
    since: Type.Optional(isoDate()),
  },
  { additionalProperties: false },
);
