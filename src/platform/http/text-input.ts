// Text the database can store, for every string a request carries (path and query parameters, JSON
// bodies, form and multipart fields, file names). PostgreSQL cannot store U+0000 and SQLite stores it
// silently, so one rule refuses, on both: C0 controls other than tab, line feed and carriage return; DEL
// and the C1 controls; lone UTF-16 surrogates; the noncharacters U+FFFE and U+FFFF. Line breaks are
// stored as LF (browsers send a textarea's as CRLF). Bytes that are not UTF-8 are refused where they
// are decoded (see server.ts) instead of becoming U+FFFD.
import type { FastifyRequest } from 'fastify';
import { invalid, type FieldProblem } from '../errors.js';

const UNSTORABLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

/** `U+0000` for the first character of `text` the database cannot store, or undefined. */
export function unstorableCharacter(text: string): string | undefined {
  const match = UNSTORABLE.exec(text);
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** CRLF and a lone CR become LF. */
export function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The text without the characters the database cannot store. */
export function withoutUnstorable(text: string): string {
  return text.replace(UNSTORABLE_ALL, '');
}

/** The problem of one string, or undefined when it can be stored. */
export function textProblem(field: string, text: string): FieldProblem | undefined {
  const char = unstorableCharacter(text);
  return char === undefined ? undefined : { field, key: 'validation.controlCharacter', params: { char } };
}

function join(prefix: string, name: string): string {
  return prefix === '' ? name : `${prefix}.${name}`;
}

/** A key shown in a field name: control characters escaped (`\u0000`), so the name itself is storable. */
function shownKey(key: string): string {
  return key.replace(UNSTORABLE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** An object whose own properties are the request's fields (query strings come as null-prototype objects). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof Date)
  );
}

/**
 * Walks a value (strings, arrays, plain objects; buffers and numbers are left alone): line breaks in
 * every string become LF in place, and each string or key the database cannot store is a problem on
 * its field (`lots.0.title`; `prefix` names the whole value, '' for a body).
 */
export function checkText(value: unknown, prefix = '', problems: FieldProblem[] = []): FieldProblem[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string') {
        const text = normalizeLineBreaks(item);
        value[i] = text;
        const problem = textProblem(join(prefix, String(i)), text);
        if (problem) problems.push(problem);
      } else checkText(item, join(prefix, String(i)), problems);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const field = join(prefix, shownKey(key));
      if (unstorableCharacter(key) !== undefined) {
        problems.push({
          field,
          key: 'validation.controlCharacter',
          params: { char: unstorableCharacter(key)! },
        });
        continue;
      }
      if (typeof item === 'string') {
        const text = normalizeLineBreaks(item);
        value[key] = text;
        const problem = textProblem(field, text);
        if (problem) problems.push(problem);
      } else checkText(item, field, problems);
    }
  } else if (typeof value === 'string') {
    const problem = textProblem(prefix, normalizeLineBreaks(value));
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Removes the unstorable characters from every string of a value, in place (for showing a form again). */
export function stripUnstorable(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (typeof item === 'string') value[i] = withoutUnstorable(item);
      else stripUnstorable(item);
    });
  } else if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') value[key] = withoutUnstorable(item);
      else stripUnstorable(item);
    }
  }
}

// ---- UTF-8 ----

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** The bytes as UTF-8 text, or undefined when they are not UTF-8 (never U+FFFD in their place). */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

export function invalidUtf8(field: string): FieldProblem {
  return { field, key: 'validation.invalidUtf8' };
}

