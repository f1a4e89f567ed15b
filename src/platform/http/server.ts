// The HTTP server every feature plugs into: security headers, cookies, CSRF, rate limits, the request's
// actor and language, authorization of every route through can(), and errors in the user's language.
import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyRequest } from 'fastify';
import { can, isAction } from '../access/policy.js';
import { ANONYMOUS, type Actor } from '../access/roles.js';
import type { Config } from '../config.js';
import type { Runtime } from '../context.js';
import type { Secrets } from '../secrets.js';
import { DEFAULT_LOCALE, isLocale } from '../views/i18n.js';
import type { NavRegistry } from '../views/nav.js';
import type { App, RouteEntry } from './app-types.js';
import { DOCUMENT_MEDIA_TYPES } from '../documents/documents.js';
import { AppError, forbidden, unauthenticated } from '../errors.js';
import { LOCALE_COOKIE, SESSION_COOKIE } from './cookies.js';
import { installErrorHandling, onFrameworkError } from './error-handling.js';
import { LogRedaction, loggerOptions } from './logging.js';
import { csrfUserInfo } from './pages.js';
import { decodeUtf8, jsonUtf8Problems, parseUrlencoded, refuseUnstorableText } from './text-input.js';
import { validatorCompiler } from './validation.js';

const here = dirname(fileURLToPath(import.meta.url));
export const PUBLIC_DIR = join(here, '..', '..', '..', 'public');
const require = createRequire(import.meta.url);
const PICO_DIR = join(dirname(require.resolve('@picocss/pico/package.json')), 'css');

/** The largest file a form or the API accepts (a registry sheet of a few thousand rows). */
export const UPLOAD_LIMIT = 5 * 1024 * 1024;

const SWAGGER_UI_STYLE_HASH = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/** Routes that plugins register for us (static files, API docs): readable by anyone. */
const PLUGIN_ROUTE_PREFIXES = ['/assets/', '/api/docs'];

/**
 * Who a request's credentials name. The auth feature answers (`sessionIdentification` in
 * platform/auth/sessions.ts); app.ts hands it over, so that the HTTP layer imports no feature.
 */
export interface Identification {
  /** The actor behind `Authorization: Bearer …`, or null (the request is refused as invalid_token). */
  byApiToken(token: string, now: Date): Promise<Actor | null>;
  /** The actor behind a session cookie's secret, or null (the cookie is cleared). */
  bySession(secret: string, now: Date): Promise<Actor | null>;
}

export interface ServerOptions {
  config: Config;
  identification: Identification;
  runtime: Runtime;
  secrets: Secrets;
  nav: NavRegistry;
  /** Tests pass false to keep output quiet. */
  logger?: boolean;
  /** Where log lines go instead of standard output (tests read them). */
  logStream?: Writable;
}

function isApi(url: string): boolean {
  return url.startsWith('/api/');
}

function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}

/** Form posts and anything carrying the session cookie need a CSRF token; Bearer-token calls do not. */
function needsCsrf(req: FastifyRequest): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method)) return false;
  if (req.actor.kind === 'user' && req.actor.via === 'token') return false;
  const type = req.headers['content-type'] ?? '';
  const isForm =
    type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
  return isForm || req.cookies[SESSION_COOKIE] !== undefined;
}

