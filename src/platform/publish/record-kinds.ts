// Every kind of published record is declared once (issue 12, item 5): the schema of its content, how
// people read it (a renderer per language, through message keys) and a plain-text summary for search.
// Each module declares its kinds in `<module>.records.tsx` and adds them to `RecordContents` by
// declaration merging, as modules add their tables to `Database`:
//
//   declare module '../../platform/publish/record-kinds.js' {
//     interface RecordContents { tenderNotice: Static<typeof TenderNotice> }
//   }
//
// so that `publish(ctx, { kind: 'tenderNotice', content })` type-checks the content, and publish()
// refuses at run time a kind nobody declared or content its schema does not admit (a bug, not a user
// error). What is stored, hashed and logged does not change: the content as given, in canonical JSON.
import type { ComponentChildren } from 'preact';
import type { TSchema } from 'typebox';
import { Compile, type Validator } from 'typebox/compile';
import type { Locale, Translate } from '../views/i18n.js';

/** The content of each kind of record, as published; modules add their kinds (see above). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RecordContents {}

export type RecordKind = keyof RecordContents;

export interface RecordKindDefinition<K extends RecordKind = RecordKind> {
  kind: K;
  /** The content as published (a TypeBox schema whose Static is `RecordContents[K]`). */
  schema: TSchema;
  /** The content for people, in `locale`: money in yuan, Beijing time, codes as words, ids as links. */
  render: (content: RecordContents[K], t: Translate, locale: Locale) => ComponentChildren;
  /** One plain-text line for search results and feeds. */
  summary: (content: RecordContents[K], t: Translate) => string;
}

interface Declared {
  definition: RecordKindDefinition;
  validator: Validator;
}

const declared = new Map<string, Declared>();

/** Declares a kind; declaring one twice is a programming error. */
export function defineRecordKind<K extends RecordKind>(definition: RecordKindDefinition<K>): void {
  if (declared.has(definition.kind)) throw new Error(`record kind ${definition.kind} is declared twice`);
  declared.set(definition.kind, {
    definition: definition as unknown as RecordKindDefinition,
    validator: Compile(definition.schema),
  });
}

export function isDeclaredKind(kind: string): boolean {
  return declared.has(kind);
}

/** Every declared kind, sorted. */
export function declaredKinds(): string[] {
  return [...declared.keys()].sort();
}

/** Why `content` is not what `kind` declares (the first few problems), or [] when it is. */
export function contentProblems(kind: string, content: unknown): string[] {
  const entry = declared.get(kind);
  if (!entry) return [`record kind "${kind}" is not declared`];
  if (entry.validator.Check(content)) return [];
  return [...entry.validator.Errors(content)].slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message}`);
}

/** Throws when `content` is not what `kind` declares: publishing it would be a bug. */
export function assertRecordContent(kind: string, content: unknown): void {
  const problems = contentProblems(kind, content);
  if (problems.length > 0) throw new Error(`publish: ${kind} content does not fit: ${problems.join('; ')}`);
}

/** The declaration of `kind` when `content` fits it (older records of another shape do not). */
function fitting(kind: string, content: unknown): RecordKindDefinition | undefined {
  const entry = declared.get(kind);
  return entry && entry.validator.Check(content) ? entry.definition : undefined;
}

/** The content for people, or undefined when the kind is not declared or the content does not fit. */
export function renderRecordContent(
  kind: string,
  content: unknown,
  t: Translate,
  locale: Locale,
): ComponentChildren | undefined {
  const definition = fitting(kind, content);
  return definition ? definition.render(content, t, locale) : undefined;
}

/** The plain-text summary, or undefined when the kind is not declared or the content does not fit. */
export function recordSummary(kind: string, content: unknown, t: Translate): string | undefined {
  const definition = fitting(kind, content);
  return definition ? definition.summary(content, t) : undefined;
}
