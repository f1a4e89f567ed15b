// The input of the catalogue's use-cases: one schema for the JSON API and the HTML forms.
import { Type } from 'typebox';
import { oneOf, text } from '../../platform/http/schema-helpers.js';
import { ITEM_DOMAINS, NEGATIVE_CHECKS } from './catalogue.rules.js';

export const NewCatalogueBody = Type.Object(
  {
    departmentId: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Integer({ minimum: 2017, maximum: 2100 }),
    note: Type.Optional(text(0, 500)),
  },
  { additionalProperties: false },
);

const flag = () => Type.Optional(Type.Boolean({ default: false }));

export const ItemBody = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 20,
      pattern: '^[A-Za-z0-9][A-Za-z0-9.-]*$',
      'x-error': 'catalogue.codeFormat',
    }),
    name: text(1, 100),
    description: Type.Optional(text(0, 2000)),
    parentId: Type.Optional(Type.String({ maxLength: 64 })),
    domain: oneOf(ITEM_DOMAINS),
    community: flag(),
    forSocialOrganizations: flag(),
    forIndustryAssociations: flag(),
    standards: Type.Optional(text(0, 2000)),
    negativeCheck: oneOf(NEGATIVE_CHECKS),
    negativeReason: text(1, 500),
    purchasable: flag(),
  },
  { additionalProperties: false },
);
