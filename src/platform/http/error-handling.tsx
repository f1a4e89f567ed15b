// Errors become `{"error":{"code","message","details"}}` under /api and a page elsewhere, in the user's
// language. 4xx answers say what to fix; a 5xx is a bug: it is logged with the request id, and the user
// gets that id to quote, never a stack trace.
import { renderToString } from 'preact-render-to-string';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, hasMessage, isLocale, translator, type Translate } from '../views/i18n.js';
import type { NavRegistry } from '../views/nav.js';
import type { App } from './app-types.js';
import { AppError, type FieldProblem } from '../errors.js';
import { pageContext, renderDocument } from './pages.js';
import { SchemaValidationError } from './validation.js';

interface Problem {
  status: number;
  code: string;
  key: string;
  params: Record<string, string | number>;
  fields: FieldProblem[];
}

const FASTIFY_CODES: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'error.malformedJson'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'error.emptyJson'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'error.payloadTooLarge'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'error.unsupportedMediaType'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'error.badRequest'],
  FST_CSRF_MISSING_SECRET: [403, 'csrf_invalid', 'error.csrf'],
  FST_CSRF_INVALID_TOKEN: [403, 'csrf_invalid', 'error.csrf'],
};

function toProblem(error: FastifyError | Error): Problem {
  if (error instanceof AppError) {
    return {
      status: error.status,
      code: error.code,
      key: error.key,
      params: error.params,
      fields: error.fields,
    };
  }
  if (error instanceof SchemaValidationError) {
    return {
      status: 422,
      code: 'validation_failed',
      key: 'error.validationFailed',
      params: { count: error.problems.length },
      fields: error.problems,
    };
  }
  const fastifyError = error as FastifyError;
  const known = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (known) return { status: known[0], code: known[1], key: known[2], params: {}, fields: [] };
  const status = fastifyError.statusCode ?? 500;
  if (status === 429)
    return { status, code: 'rate_limited', key: 'error.rateLimited', params: {}, fields: [] };
  if (status === 404) return { status, code: 'not_found', key: 'error.notFound', params: {}, fields: [] };
  if (status === 401)
    return { status, code: 'unauthenticated', key: 'error.unauthenticated', params: {}, fields: [] };
  if (status === 403) return { status, code: 'forbidden', key: 'error.forbidden', params: {}, fields: [] };
  if (status >= 400 && status < 500)
    return { status, code: 'bad_request', key: 'error.badRequest', params: {}, fields: [] };
  return { status: 500, code: 'internal_error', key: 'error.internal', params: {}, fields: [] };
}

function jsonBody(problem: Problem, t: Translate, requestId: string) {
  return {
    error: {
      code: problem.code,
      message: t(problem.key, { ...problem.params, requestId }),
      details: problem.fields.map((f) => ({ field: f.field, message: t(f.key, f.params) })),
    },
  };
}

function ErrorPage(props: { problem: Problem; t: Translate; requestId: string }) {
  const { problem, t } = props;
  return (
    <section class="error-page">
      <p>{t(problem.key, { ...problem.params, requestId: props.requestId })}</p>
      {problem.fields.length > 0 ? (
        <ul>
          {problem.fields.map((f) => (
            <li key={f.field}>
              <code>{f.field}</code>: {t(f.key, f.params)}
            </li>
          ))}
        </ul>
      ) : null}
      {problem.status === 401 ? (
        <p>
          <a href="/login">{t('nav.login')}</a>
        </p>
      ) : null}
      <p>
        <a href="/">{t('error.backHome')}</a>
      </p>
      {problem.status >= 500 ? (
        <p class="muted">{t('error.requestId', { requestId: props.requestId })}</p>
      ) : null}
    </section>
  );
}

export function sendProblem(
  req: FastifyRequest,
  reply: FastifyReply,
  nav: NavRegistry,
  problem: Problem,
): FastifyReply {
  const t = translator(req.locale);
  if (req.url.startsWith('/api/')) {
    return reply
      .status(problem.status)
      .type('application/json; charset=utf-8')
      .send(jsonBody(problem, t, req.id));
  }
  const html = renderDocument(
    pageContext(req, reply, nav),
    {
      title: t(
        hasMessage(`error.title.${problem.status}`) ? `error.title.${problem.status}` : 'error.title.other',
      ),
    },
    <ErrorPage problem={problem} t={t} requestId={req.id} />,
  );
  return reply
    .status(problem.status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html);
}

/**
 * Fastify's answer to a URL it cannot route: a path whose %-escapes are broken or not UTF-8 (400), a
 * path parameter that is too long (414). In the usual format; the request has no actor or cookies yet.
 */
export function onFrameworkError(nav: NavRegistry) {
  return (error: FastifyError, req: FastifyRequest, reply: FastifyReply): void => {
    req.actor ??= { kind: 'anonymous' };
    if (!isLocale(req.locale)) req.locale = DEFAULT_LOCALE;
    const badUrl = error.code === 'FST_ERR_BAD_URL';
    const problem: Problem = {
      status: badUrl ? 400 : (error.statusCode ?? 400),
      code: 'bad_request',
      key: 'error.badRequest',
      params: {},
      fields: badUrl ? [{ field: 'path', key: 'validation.badPath' }] : [],
    };
    if (req.url.startsWith('/api/')) {
      void sendProblem(req, reply, nav, problem);
      return;
    }
    // No plugin has run for this request (no cookies, no CSRF token): a page without the layout.
    const t = translator(req.locale);
    const html = renderToString(
      <html lang={req.locale}>
        <head>
          <meta charset="utf-8" />
          <title>{t('error.title.other')}</title>
        </head>
        <body>
          <p>{t(problem.key)}</p>
          {problem.fields.map((f) => (
            <p key={f.field}>{t(f.key)}</p>
          ))}
          <p>
            <a href="/">{t('error.backHome')}</a>
          </p>
        </body>
      </html>,
    );
    void reply
      .status(problem.status)
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(`<!doctype html>${html}`);
  };
}

export function installErrorHandling(app: App, nav: NavRegistry): void {
  app.setErrorHandler((error: FastifyError | Error, req, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) req.log.error({ err: error }, 'request failed');
    else req.log.info({ code: problem.code, status: problem.status }, 'request refused');
    // A request that failed before the actor was known (bad JSON, bad token) still needs one.
    req.actor ??= { kind: 'anonymous' };
    return sendProblem(req, reply, nav, problem);
  });

  app.setNotFoundHandler({}, (req, reply) => {
    return sendProblem(req, reply, nav, {
      status: 404,
      code: 'not_found',
      key: 'error.pageNotFound',
      params: {},
      fields: [],
    });
  });
}