/** Percent-decodes to bytes (`+` is a space in forms and query strings); a stray `%` stays as it is. */
function percentBytes(text: string, plusIsSpace: boolean): Buffer {
  const source = plusIsSpace ? text.replace(/\+/g, ' ') : text;
  if (!source.includes('%')) return Buffer.from(source, 'utf8');
  const out: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    const hex = source.slice(i + 1, i + 3);
    if (c === '%' && /^[0-9a-fA-F]{2}$/.test(hex)) {
      out.push(parseInt(hex, 16));
      i += 2;
    } else {
      out.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(out);
}

/** One `name=value` pair of a query string or urlencoded form, decoded strictly. */
function decodePair(pair: string): { name: string; value: string; problem?: FieldProblem } {
  const eq = pair.indexOf('=');
  const rawName = eq === -1 ? pair : pair.slice(0, eq);
  const rawValue = eq === -1 ? '' : pair.slice(eq + 1);
  const nameBytes = percentBytes(rawName, true);
  const valueBytes = percentBytes(rawValue, true);
  const name = decodeUtf8(nameBytes);
  const value = decodeUtf8(valueBytes);
  const shownName = name ?? lenientUtf8.decode(nameBytes);
  return {
    name: shownName,
    value: value ?? lenientUtf8.decode(valueBytes),
    ...(name === undefined || value === undefined ? { problem: invalidUtf8(shownKey(shownName)) } : {}),
  };
}

/**
 * An `application/x-www-form-urlencoded` body, decoded strictly: repeated names become arrays, and a
 * name or value whose bytes are not UTF-8 is a problem (its value is kept, with U+FFFD, to show again).
 */
export function parseUrlencoded(body: Buffer): {
  fields: Record<string, string | string[]>;
  problems: FieldProblem[];
} {
  const fields = Object.create(null) as Record<string, string | string[]>;
  const problems: FieldProblem[] = [];
  const text = decodeUtf8(body);
  if (text === undefined) return { fields, problems: [invalidUtf8('_form')] };
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const { name, value, problem } = decodePair(pair);
    if (problem) problems.push(problem);
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else fields[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return { fields, problems };
}

/** The query-string parameters of a raw URL whose percent-decoded bytes are not UTF-8. */
export function queryUtf8Problems(rawUrl: string): FieldProblem[] {
  const at = rawUrl.indexOf('?');
  if (at === -1) return [];
  const problems: FieldProblem[] = [];
  for (const pair of rawUrl.slice(at + 1).split('&')) {
    if (pair === '') continue;
    const { problem } = decodePair(pair);
    if (problem && !problems.some((p) => p.field === problem.field)) problems.push(problem);
  }
  return problems;
}

/**
 * The fields of a JSON body that is not UTF-8: decoded with U+FFFD in place of the bad bytes, the
 * strings that hold one are named; when none can be (the bad bytes are outside any string), `_body`.
 */
export function jsonUtf8Problems(body: Buffer): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const walk = (value: unknown, prefix: string) => {
    if (typeof value === 'string') {
      if (value.includes('\uFFFD')) problems.push(invalidUtf8(prefix === '' ? '_body' : prefix));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const field = join(prefix, shownKey(key));
        if (key.includes('\uFFFD')) problems.push(invalidUtf8(field));
        else walk(item, field);
      }
    }
  };
  try {
    walk(JSON.parse(lenientUtf8.decode(body)) as unknown, '');
  } catch {
    // not JSON either: the body as a whole
  }
  return problems.length > 0 ? problems : [invalidUtf8('_body')];
}

// ---- the request ----

function isFormBody(req: FastifyRequest): boolean {
  const type = req.headers['content-type'] ?? '';
  return type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
}

/**
 * Every route's check (a preValidation hook, after CSRF and authorization): path and query parameters,
 * the body, and the names of uploaded files. Line breaks become LF in place. A problem in the URL, or
 * in an API body, is a 422 at once. A form page's body problems are kept in `req.refusedText`, with the
 * bad characters taken out of the values, so handleForm shows the form again and no use-case runs.
 */
export function refuseUnstorableText(req: FastifyRequest): void {
  const urlProblems = [...queryUtf8Problems(req.url), ...checkText(req.params), ...checkText(req.query)];
  const bodyProblems = [...(req.textProblems ?? []), ...checkText(req.body)];
  for (const [field, name] of Object.entries(req.uploadNames ?? {})) {
    // busboy decodes a file name itself: U+FFFD there stands for bytes that were not UTF-8.
    const problem = name.includes('\uFFFD') ? invalidUtf8(field) : textProblem(field, name);
    if (problem) bodyProblems.push({ ...problem, key: `${problem.key}.fileName` });
  }
  const unique = (problems: FieldProblem[]) =>
    problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
  if (urlProblems.length === 0 && bodyProblems.length === 0) return;
  if (urlProblems.length === 0 && !req.url.startsWith('/api/') && isFormBody(req)) {
    stripUnstorable(req.body);
    req.refusedText = unique(bodyProblems);
    return;
  }
  throw invalid(unique([...urlProblems, ...bodyProblems]));
}
