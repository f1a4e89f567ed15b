import { Type } from 'typebox';
import { isoDate, oneOf, text } from '../http/schema-helpers.js';

export const DayEntrySchema = Type.Object(
  { date: isoDate(), name: text(1, 50) },
  { additionalProperties: false },
);

export const EnterYearBody = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2100 }),
    reference: text(1, 200),
    holidays: Type.Array(DayEntrySchema, { maxItems: 120 }),
    workdays: Type.Array(DayEntrySchema, { maxItems: 30 }),
  },
  { additionalProperties: false },
);

export const DeadlineQuery = Type.Object(
  {
    from: isoDate(),
    days: Type.Integer({ minimum: 1, maximum: 3650 }),
    unit: oneOf(['workday', 'calendar'] as const),
    side: Type.Optional(oneOf(['minimum', 'duty'] as const)),
  },
  { additionalProperties: false },
);
