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
