// The input of the intention use-cases (JSON API), and the flat form the HTML page posts.
import { Type } from 'typebox';
import { isoDate, oneOf, text } from '../../platform/http/schema-helpers.js';
import { COST_KINDS, MAX_CONTRACT_MONTHS, URGENT_EXEMPTION } from './planning.rules.js';

/** The urgent, unforeseeable reason; empty means none (the length floor is checked by the use-case). */
const urgentReason = () => Type.Optional(text(0, URGENT_EXEMPTION.value.max));

export const CostBody = Type.Object(
  {
    kind: oneOf(COST_KINDS),
    quantity: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    unit: text(1, 20),
    unitCostFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
    note: Type.Optional(text(0, 200)),
  },
  { additionalProperties: false },
);

export const IntentionBody = Type.Object(
  {
    departmentId: Type.String({ minLength: 1, maxLength: 64 }),
    catalogueItemId: Type.String({ minLength: 1, maxLength: 64 }),
    projectName: text(1, 200),
    needs: text(1, 4000),
    procurementFrom: isoDate(),
    contractMonths: Type.Integer({ minimum: 1, maximum: MAX_CONTRACT_MONTHS.value }),
    costs: Type.Array(CostBody, { minItems: 1, maxItems: COST_KINDS.length }),
    urgentReason: urgentReason(),
  },
  { additionalProperties: false },
);

/** Yuan with at most two decimals, as people type money. */
const yuan = () =>
  Type.Optional(
    Type.String({ maxLength: 16, pattern: '^\\d+(\\.\\d{1,2})?$', 'x-error': 'planning.yuanFormat' }),
  );

/** The HTML form: the intention's fields, then one row per cost kind (quantity, unit, unit cost). */
export const IntentionForm = Type.Object({
  departmentId: Type.String({ minLength: 1, maxLength: 64 }),
  catalogueItemId: Type.String({ minLength: 1, maxLength: 64 }),
  projectName: text(1, 200),
  needs: text(1, 4000),
  procurementFrom: isoDate(),
  contractMonths: Type.Integer({ minimum: 1, maximum: MAX_CONTRACT_MONTHS.value }),
  urgentReason: urgentReason(),
  ...Object.fromEntries(
    COST_KINDS.flatMap((k) => [
      [`${k}Quantity`, Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 }))],
      [`${k}Unit`, Type.Optional(text(1, 20))],
      [`${k}UnitCost`, yuan()],
      [`${k}Note`, Type.Optional(text(0, 200))],
    ]),
  ),
});

export const SpendingBody = Type.Object(
  {
    departmentId: Type.String({ minLength: 1, maxLength: 64 }),
    year: Type.Integer({ minimum: 2017, maximum: 2100 }),
    projectName: text(1, 200),
    amountFen: Type.Integer({
      minimum: 1,
      maximum: 10_000_000_000_000,
      'x-error': 'planning.amountPositive',
    }),
    socialOrganization: Type.Boolean(),
    intentionId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);

export const WithdrawBody = Type.Object({ reason: text(1, 500) }, { additionalProperties: false });

/** The HTML form of a planned line: the amount in yuan. */
export const SpendingForm = Type.Object({
  year: Type.Integer({ minimum: 2017, maximum: 2100 }),
  projectName: text(1, 200),
  amountYuan: Type.String({
    maxLength: 16,
    pattern: '^\\d+(\\.\\d{1,2})?$',
    'x-error': 'planning.yuanFormat',
  }),
  socialOrganization: Type.Optional(Type.Boolean({ default: false })),
  intentionId: Type.Optional(Type.String({ maxLength: 64 })),
});
