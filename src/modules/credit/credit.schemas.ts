import { Type } from 'typebox';
import { isoDate, oneOf, text } from '../../platform/http/schema-helpers.js';
import { STAFF_CATEGORIES } from './credit.rules.js';

export const CreditRecordBody = Type.Object(
  {
    category: oneOf(STAFF_CATEGORIES),
    description: text(1, 1000),
    source: text(1, 200),
    evidence: Type.Optional(text(1, 1000)),
    eventDate: isoDate(),
    effectiveDate: Type.Optional(isoDate()),
    expiresOn: Type.Optional(isoDate()),
    /** For fines: the amount in fen (1 yuan = 100 fen). */
    fineFen: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000_000_000 })),
  },
  { additionalProperties: false },
);

export const RemovalBody = Type.Object(
  {
    list: oneOf(['anomaly', 'serious'] as const),
    /** For the anomaly list: the entry whose duty was fulfilled. The serious list is left as a whole. */
    entryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    reason: text(1, 500),
  },
  { additionalProperties: false },
);
