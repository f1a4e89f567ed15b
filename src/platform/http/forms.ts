// The POST → validate → use-case → redirect cycle of an HTML form, with the form shown again (status
// 422, values kept, problems listed) when the input is refused.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Static, TSchema } from 'typebox';
import type { FormState } from '../views/components.js';
import { AppError, invalid, type FieldProblem } from '../errors.js';
import { parseForm } from './validation.js';

/** Only local paths: `next=//evil.example` or `next=https://…` must not send a user elsewhere. */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string') return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}

/** The submitted values as strings, for showing the form again (passwords are never echoed). */
export function submittedValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (body === null || typeof body !== 'object') return out;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf' || key === '_submission' || /password/i.test(key)) continue;
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/**
 * A refusal a form can show again next to its fields (a 4xx other than 401, 403 and 404, which have
 * their own pages): its problems, or one for the whole form. Anything else is thrown on.
 */
export function refusalOf(error: unknown): { error: AppError; problems: FieldProblem[] } {
  if (!(error instanceof AppError) || [401, 403, 404].includes(error.status) || error.status >= 500)
    throw error;
  return {
    error,
    problems:
      error.fields.length > 0 ? error.fields : [{ field: '_form', key: error.key, params: error.params }],
  };
}

export interface FormFlow<S extends TSchema> {
  schema: S;
  /**
   * Checks the use-case would make, run on the raw form when the schema already refused it, so the user
   * sees every problem at once instead of a second list after fixing the first.
   */
  precheck?: (values: Record<string, string>) => FieldProblem[];
  run: (input: Static<S>) => Promise<FastifyReply>;
  show: (form: FormState, status: number) => FastifyReply | Promise<FastifyReply>;
}

export async function handleForm<S extends TSchema>(
  req: FastifyRequest,
  flow: FormFlow<S>,
): Promise<FastifyReply> {
  try {
    const input = parseForm(flow.schema, req.body);
    if (req.refusedText) throw invalid(req.refusedText);
    return await flow.run(input);
  } catch (thrown) {
    const refusal = refusalOf(thrown);
    const { error } = refusal;
    const values = submittedValues(req.body);
    // Text the database cannot store (refuseUnstorableText) is listed with the schema's problems.
    const refused = req.refusedText ?? [];
    let problems = [...refused, ...refusal.problems.filter((p) => !refused.some((r) => r.field === p.field))];
    if (flow.precheck && error.code === 'validation_failed') {
      const known = new Set(problems.map((p) => p.field));
      problems = [...problems, ...flow.precheck(values).filter((p) => !known.has(p.field))];
    }
    return flow.show({ values, problems }, error.status);
  }
}
