// JSON API schemas of the evaluation and the award (evaluation.routes.ts).
import { Type } from 'typebox';
import { oneOf, text } from '../../../platform/http/schema-helpers.js';
import { EVALUATION_METHODS } from './evaluation.rules.js';

const Score = Type.Number({ minimum: 0, maximum: 100 });

export const PlanBody = Type.Object({
  method: oneOf(EVALUATION_METHODS),
  priceWeight: Type.Optional(Score),
  criteria: Type.Optional(
    Type.Array(
      Type.Object(
        { name: text(1, 100), weight: Score, min: Score, max: Score },
        { additionalProperties: false },
      ),
      { maxItems: 30 },
    ),
  ),
  maxLotsPerSupplier: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100 }), Type.Null()])),
});

const BidLot = {
  bidId: Type.String({ minLength: 1, maxLength: 64 }),
  lot: Type.Integer({ minimum: 1, maximum: 100 }),
};

export const ReviewBody = Type.Object({
  ...BidLot,
  passed: Type.Boolean(),
  reason: Type.Optional(text(0, 2000)),
});

export const ExplanationBody = Type.Object({
  ...BidLot,
  explanation: text(1, 4000),
  accepted: Type.Boolean(),
});

export const SheetBody = Type.Object({ ...BidLot, scores: Type.Array(Score, { maxItems: 30 }) });

export const AwardLotBody = Type.Object({ lot: Type.Integer({ minimum: 1, maximum: 100 }) });
