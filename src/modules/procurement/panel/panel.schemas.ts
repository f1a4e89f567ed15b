// The input of the panel's use-cases (JSON API and HTML forms alike).
import { Type } from 'typebox';
import { oneOf, text } from '../../../platform/http/schema-helpers.js';

export const InvitationAnswerBody = Type.Object(
  {
    answer: oneOf(['confirm', 'decline'] as const),
    /** Confirming: "I have no tie to any bidder that GPR Art 9 names". */
    noConflict: Type.Optional(Type.Boolean()),
    declaration: Type.Optional(text(0, 2000)),
  },
  { additionalProperties: false },
);

export const RecusalRequestBody = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 64 }),
    named: text(1, 200),
    reasons: text(1, 4000),
  },
  { additionalProperties: false },
);

export const RecusalDecisionBody = Type.Object(
  {
    grant: Type.Boolean(),
    memberId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    note: text(1, 2000),
  },
  { additionalProperties: false },
);
