import { Type } from 'typebox';
import { oneOf, text } from '../http/schema-helpers.js';
import { LOCALES } from '../views/i18n.js';
import {
  ORGANIZATION_KINDS,
  ORGANIZATION_LEVELS,
  ROLES,
  SOCIAL_ORGANIZATION_TYPES,
} from '../access/roles.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';

const Email = Type.String({ maxLength: 254, format: 'email', 'x-error': 'validation.format.email' });
const Phone = Type.String({ pattern: '^(\\+86)?1[3-9]\\d{9}$', 'x-error': 'validation.phone' });
const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH });

export const LogInBody = Type.Object(
  { login: text(1, 254), password: text(1, PASSWORD_MAX_LENGTH), next: Type.Optional(text(1, 500)) },
  { additionalProperties: false },
);

export const CreateUserBody = Type.Object(
  {
    name: text(1, 100),
    email: Type.Optional(Email),
    phone: Type.Optional(Phone),
    locale: Type.Optional(oneOf(LOCALES)),
    password: Type.Optional(Password),
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    name: Type.Optional(text(1, 100)),
    email: Type.Optional(Type.Union([Email, Type.Null()])),
    phone: Type.Optional(Type.Union([Phone, Type.Null()])),
    locale: Type.Optional(oneOf(LOCALES)),
    status: Type.Optional(oneOf(['active', 'disabled'] as const)),
    unlock: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const MembershipBody = Type.Object(
  { organizationId: Type.String({ minLength: 1, maxLength: 64 }), role: oneOf(ROLES) },
  { additionalProperties: false },
);

const UsccField = Type.String({ minLength: 1, maxLength: 30 });
const DistrictCode = Type.String({ pattern: '^\\d{6}$', 'x-error': 'validation.districtCode' });

export const CreateOrganizationBody = Type.Object(
  {
    name: text(1, 200),
    nameEn: Type.Optional(text(1, 200)),
    kind: oneOf(ORGANIZATION_KINDS),
    level: Type.Optional(oneOf(ORGANIZATION_LEVELS)),
    parentId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    districtCode: Type.Optional(DistrictCode),
    uscc: Type.Optional(UsccField),
    orgType: Type.Optional(oneOf(SOCIAL_ORGANIZATION_TYPES)),
  },
  { additionalProperties: false },
);

export const UpdateOrganizationBody = Type.Object(
  {
    name: Type.Optional(text(1, 200)),
    nameEn: Type.Optional(Type.Union([text(1, 200), Type.Null()])),
    level: Type.Optional(Type.Union([oneOf(ORGANIZATION_LEVELS), Type.Null()])),
    parentId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()])),
    districtCode: Type.Optional(Type.Union([DistrictCode, Type.Null()])),
    uscc: Type.Optional(Type.Union([UsccField, Type.Null()])),
    orgType: Type.Optional(Type.Union([oneOf(SOCIAL_ORGANIZATION_TYPES), Type.Null()])),
    status: Type.Optional(oneOf(['active', 'inactive'] as const)),
  },
  { additionalProperties: false },
);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: text(1, PASSWORD_MAX_LENGTH),
    newPassword: Password,
    confirmPassword: text(1, PASSWORD_MAX_LENGTH),
  },
  { additionalProperties: false },
);

export const ProfileBody = Type.Object(
  { name: text(1, 100), locale: oneOf(LOCALES) },
  { additionalProperties: false },
);

export const CreateTokenBody = Type.Object(
  { name: text(1, 100), expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) },
  { additionalProperties: false },
);
