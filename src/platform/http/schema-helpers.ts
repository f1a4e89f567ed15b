// Small TypeBox helpers shared by every module's schemas.
import { Type, type TSchema } from 'typebox';
import { DATE_PATTERN } from '../time/dates.js';

/** A string that is one of `values`. */
export function oneOf<const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

export function isoDate(options: Record<string, unknown> = {}) {
  return Type.String({
    format: 'date',
    pattern: DATE_PATTERN,
    'x-error': 'validation.format.date',
    ...options,
  });
}

export function text(min: number, max: number, options: Record<string, unknown> = {}) {
  return Type.String({ minLength: min, maxLength: max, ...options });
}

export const Uuid = Type.String({ format: 'uuid', 'x-error': 'validation.format.uuid' });

export const Page = Type.Integer({ minimum: 1, maximum: 100000, default: 1 });

/** The error body every JSON endpoint answers with. */
export const ErrorBody = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Array(
        Type.Object({ field: Type.String(), message: Type.String() }, { additionalProperties: false }),
      ),
    }),
  },
  { description: 'Every 4xx/5xx answer of the JSON API.' },
);

export function paged<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer(),
  });
}
