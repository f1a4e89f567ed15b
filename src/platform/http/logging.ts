// What the request log may say. Every log line goes through these serializers: URLs lose the values of
// secret path and query parameters (the one-time survey links `/s/{token}`, `?token=`, `?next=/s/…`),
// secret headers are censored, and database errors lose the values they quote (PostgreSQL's `detail`
// says `Key (email)=(someone@example.com) already exists`). A parameter is secret by its name: name a
// path or query parameter that carries a secret so that SECRET_NAME matches it, and every log line
// leaves it out, whatever module registers the route.
import type { Writable } from 'node:stream';
import type { FastifyRequest, RouteOptions } from 'fastify';

/** Path and query parameter names whose values are never logged. */
export const SECRET_NAME = /token|secret|password|passwd|passphrase|key|csrf|signature|nonce/i;

/** Headers whose values are never logged. */
export const SECRET_HEADERS = [
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'proxy-authorization',
];

export const REDACTED = '[redacted]';

/** Fields of a database error that quote the row's values (PostgreSQL) or the statement's parameters. */
const VALUE_BEARING_ERROR_FIELDS = ['detail', 'where', 'hint', 'internalQuery', 'parameters', 'params'];

export interface LoggedRoute {
  url: string;
  pathParams: string[];
  queryNames: string[];
}

function queryNamesOf(route: RouteOptions): string[] {
  const schema = route.schema?.querystring as { properties?: Record<string, unknown> } | undefined;
  return schema?.properties ? Object.keys(schema.properties) : [];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Learns from every registered route which path segments are secret, and takes secrets out of URLs.
 * Query parameters are judged by name alone, so a request to no route is redacted too.
 */
export class LogRedaction {
  readonly routes: LoggedRoute[] = [];
  /** For each route with a secret path parameter: a pattern capturing every segment, and which are secret. */
  private readonly secretPaths: { pattern: RegExp; secret: boolean[] }[] = [];

  observeRoute = (route: RouteOptions): void => {
    const segments = route.url.split('/');
    const paramName = (segment: string) => segment.slice(1).replace(/\(.*$/, '');
    const pathParams = segments.filter((s) => s.startsWith(':')).map(paramName);
    this.routes.push({ url: route.url, pathParams, queryNames: queryNamesOf(route) });
    if (!pathParams.some((p) => SECRET_NAME.test(p))) return;
    // `/s/:token` becomes ^()/(s)/([^/?#]*)/?$, its third segment secret.
    const secret = segments.map((s) => s.startsWith(':') && SECRET_NAME.test(paramName(s)));
    const source = segments
      .map((s) => {
        if (s.startsWith(':')) return '([^/?#]*)';
        return s === '*' ? '(.*)' : `(${escapeRegExp(s)})`;
      })
      .join('/');
    this.secretPaths.push({ pattern: new RegExp(`^${source}(/?)$`), secret });
  };

  private redactPath(path: string): string {
    for (const { pattern, secret } of this.secretPaths) {
      const match = pattern.exec(path);
      if (!match) continue;
      const segments = match.slice(1, secret.length + 1).map((s, i) => (secret[i] ? REDACTED : s));
      return segments.join('/') + (match[secret.length + 1] ?? '');
    }
    return path;
  }

  /** The URL with every secret path segment and query value replaced by `[redacted]`. */
  redactUrl = (url: string): string => {
    const q = url.indexOf('?');
    const path = this.redactPath(q === -1 ? url : url.slice(0, q));
    if (q === -1) return path;
    const query = url
      .slice(q + 1)
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return pair;
        const name = safeDecode(pair.slice(0, eq));
        const value = safeDecode(pair.slice(eq + 1).replace(/\+/g, ' '));
        if (SECRET_NAME.test(name)) return `${pair.slice(0, eq)}=${REDACTED}`;
        // A URL carried in a parameter (`/login?next=/s/…`) is redacted as a URL.
        if (value.startsWith('/')) {
          const redacted = this.redactUrl(value);
          if (redacted !== value) return `${pair.slice(0, eq)}=${encodeURIComponent(redacted)}`;
        }
        return pair;
      })
      .join('&');
    return `${path}?${query}`;
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** An error as logged: its own fields, less those that quote values, and its cause the same way. */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 3) return error;
  const out: Record<string, unknown> = { type: error.constructor.name, message: error.message };
  if (error.stack !== undefined) out.stack = error.stack;
  for (const [name, value] of Object.entries(error)) {
    if (VALUE_BEARING_ERROR_FIELDS.includes(name) || name in out) continue;
    out[name] = value instanceof Error ? serializeError(value, depth + 1) : value;
  }
  if (error.cause !== undefined) out.cause = serializeError(error.cause, depth + 1);
  if (error instanceof AggregateError) out.errors = error.errors.map((e) => serializeError(e, depth + 1));
  return out;
}

/** A log object with each error in it serialized as above (for output that bypasses the logger). */
export function withSerializedErrors(obj: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, serializeError(v)]));
}

/** Fastify's logger options with the redaction above. */
export function loggerOptions(
  level: string,
  redaction: LogRedaction,
  stream?: Writable,
): Record<string, unknown> {
  const headerPaths = SECRET_HEADERS.flatMap((h) => [
    `req.headers["${h}"]`,
    `res.headers["${h}"]`,
    `headers["${h}"]`,
  ]);
  return {
    level,
    redact: { paths: headerPaths, censor: REDACTED },
    serializers: {
      req: (req: FastifyRequest) => ({
        method: req.method,
        url: redaction.redactUrl(req.url),
        host: req.host,
        remoteAddress: req.ip,
        remotePort: req.socket?.remotePort,
      }),
      err: serializeError,
    },
    ...(stream ? { stream } : {}),
  };
}
