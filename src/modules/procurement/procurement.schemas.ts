// The input of the project and notice use-cases (JSON API and HTML forms alike).
import { Type } from 'typebox';
import { isoDate, oneOf, text } from '../../platform/http/schema-helpers.js';
import { METHODS } from './methods.js';

export const LotBody = Type.Object(
  { title: text(1, 200), budgetFen: Type.Integer({ minimum: 1, maximum: 10_000_000_000_000 }) },
  { additionalProperties: false },
);

export const ProjectBody = Type.Object(
  {
    intentionId: Type.String({ minLength: 1, maxLength: 64 }),
    title: text(1, 200),
    method: oneOf(METHODS),
    lots: Type.Array(LotBody, { minItems: 1, maxItems: 20 }),
  },
  { additionalProperties: false },
);

export const TenderNoticeBody = Type.Object(
  { deadline: isoDate(), text: text(1, 10_000) },
  { additionalProperties: false },
);

export const CorrectionBody = Type.Object(
  { text: text(1, 10_000), deadline: Type.Optional(isoDate()) },
  { additionalProperties: false },
);

export const TerminationBody = Type.Object({ text: text(1, 4000) }, { additionalProperties: false });

export const SingleSourceBody = Type.Object(
  {
    supplierId: Type.String({ minLength: 1, maxLength: 64 }),
    ground: oneOf(['soleSupplier', 'emergency', 'topUp'] as const),
    justification: text(1, 4000),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  { approve: Type.Boolean(), note: text(1, 2000) },
  { additionalProperties: false },
);

export const ObjectionBody = Type.Object({ text: text(1, 4000) }, { additionalProperties: false });
export const AnswerBody = Type.Object({ text: text(1, 4000) }, { additionalProperties: false });

export const RestartBody = Type.Object(
  {
    path: oneOf(['retender', 'changeMethod'] as const),
    method: Type.Optional(oneOf(METHODS)),
    approvalReference: Type.Optional(text(1, 200)),
    title: Type.Optional(text(1, 200)),
  },
  { additionalProperties: false },
);

export const InvitationsBody = Type.Object(
  {
    suppliers: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 1, maxItems: 30 }),
    basis: text(1, 1000),
  },
  { additionalProperties: false },
);

export const AwardBody = Type.Object(
  { priceFen: Type.Integer({ minimum: 1, maximum: 10_000_000_000_000 }), text: text(1, 4000) },
  { additionalProperties: false },
);

const Hex64 = Type.String({ pattern: '^[0-9a-fA-F]{64}$', 'x-error': 'validation.pattern' });

/** A bid on the JSON API; files travel base64-encoded (at most 5, 10 MB in all). */
export const BidBody = Type.Object(
  {
    organizationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    lots: Type.Array(
      Type.Object(
        {
          number: Type.Integer({ minimum: 1, maximum: 20 }),
          priceFen: Type.Integer({ minimum: 1, maximum: 10_000_000_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 20 },
    ),
    statement: text(1, 20_000),
    creditCommitment: Type.Boolean({
      description:
        'The credit commitment (信用承诺): the bidder declares it meets each condition of 《政府采购法》第二十二条第一款. Must be true.',
    }),
    consortium: Type.Optional(
      Type.Array(Type.String({ minLength: 18, maxLength: 18, 'x-error': 'validation.pattern' }), {
        maxItems: 9,
      }),
    ),
    files: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: text(1, 200),
            content: Type.String({ minLength: 1, maxLength: 14_000_000, description: 'The file, base64' }),
            sha256: Type.Optional(Hex64),
          },
          { additionalProperties: false },
        ),
        { maxItems: 5 },
      ),
    ),
  },
  { additionalProperties: false },
);
