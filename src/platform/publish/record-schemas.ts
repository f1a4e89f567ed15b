// Schema pieces for published records' content (see record-kinds.ts): what a published field holds,
// strictly enough that a change in what a use-case publishes shows up as a failing test.
import { Type, type TProperties, type TSchema } from 'typebox';
import { DATE_PATTERN } from '../time/dates.js';

/** An object with exactly these members (a new member is a change of the published form). */
export const Obj = <T extends TProperties>(properties: T) =>
  Type.Object(properties, { additionalProperties: false });

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Money: integer fen. */
export const Fen = Type.Integer();

/** A Beijing calendar date, `2026-11-26`. */
export const IsoDate = Type.String({ pattern: DATE_PATTERN });

/** An instant, ISO-8601 UTC as Date#toISOString writes it. */
export const IsoInstant = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{3})?Z$',
});

/** An internal id (of a record, an organization, a project). */
export const Id = Type.String({ minLength: 1, maxLength: 64 });

/** A SHA-256 digest, hex. */
export const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });

/**
 * One of `values` at run time; typed as the caller's type `T` (a string column read from the database
 * is `string` to TypeScript, though only these values are ever written).
 */
export const Code = <T extends string = string>(values: readonly string[]) =>
  Type.Unsafe<T>({ type: 'string', enum: [...values] });

/** An organization or department as records name it. */
export const OrgRef = Obj({ id: Id, name: Type.String() });
export const OrgWithCode = Obj({ id: Id, name: Type.String(), uscc: Nullable(Type.String()) });