export async function createServer(options: ServerOptions): Promise<App> {
  const { config, runtime, secrets } = options;
  // Every route tells the log which of its parameters are secret (by name; see logging.ts).
  const logRedaction = new LogRedaction();
  const app: App = Fastify({
    logger:
      options.logger === false ? false : loggerOptions(config.logLevel, logRedaction, options.logStream),
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: { customOptions: { allErrors: true } },
    // A path whose %-escapes are not UTF-8 (or broken) is answered in the usual error format.
    frameworkErrors: onFrameworkError(options.nav),
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.decorate('logRedaction', logRedaction);
  app.addHook('onRoute', logRedaction.observeRoute);

  app.setValidatorCompiler(validatorCompiler);

  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('x-request-id', req.id);
    done(null, payload);
  });

  // Every request body is decoded as UTF-8 strictly: bytes that are not UTF-8 are a problem of their
  // field (req.textProblems, refused with the rest in refuseUnstorableText), never a silent U+FFFD.
  app.decorateRequest('textProblems', null);
  app.decorateRequest('refusedText', null);
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    let text = decodeUtf8(bytes);
    if (text === undefined) {
      req.textProblems = jsonUtf8Problems(bytes);
      text = bytes.toString('utf8');
    }
    void parseJson(req, text, done);
  });

  // HTML forms post application/x-www-form-urlencoded; repeated names become arrays.
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: 1024 * 1024 },
    (req, body, done) => {
      const { fields, problems } = parseUrlencoded(body as Buffer);
      if (problems.length > 0) req.textProblems = problems;
      done(null, fields);
    },
  );

  // Uploaded sheets: as raw bodies on the API, as a file field in HTML forms (multipart; its fields,
  // _csrf included, are on req.body before the CSRF check runs).
  const SHEET_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'];
  app.addContentTypeParser(
    SHEET_TYPES,
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_req, body, done) => {
      done(null, body);
    },
  );
  // Documents (PDF, Word, images) as raw bodies on the API; .xlsx is already a sheet type above.
  app.addContentTypeParser(
    DOCUMENT_MEDIA_TYPES.filter((t) => !SHEET_TYPES.includes(t)),
    { parseAs: 'buffer', bodyLimit: UPLOAD_LIMIT },
    (_req, body, done) => {
      done(null, body);
    },
  );
  // A file field becomes its bytes on req.body; its file name is kept in req.uploadNames. Every part
  // arrives as bytes (isPartAFile), so a text field is decoded here, strictly, instead of by busboy,
  // which would put U+FFFD in place of bytes that are not UTF-8.
  app.decorateRequest('uploadNames', null);
  app.decorateRequest('multipartCounts', null);
  const MAX_FILES = 5;
  const MAX_FIELDS = 40;
  const MAX_FIELD_BYTES = 1024 * 1024;
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    isPartAFile: () => true,
    limits: { fileSize: UPLOAD_LIMIT, files: MAX_FILES + MAX_FIELDS },
    async onFile(part) {
      const bytes = await part.toBuffer();
      const counts = (this.multipartCounts ??= { files: 0, fields: 0 });
      if (part.filename === undefined) {
        if (++counts.fields > MAX_FIELDS || bytes.length > MAX_FIELD_BYTES)
          throw new AppError(413, 'payload_too_large', 'error.payloadTooLarge');
        let text = decodeUtf8(bytes);
        if (text === undefined) {
          (this.textProblems ??= []).push({ field: part.fieldname, key: 'validation.invalidUtf8' });
          text = bytes.toString('utf8');
        }
        (part as unknown as { value: string }).value = text;
        return;
      }
      if (++counts.files > MAX_FILES) throw new AppError(413, 'payload_too_large', 'error.payloadTooLarge');
      const names = (this.uploadNames ??= {});
      names[part.fieldname] = part.filename;
      (part as unknown as { value: Buffer }).value = bytes;
    },
  });

  await app.register(fastifyCookie, { secret: secrets.sessionSecret });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        scriptSrcAttr: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: { maxAge: 31536000, includeSubDomains: true },
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    // Swagger UI (third-party, /api/docs only) injects one fixed <style> element; allow exactly that one.
    const csp = reply.getHeader('content-security-policy');
    if (req.url.startsWith('/api/docs') && typeof csp === 'string') {
      reply.header(
        'content-security-policy',
        csp.replace("style-src 'self'", `style-src 'self' ${SWAGGER_UI_STYLE_HASH}`),
      );
    }
    done(null, payload);
  });
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'gongshi_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.cookieSecure },
    getUserInfo: csrfUserInfo,
    getToken: (req: FastifyRequest) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      const header = req.headers['x-csrf-token'];
      return fromBody ?? (typeof header === 'string' ? header : undefined);
    },
    csrfOpts: { hmacKey: `${secrets.sessionSecret}:csrf` },
  });

  await app.register(fastifyStatic, {
    root: PUBLIC_DIR,
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  await app.register(fastifyStatic, {
    root: PICO_DIR,
    prefix: '/assets/pico/',
    decorateReply: false,
    maxAge: '1d',
    index: false,
    allowedPath: (path) => path === '/pico.min.css',
  });

  app.decorateRequest('actor', null as unknown as { kind: 'anonymous' }); // set per request in onRequest
  app.decorateRequest('locale', DEFAULT_LOCALE);
  app.decorateRequest('sessionSecret', undefined);

  // Every route declares the action can() checks; plugin routes (static files, API docs) are public.
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const config = (route.config ?? {}) as { action?: string };
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).map(String);
    if (config.action === undefined && PLUGIN_ROUTE_PREFIXES.some((p) => route.url.startsWith(p))) {
      route.config = { ...config, action: 'public.read' };
      for (const method of methods) routeTable.push({ method, url: route.url, action: 'public.read' });
      return;
    }
    if (config.action === undefined) {
      throw new Error(`route ${String(route.method)} ${route.url} does not declare an action`);
    }
    if (!isAction(config.action)) {
      throw new Error(`route ${String(route.method)} ${route.url} declares unknown action ${config.action}`);
    }
    for (const method of methods) routeTable.push({ method, url: route.url, action: config.action });
  });

  // Who is asking, and in which language.
  app.addHook('onRequest', async (req, reply) => {
    req.actor = ANONYMOUS;
    const lang = req.cookies[LOCALE_COOKIE];
    req.locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
    const now = runtime.clock.now();
    const token = isApi(req.url) ? bearerToken(req) : undefined;
    if (token !== undefined) {
      const actor = await options.identification.byApiToken(token, now);
      if (!actor) {
        reply.header('www-authenticate', 'Bearer error="invalid_token"');
        throw new AppError(401, 'invalid_token', 'error.invalidToken');
      }
      req.actor = actor;
    } else {
      const raw = req.cookies[SESSION_COOKIE];
      const unsigned = raw ? reply.unsignCookie(raw) : undefined;
      if (unsigned?.valid && unsigned.value) {
        const actor = await options.identification.bySession(unsigned.value, now);
        if (actor) {
          req.actor = actor;
          req.sessionSecret = unsigned.value;
        } else {
          reply.clearCookie(SESSION_COOKIE, { path: '/' });
        }
      }
    }
  });

  // CSRF first, then authorization, before the body is validated: an unauthorised caller learns nothing.
  app.addHook('preValidation', (req, reply, done) => {
    if (!needsCsrf(req)) {
      done();
      return;
    }
    app.csrfProtection(req, reply, done);
  });
  app.addHook('preValidation', async (req, reply) => {
    const action = (req.routeOptions.config as { action?: string }).action ?? 'public.read';
    if (can(req.actor, action)) return undefined;
    if (req.actor.kind === 'anonymous' && req.method === 'GET' && !isApi(req.url)) {
      return reply.redirect(`/login?next=${encodeURIComponent(req.url)}`, 303);
    }
    if (req.actor.kind === 'anonymous') {
      if (isApi(req.url)) reply.header('www-authenticate', 'Bearer');
      throw unauthenticated();
    }
    throw forbidden();
  });

  // Then every string of the request, before the schemas see it: text the database cannot store is
  // refused (a form page shows it again with the problems), and line breaks become LF.
  app.addHook('preValidation', (req, _reply, done) => {
    try {
      refuseUnstorableText(req);
      done();
    } catch (error) {
      done(error as Error);
    }
  });

  installErrorHandling(app, options.nav);
  return app;
}
