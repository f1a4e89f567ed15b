// HTTP behaviour every route shares: errors as JSON or pages in the user's language, security headers,
// CSRF on forms, request ids. Runs on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';

describeEachDatabase('HTTP basics', (db) => {
  let h: Harness;
  let user: TestUser;
  beforeAll(async () => {
    h = await startHarness(db());
    user = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  it('answers malformed JSON with 400 malformed_json', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { authorization: `Bearer ${user.token}`, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'malformed_json' } });
  });

  it('answers schema violations with 422 naming every bad field, in Chinese by default', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { expiresInDays: 0, colour: 'red' },
    });
    expect(res.statusCode).toBe(422);
    const body = res.json<{
      error: { code: string; message: string; details: { field: string; message: string }[] };
    }>();
    expect(body.error.code).toBe('validation_failed');
    const fields = body.error.details.map((d) => d.field).sort();
    expect(fields).toEqual(['colour', 'expiresInDays', 'name']);
    expect(body.error.details.find((d) => d.field === 'name')!.message).toBe('请填写此项。');
    expect(body.error.details.find((d) => d.field === 'expiresInDays')!.message).toBe('不能小于 1。');
  });

  it('speaks English when the language cookie says so', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      cookies: { gongshi_lang: 'en' },
      payload: {},
    });
    expect(res.statusCode).toBe(422);
    expect(res.json<{ error: { details: { message: string }[] } }>().error.details[0]!.message).toBe(
      'Enter this.',
    );
  });

  it('answers an unknown API route with JSON 404 and an unknown page with an HTML 404 page', async () => {
    const api = await h.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
    const page = await h.app.inject({ method: 'GET', url: '/nothing-here' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('找不到这个页面');
    expect(page.body).toContain('lang="zh-CN"');
  });

  it('sends strict security headers and a CSP without inline script', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body).not.toMatch(/<script(?![^>]*src=)[^>]*>/);
  });

  it('refuses a form post without a valid CSRF token', async () => {
    const agent = h.agent();
    const missing = await agent.postForm(
      '/login',
      { login: user.login, password: user.password },
      { csrf: null },
    );
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('表单已过期');
    const forged = await agent.postForm(
      '/login',
      { login: user.login, password: user.password },
      { csrf: 'forged-token' },
    );
    expect(forged.statusCode).toBe(403);
    const ok = await agent.postForm('/login', { login: user.login, password: user.password });
    expect(ok.statusCode).toBe(303);
  });

  it('refuses a cookie-authenticated API write without the CSRF header, but not a Bearer one', async () => {
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    const res = await agent.request({ method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'x' } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ error: { code: 'csrf_invalid' } });
    const withToken = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { name: 'from a script' },
    });
    expect(withToken.statusCode).toBe(201);
  });

  it('serves OpenAPI and its docs page', async () => {
    const spec = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(spec.statusCode).toBe(200);
    const doc = spec.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/calendar/deadline');
    // HTML pages are not part of the API reference.
    expect(
      Object.keys(doc.paths).filter((p) => !p.startsWith('/api/') && p !== '/healthz' && p !== '/readyz'),
    ).toEqual([]);
    const ui = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
  });

  it('answers the health checks', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await h.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({
      status: 'ok',
      database: db().dialect,
    });
  });

  it('switches language with a cookie and only redirects to local paths', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/lang/en?next=/calendar' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/calendar');
    expect(String(res.headers['set-cookie'])).toContain('gongshi_lang=en');
    const evil = await h.app.inject({ method: 'GET', url: '/lang/en?next=//evil.example/' });
    expect(evil.headers.location).toBe('/');
    const page = await h.app.inject({ method: 'GET', url: '/', cookies: { gongshi_lang: 'en' } });
    expect(page.body).toContain('lang="en"');
    expect(page.body).toContain('Government purchase of services, published at every step');
  });

  it('gives every form a one-time submission key, so a form sent twice takes effect once', async () => {
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    const page = await agent.get('/account/tokens');
    const key = /name="_submission" value="([^"]+)"/.exec(page.body)?.[1];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    // Logging in twice opens two sessions, which is no harm: that form has no key.
    expect((await h.agent().get('/login')).body).not.toContain('name="_submission"');

    const countTokens = async () =>
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/me/tokens',
          headers: { authorization: `Bearer ${user.token}` },
        })
      ).json<unknown[]>().length;
    const before = await countTokens();
    const first = await agent.postForm('/account/tokens', { name: '报表工具', _submission: key! });
    expect(first.statusCode).toBe(201);
    const again = await agent.postForm('/account/tokens', { name: '报表工具', _submission: key! });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('这份表单已经提交过');
    expect(await countTokens()).toBe(before + 1);
    // A refused submission takes no key: corrected, it goes through with the same one.
    const other = /name="_submission" value="([^"]+)"/.exec((await agent.get('/account/tokens')).body)![1]!;
    expect((await agent.postForm('/account/tokens', { name: '', _submission: other })).statusCode).toBe(422);
    expect((await agent.postForm('/account/tokens', { name: '第二个', _submission: other })).statusCode).toBe(
      201,
    );
    // The API's Idempotency-Key works the same way; a malformed one is refused, naming the header.
    const call = (key: string) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        headers: { authorization: `Bearer ${user.token}`, 'idempotency-key': key },
        payload: { name: '脚本' },
      });
    expect((await call('retry-0001')).statusCode).toBe(201);
    const repeat = await call('retry-0001');
    expect(repeat.statusCode).toBe(409);
    expect(repeat.json()).toMatchObject({ error: { code: 'duplicate_submission' } });
    const bad = await call('x');
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ error: { details: [{ field: 'Idempotency-Key' }] } });
  });
});
