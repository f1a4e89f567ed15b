// Small TypeBox helpers shared by every module's schemas.
import type { FastifyRequest } from 'fastify';
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

/** A value or null (JSON null in the API, a column that may be empty). */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);

export const Uuid = Type.String({ format: 'uuid', 'x-error': 'validation.format.uuid' });

/**
 * A route's `preValidation` hook for a page with a GET filter form: a filter left at "any" is sent as an
 * empty parameter (`?type=&district=`), which means no filter, not a value the schema should refuse.
 */
export function dropEmptyQuery(req: FastifyRequest, _reply: unknown, done: () => void): void {
  const query = req.query as Record<string, unknown> | undefined;
  if (query) for (const key of Object.keys(query)) if (query[key] === '') delete query[key];
  done();
}

/** `?page=N` of a paged list. */
export const PageParam = Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 }));

/** The rows of page `page` (1-based) of `size` rows. */
export function pageWindow(page: number | undefined, size: number): { limit: number; offset: number } {
  return { limit: size, offset: ((page ?? 1) - 1) * size };
}

/** `path?a=1&b=2` with the parameters that have a value, for pager and filter links. */
export function hrefWith(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') query.set(k, String(v));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

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
