// Rendering a page: the layout around the page's content, the user's language, navigation for their
// roles, a CSRF token for its forms, and a one-time message carried over a POST → redirect.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { translator } from '../views/i18n.js';
import { Layout, type Crumb } from '../views/layout.js';
import type { NavRegistry } from '../views/nav.js';
import { PageContext, type PageContextValue } from '../views/page-context.js';

const FLASH_COOKIE = 'gongshi_flash';

export interface PageOptions {
  title: string;
  crumbs?: Crumb[];
  lead?: string;
  status?: number;
}

/** The value CSRF tokens are bound to: the session, or "anonymous" before log-in. */
export function csrfUserInfo(req: FastifyRequest): string {
  return req.sessionSecret ? `s:${req.sessionSecret.slice(0, 16)}` : 'anonymous';
}

export function setFlash(reply: FastifyReply, key: string, params?: Record<string, string | number>): void {
  reply.setCookie(FLASH_COOKIE, JSON.stringify({ key, params }), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: 60,
  });
}

function takeFlash(req: FastifyRequest, reply: FastifyReply): PageContextValue['flash'] {
  const raw = req.cookies[FLASH_COOKIE];
  if (!raw) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: '/' });
  const unsigned = reply.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return undefined;
  try {
    const parsed = JSON.parse(unsigned.value) as { key?: unknown; params?: unknown };
    if (typeof parsed.key !== 'string' || !parsed.key.startsWith('flash.')) return undefined;
    return { key: parsed.key, params: (parsed.params ?? {}) as Record<string, string | number> };
  } catch {
    return undefined;
  }
}

export function pageContext(req: FastifyRequest, reply: FastifyReply, nav: NavRegistry): PageContextValue {
  return {
    t: translator(req.locale),
    locale: req.locale,
    actor: req.actor,
    csrfToken: reply.generateCsrf({ userInfo: csrfUserInfo(req) }),
    path: req.url,
    nav: nav.visibleTo(req.actor),
    flash: takeFlash(req, reply),
  };
}

export function renderDocument(
  context: PageContextValue,
  options: PageOptions,
  body: ComponentChildren,
): string {
  return (
    '<!doctype html>' +
    renderToString(
      <PageContext.Provider value={context}>
        <Layout title={options.title} crumbs={options.crumbs} lead={options.lead}>
          {body}
        </Layout>
      </PageContext.Provider>,
    )
  );
}

export type RenderPage = (
  req: FastifyRequest,
  reply: FastifyReply,
  options: PageOptions,
  body: ComponentChildren,
) => FastifyReply;

export function pageRenderer(nav: NavRegistry): RenderPage {
  return (req, reply, options, body) => {
    const html = renderDocument(pageContext(req, reply, nav), options, body);
    return reply
      .status(options.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  };
}
