// One way to validate input, for JSON bodies, query strings and HTML forms alike: TypeBox schemas,
// compiled once, whose errors become field-level problems with message keys (see the locale files).
// A schema may name its own message key with `x-error` (e.g. `{ pattern: …, 'x-error': 'validation.phone' }`).
import type { FastifySchemaCompiler } from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import Value from 'typebox/value';
import { invalid, type FieldProblem } from '../errors.js';
import { checkText } from './text-input.js';

interface RawError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

const compiled = new WeakMap<TSchema, Validator>();

function validatorFor(schema: TSchema): Validator {
  let v = compiled.get(schema);
  if (!v) {
    v = Compile(schema);
    compiled.set(schema, v);
  }
  return v;
}

function resolvePointer(root: unknown, pointer: string): unknown {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean);
  let node: unknown = root;
  for (const raw of parts) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function fieldName(instancePath: string): string {
  return instancePath
    .replace(/^\//, '')
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/** Turns TypeBox (Ajv-shaped) errors into one problem per field, with message keys. */
export function toFieldProblems(schema: unknown, errors: readonly RawError[]): FieldProblem[] {
  const byField = new Map<string, FieldProblem>();
  const add = (problem: FieldProblem) => {
    if (!byField.has(problem.field)) byField.set(problem.field, problem);
  };
  // anyOf branches report one error each and then the anyOf itself; keep only the anyOf.
  const anyOfPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  for (const error of errors) {
    const field = fieldName(error.instancePath);
    if (error.keyword !== 'anyOf' && anyOfPaths.has(error.instancePath)) continue;
    const node = resolvePointer(schema, error.schemaPath) as Record<string, unknown> | undefined;
    const custom = node && typeof node['x-error'] === 'string' ? node['x-error'] : undefined;
    const p = error.params;
    switch (error.keyword) {
      case 'required':
        for (const name of (p.requiredProperties as string[] | undefined) ?? [p.missingProperty as string]) {
          add({ field: join(field, name), key: 'validation.required' });
        }
        break;
      case 'additionalProperties':
        for (const name of (p.additionalProperties as string[] | undefined) ?? [
          p.additionalProperty as string,
        ]) {
          add({ field: join(field, name), key: 'validation.unknownField' });
        }
        break;
      case 'boolean':
        // the `false` schema behind additionalProperties; reported above
        break;
      case 'type': {
        const type = Array.isArray(p.type) ? (p.type as string[]).join('|') : String(p.type);
        add({ field, key: custom ?? `validation.type.${type.includes('integer') ? 'integer' : type}` });
        break;
      }
      case 'format':
        add({ field, key: custom ?? `validation.format.${String(p.format)}` });
        break;
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minItems':
      case 'maxItems':
        add({ field, key: custom ?? `validation.${error.keyword}`, params: { limit: Number(p.limit) } });
        break;
      case 'enum':
        add({
          field,
          key: custom ?? 'validation.enum',
          params: { values: ((p.allowedValues as unknown[]) ?? []).join(', ') },
        });
        break;
      case 'const':
        add({ field, key: custom ?? 'validation.enum', params: { values: String(p.allowedValue) } });
        break;
      case 'anyOf': {
        const options = ((node?.anyOf as Record<string, unknown>[] | undefined) ?? [])
          .map((o) =>
            typeof o.const === 'string' || typeof o.const === 'number' ? String(o.const) : undefined,
          )
          .filter((o): o is string => o !== undefined);
        add(
          options.length > 0
            ? { field, key: custom ?? 'validation.enum', params: { values: options.join(', ') } }
            : { field, key: custom ?? 'validation.invalid' },
        );
        break;
      }
      default:
        add({
          field,
          key: custom ?? (error.keyword === 'pattern' ? 'validation.pattern' : 'validation.invalid'),
        });
    }
  }
  return [...byField.values()];
}

/**
 * Converts strings (query strings, form fields) to the schema's types, strictly: "1.5" or "3abc" for an
 * integer stays a string, so it fails validation instead of quietly becoming 1 or 3.
 */
function convert(schema: TSchema, value: unknown): unknown {
  // Taken before converting: TypeBox's Convert and Default may change the object they are given.
  const original =
    value !== null && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : undefined;
  const converted = Value.Convert(schema, Value.Default(schema, Value.Clone(value)));
  const properties = (schema as { properties?: Record<string, { type?: unknown }> }).properties;
  if (!properties || !original || converted === null || typeof converted !== 'object') return converted;
  const out = converted as Record<string, unknown>;
  for (const [name, sub] of Object.entries(properties)) {
    const raw = original[name];
    if (typeof raw !== 'string') continue;
    if (sub.type === 'integer' && !/^-?\d+$/.test(raw.trim())) out[name] = raw;
    if (sub.type === 'number' && !/^-?\d+(\.\d+)?$/.test(raw.trim())) out[name] = raw;
  }
  return out;
}

/**
 * Validates `value` against `schema`; throws a 422 AppError naming every bad field. Every string is
 * checked first (text-input.ts): line breaks become LF before lengths are counted, and text the database
 * cannot store is a problem of its field.
 */
export function parse<T extends TSchema>(
  schema: T,
  value: unknown,
  options: { convert?: boolean } = {},
): Static<T> {
  const validator = validatorFor(schema);
  const textProblems = checkText(value);
  let candidate = value;
  if (options.convert) candidate = convert(schema, value);
  if (textProblems.length === 0 && validator.Check(candidate)) return candidate as Static<T>;
  const problems = validator.Check(candidate) ? [] : toFieldProblems(schema, validator.Errors(candidate));
  throw invalid([...textProblems, ...problems.filter((p) => !textProblems.some((t) => t.field === p.field))]);
}

/**
 * Form fields arrive as strings; an empty field means "not given". Trims every string and drops the
 * empty ones, so optional fields validate as absent and required ones report "required".
 */
export function formInput(body: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (body === null || typeof body !== 'object') return out;
  for (const [key, raw] of Object.entries(body as Record<string, unknown>)) {
    if (key === '_csrf' || key === '_submission') continue;
    if (typeof raw === 'string') {
      const trimmed = raw.trim();
      if (trimmed !== '') out[key] = trimmed;
    } else if (Array.isArray(raw)) {
      const values = raw.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
      out[key] = values.filter((v) => v !== '');
    } else if (raw !== undefined) {
      out[key] = raw;
    }
  }
  return out;
}

/** Validates a form: converts strings to the schema's numbers/booleans first. */
export function parseForm<T extends TSchema>(schema: T, body: unknown): Static<T> {
  return parse(schema, formInput(body), { convert: true });
}

export class SchemaValidationError extends Error {
  constructor(readonly problems: FieldProblem[]) {
    super('schema validation failed');
    this.name = 'SchemaValidationError';
  }
}

/** Fastify's validator compiler: query strings and params are converted; JSON bodies must be exact. */
export const validatorCompiler: FastifySchemaCompiler<TSchema> = ({ schema, httpPart }) => {
  const validator = validatorFor(schema);
  return (input: unknown) => {
    // refuseUnstorableText has checked every string of the request already; this keeps the rule where
    // a schema is (line breaks counted as LF).
    const textProblems = checkText(input);
    const value = httpPart === 'body' ? input : convert(schema, input);
    if (textProblems.length === 0 && validator.Check(value)) return { value };
    const problems = validator.Check(value) ? [] : toFieldProblems(schema, validator.Errors(value));
    return {
      error: new SchemaValidationError([
        ...textProblems,
        ...problems.filter((p) => !textProblems.some((t) => t.field === p.field)),
      ]),
    };
  };
};
