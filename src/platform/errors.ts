// Typed application errors (architecture rule 3). A use-case throws an AppError; the HTTP layer turns
// it into `{"error":{"code","message","details"}}` or an HTML page, in the user's language.

export interface FieldProblem {
  /** Field name as the user sees it in a form or JSON body, e.g. `email` or `lots.0.budget`. */
  field: string;
  /** Message key (see the locale files) and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldProblem[] = [],
  ) {
    super(`${code}: ${key}`);
    this.name = 'AppError';
  }
}

/** 422: the input is well-formed but breaks a rule; each problem names its field. */
export function invalid(fields: FieldProblem[], code = 'validation_failed'): AppError {
  return new AppError(422, code, 'error.validationFailed', { count: fields.length }, fields);
}

export function fieldError(
  field: string,
  key: string,
  params?: Record<string, string | number>,
  code = 'validation_failed',
): AppError {
  return invalid([{ field, key, ...(params ? { params } : {}) }], code);
}

export function notFound(key = 'error.notFound', params: Record<string, string | number> = {}): AppError {
  return new AppError(404, 'not_found', key, params);
}

export function forbidden(key = 'error.forbidden'): AppError {
  return new AppError(403, 'forbidden', key);
}

export function unauthenticated(): AppError {
  return new AppError(401, 'unauthenticated', 'error.unauthenticated');
}

export function conflict(code: string, key: string, params: Record<string, string | number> = {}): AppError {
  return new AppError(409, code, key, params);
}
