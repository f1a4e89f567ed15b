// The request log never holds a secret or a person's data: one-time survey links, tokens in queries,
// credentials in headers, and the values a database error quotes. On both databases.
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { SESSION_COOKIE } from '../auth/sessions.js';
import { LogRedaction, loggerOptions } from './logging.js';

/** Names that say a parameter carries a secret, chosen here apart from the code's own list. */
const LOOKS_SECRET = /token|secret|key|password|passwd|csrf|signature/i;

function capture(): { stream: Writable; text: () => string; clear: () => void } {
  let chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return { stream, text: () => chunks.join(''), clear: () => (chunks = []) };
}

describeEachDatabase('what the log says', (db) => {
  let h: Harness;
  let user: TestUser;
  const log = capture();
  beforeAll(async () => {
    h = await startHarness(db(), { LOG_LEVEL: 'info' }, { logStream: log.stream });
    user = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  it('leaves one-time answer links, tokens in queries and credentials in headers out of every line', async () => {
    const link = 'SURVEYlinkSECRET0123456789abcdefXYZ';
    const queryToken = 'QUERYtokenSECRET9876543210';
    const password = 'QUERYpasswordSECRET555';
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    const session = agent.cookie(SESSION_COOKIE)!;
    log.clear();

    await h.app.inject({ method: 'GET', url: `/s/${link}` });
    await h.app.inject({ method: 'POST', url: `/s/${link}`, payload: { q1: 'x' } });
    await h.app.inject({ method: 'GET', url: `/api/v1/surveys/answer/${link}` });
    await h.app.inject({ method: 'GET', url: `/login?next=${encodeURIComponent(`/s/${link}`)}` });
    await h.app.inject({ method: 'GET', url: `/nowhere?token=${queryToken}&password=${password}` });
    await h.app.inject({ method: 'GET', url: `/?access_token=${queryToken}` });
    await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${user.token}`, 'x-csrf-token': queryToken },
      cookies: { [SESSION_COOKIE]: session },
    });
    await h.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer gs_${link}` } });

    const text = log.text();
    // The requests were logged, with what is not secret in them.
    expect(text).toContain('"url":"/s/[redacted]"');
    expect(text).toContain('"url":"/api/v1/surveys/answer/[redacted]"');
    expect(text).toContain('"url":"/nowhere?token=[redacted]&password=[redacted]"');
    expect(text).toContain('"url":"/api/v1/me"');
    for (const secret of [link, queryToken, password, user.token, session, session.split('.')[0]!]) {
      expect(text).not.toContain(secret);
    }
  });

  it('redacts every secret-named path and query parameter of every registered route', () => {
    const routes = h.app.logRedaction.routes;
    // Every route, those of plugins (static files, API docs) included.
    const seen = new Set(routes.map((r) => r.url));
    for (const { url } of h.app.routeTable) expect(seen, url).toContain(url);
    let secrets = 0;
    for (const route of routes) {
      const value = (name: string) => `v${name}V${route.url.length}`;
      const path = route.url
        .split('/')
        .map((segment) => {
          if (segment === '*') return 'any/file.css';
          if (!segment.startsWith(':')) return segment;
          return value(segment.slice(1).replace(/\(.*$/, ''));
        })
        .join('/');
      const query = route.queryNames.map((name) => `${name}=${value(name)}`).join('&');
      const url = query ? `${path}?${query}` : path;
      const logged = h.app.logRedaction.redactUrl(url);
      for (const name of [...route.pathParams, ...route.queryNames]) {
        if (LOOKS_SECRET.test(name)) {
          secrets++;
          expect(logged, `${route.url}: ${name}`).not.toContain(value(name));
        } else {
          // The rest stays, or the log would be no help in finding out what happened.
          expect(logged, `${route.url}: ${name}`).toContain(value(name));
        }
      }
    }
    // /s/:token (page and form) and /api/v1/surveys/answer/:token (read and answer) at least.
    expect(secrets).toBeGreaterThanOrEqual(4);
  });

  it('logs a database error without the values it quotes', async () => {
    // A second account with the same e-mail address: a unique violation, as a race between two
    // registrations would cause.
    const email = user.login;
    // Straight to the database: runUseCase would already have made it a 409 naming only the field.
    const kysely = h.platform.db.kysely;
    const row = await kysely
      .selectFrom('users')
      .selectAll()
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const error = await kysely
      .insertInto('users')
      .values({ ...row, id: `${row.id}-copy` })
      .execute()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    if (db().dialect === 'postgres') expect(JSON.stringify(error)).toContain(email); // pg's `detail`

    const out = capture();
    const logger = Fastify({ logger: loggerOptions('info', new LogRedaction(), out.stream) });
    logger.log.error({ err: error }, 'request failed');
    await logger.close();
    const line = JSON.parse(out.text()) as { err: { message: string; type: string } };
    expect(line.err.message).toBeTruthy();
    expect(out.text()).not.toContain(email);
    expect(out.text()).not.toContain(email.split('@')[0]!);
  });
});
