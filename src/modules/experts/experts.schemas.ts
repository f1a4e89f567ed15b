// The input of the expert pool's use-cases (JSON API and HTML forms alike).
import { Type } from 'typebox';
import { isoDate, Nullable, oneOf, text } from '../../platform/http/schema-helpers.js';
import { ITEM_DOMAINS } from '../catalogue/index.js';
import { TIE_KINDS } from './experts.repository.js';

export const ExpertBody = Type.Object(
  {
    userId: Type.String({ minLength: 1, maxLength: 64 }),
    name: text(1, 100),
    employer: text(1, 200),
    title: Type.Optional(text(0, 100)),
    specialties: Type.Array(oneOf(ITEM_DOMAINS), { minItems: 1, maxItems: ITEM_DOMAINS.length }),
  },
  { additionalProperties: false },
);

export const TieBody = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 64 }),
    kind: oneOf(TIE_KINDS),
    startedOn: Type.Optional(Nullable(isoDate())),
    endedOn: Type.Optional(Nullable(isoDate())),
    note: Type.Optional(text(0, 1000)),
  },
  { additionalProperties: false },
);

export const AvailabilityBody = Type.Object(
  { unavailableUntil: Nullable(isoDate()) },
  { additionalProperties: false },
);

export const StandingBody = Type.Object(
  { change: oneOf(['suspend', 'reinstate', 'retire'] as const), reason: text(1, 1000) },
  { additionalProperties: false },
);

/** The kinds of tie an expert declares (GPR 第九条), for forms. */
export { TIE_KINDS } from './experts.repository.js';
