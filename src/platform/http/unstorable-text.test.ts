// Text the database cannot store (NUL, other control characters, bytes that are not UTF-8), sent in
// every part of a request — JSON body, form, multipart field, file name, query string, path — is refused
// with 4xx naming the field, and nothing is written. PostgreSQL answered a NUL with a 500; SQLite
// stored it. Then a walk over every registered route: a NUL in the path and the query is never a 5xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { can } from '../access/policy.js';
import { ROLES, type Actor } from '../access/roles.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Agent, type Harness, type TestUser } from '../../testing/harness.js';
import { fieldsOf, type ErrorBody } from '../../testing/http.js';

function multipart(parts: { headers: string; body: Buffer | string }[]) {
  const boundary = `----gongshi-text-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n${p.headers}\r\n\r\n`, 'latin1'));
    chunks.push(Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(chunks),
  };
}

const field = (name: string, body: Buffer | string) => ({
  headers: `Content-Disposition: form-data; name="${name}"`,
  body,
});

describeEachDatabase('text the database cannot store', (db) => {
  let h: Harness;
  let staff: TestUser;
  let agent: Agent;
  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    agent = h.agent();
    await agent.logIn(staff.login, staff.password);
  });
  afterAll(() => h.close());

  const announcements = async () =>
    (await h.app.inject({ method: 'GET', url: '/api/v1/records?kind=announcement' })).json<{
      total: number;
    }>().total;
  const announcement = (overrides: Record<string, unknown> = {}) => ({
    category: 'platform',
    title: '通知',
    body: '正文',
    organizationId: staff.organizationId,
    ...overrides,
  });

  it('refuses a NUL, other controls, a lone surrogate and bytes that are not UTF-8 in a JSON body', async () => {
    const before = await announcements();
    const post = (payload: string | Buffer) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/announcements',
        headers: { authorization: `Bearer ${staff.token}`, 'content-type': 'application/json' },
        payload,
      });
    const nul = await post(JSON.stringify(announcement({ title: 'a\u0000b' })));
    expect(nul.statusCode).toBe(422);
    expect(nul.json<ErrorBody>().error.code).toBe('validation_failed');
    expect(nul.json<ErrorBody>().error.details).toEqual([
      { field: 'title', message: '含有无法保存的控制字符（U+0000）。' },
    ]);
    for (const bad of ['\u0007', '\u001B', '\u007F', '\u0085', '\uFFFF']) {
      const res = await post(JSON.stringify(announcement({ body: `x${bad}y` })));
      expect(res.statusCode, JSON.stringify(bad)).toBe(422);
      expect(fieldsOf(res)).toEqual(['body']);
    }
    const surrogate = await post(
      `{"category":"platform","title":"a\\ud800","body":"b","organizationId":"${staff.organizationId}"}`,
    );
    expect(surrogate.statusCode).toBe(422);
    expect(fieldsOf(surrogate)).toEqual(['title']);
    const notUtf8 = await post(
      Buffer.concat([
        Buffer.from(
          `{"category":"platform","organizationId":"${staff.organizationId}","body":"b","title":"a`,
        ),
        Buffer.from([0xc3, 0x28]),
        Buffer.from('"}'),
      ]),
    );
    expect(notUtf8.statusCode).toBe(422);
    expect(notUtf8.json<ErrorBody>().error.details).toEqual([
      { field: 'title', message: '不是有效的 UTF-8 文字。' },
    ]);
    expect(await announcements()).toBe(before);
  });

  it('shows a form again with the field’s problem, in the user’s language, and writes nothing', async () => {
    const before = await announcements();
    const res = await agent.postForm(
      '/announcements',
      { category: 'platform', title: 'a\u0000b', body: '正文', organizationId: staff.organizationId! },
      { csrfFrom: '/announcements/new' },
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('含有无法保存的控制字符（U+0000）。');
    expect(res.body).toMatch(/name="title"[^>]*value="ab"/);
    expect(res.body).not.toContain('\u0000');

    const en = await agent.request({
      method: 'POST',
      url: '/announcements',
      cookies: { gongshi_lang: 'en' },
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        `_csrf=${encodeURIComponent(await agent.csrf('/announcements/new'))}&category=platform` +
        `&title=%ff&body=b&organizationId=${staff.organizationId}`,
    });
    expect(en.statusCode).toBe(422);
    expect(en.body).toContain('This is not valid UTF-8 text.');
    expect(await announcements()).toBe(before);
  });

  it('refuses the same in a multipart text field and in an uploaded file’s name', async () => {
    const before = await announcements();
    const csrf = await agent.csrf('/announcements/new');
    const send = (parts: { headers: string; body: Buffer | string }[]) =>
      agent.request({ method: 'POST', url: '/announcements', ...multipart(parts) });
    const base = [
      field('_csrf', csrf),
      field('category', 'platform'),
      field('organizationId', staff.organizationId!),
      field('body', 'b'),
    ];
    const nul = await send([...base, field('title', 'a\u0001b')]);
    expect(nul.statusCode).toBe(422);
    expect(nul.body).toContain('含有无法保存的控制字符（U+0001）。');
    const notUtf8 = await send([...base, field('title', Buffer.from([0x61, 0xff]))]);
    expect(notUtf8.statusCode).toBe(422);
    expect(notUtf8.body).toContain('不是有效的 UTF-8 文字。');
    expect(await announcements()).toBe(before);

    // a file's bytes stay bytes; its name must be text
    const civil = await h.user('civilAffairs');
    const registrar = h.agent();
    await registrar.logIn(civil.login, civil.password);
    const upload = await registrar.request({
      method: 'POST',
      url: '/registry/import',
      ...multipart([
        field('_csrf', await registrar.csrf('/registry/import')),
        {
          headers: `Content-Disposition: form-data; name="file"; filename="a\u00ff.csv"\r\nContent-Type: text/csv`,
          body: Buffer.from([0x00, 0xff, 0x01]),
        },
      ]),
    });
    expect(upload.statusCode).toBe(422);
    expect(upload.body).toContain('文件名不是有效的 UTF-8 文字');
  });

  it('stores a textarea’s CRLF line breaks as LF', async () => {
    const res = await h.app.inject({
      method: 'POST',
      url: '/api/v1/announcements',
      headers: { authorization: `Bearer ${staff.token}` },
      payload: announcement({ title: '换行', body: '第一行\r\n第二行\r第三行\r\n\r\n第二段' }),
    });
    expect(res.statusCode).toBe(201);
    const { recordId } = res.json<{ recordId: string }>();
    const record = await h.app.inject({ method: 'GET', url: `/api/v1/records/${recordId}` });
    expect(record.json<{ content: { paragraphs: string[] } }>().content.paragraphs).toEqual([
      '第一行\n第二行\n第三行',
      '第二段',
    ]);

    const form = await agent.postForm(
      '/announcements',
      { category: 'platform', title: '表单换行', body: '甲\r\n乙', organizationId: staff.organizationId! },
      { csrfFrom: '/announcements/new' },
    );
    expect(form.statusCode).toBe(303);
    const id = /\/records\/([^/?]+)/.exec(form.headers.location as string)![1]!;
    const stored = await h.app.inject({ method: 'GET', url: `/api/v1/records/${id}` });
    expect(stored.json<{ content: { paragraphs: string[] } }>().content.paragraphs).toEqual(['甲\n乙']);
  });

  it('refuses a NUL or bytes that are not UTF-8 in a query string or a path, naming the parameter', async () => {
    const auth = { authorization: `Bearer ${staff.token}` };
    for (const url of [
      '/api/v1/search?q=a%00b',
      '/api/v1/organizations?q=a%00b',
      '/api/v1/records?kind=%1b',
    ]) {
      const res = await h.app.inject({ method: 'GET', url, headers: auth });
      expect(res.statusCode, url).toBe(422);
      expect(fieldsOf(res), url).toEqual([url.includes('kind') ? 'kind' : 'q']);
    }
    const notUtf8 = await h.app.inject({ method: 'GET', url: '/api/v1/search?q=%ff' });
    expect(notUtf8.statusCode).toBe(422);
    expect(notUtf8.json<ErrorBody>().error.details).toEqual([
      { field: 'q', message: '不是有效的 UTF-8 文字。' },
    ]);
    const page = await h.app.inject({
      method: 'GET',
      url: '/search?q=a%00b',
      cookies: { gongshi_lang: 'en' },
    });
    expect(page.statusCode).toBe(422);
    expect(page.body).toContain('This contains a control character (U+0000) that cannot be stored.');

    const id = await h.app.inject({ method: 'GET', url: '/api/v1/records/a%00b' });
    expect(id.statusCode).toBe(422);
    expect(fieldsOf(id)).toEqual(['id']);
    const badPath = await h.app.inject({ method: 'GET', url: '/api/v1/records/%c3%28' });
    expect(badPath.statusCode).toBe(400);
    expect(badPath.json<ErrorBody>().error).toMatchObject({
      code: 'bad_request',
      details: [{ field: 'path' }],
    });
    const badPage = await h.app.inject({ method: 'GET', url: '/records/%c3%28' });
    expect(badPage.statusCode).toBe(400);
    expect(badPage.headers['content-type']).toContain('text/html');
  });

  it('answers a NUL in the path and the query of every route without a 5xx', async () => {
    const personas: { actor: Actor; user: TestUser; agent: Agent; csrf: string }[] = [];
    for (const role of ROLES) {
      const user = await h.user(role);
      const a = h.agent();
      await a.logIn(user.login, user.password);
      const me = await h.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${user.token}` },
      });
      const actor = { ...me.json<Actor & { kind: 'user' }>(), kind: 'user', userId: user.id, via: 'session' };
      personas.push({ actor: actor as Actor, user, agent: a, csrf: await a.csrf('/account') });
    }
    const failures: string[] = [];
    let refused = 0;
    const routes = h.app.routeTable.filter(
      (r) => !['HEAD', 'OPTIONS'].includes(r.method) && r.url !== '/logout' && !r.url.startsWith('/assets/'),
    );
    for (const route of routes) {
      const p = personas.find((x) => can(x.actor, route.action)) ?? personas[0]!;
      const url = `${route.url.replace(/:[A-Za-z]+/g, 'a%00b').replace('*', 'x')}?q=a%00b&page=1`;
      const api = url.startsWith('/api/');
      const res = api
        ? await h.app.inject({
            method: route.method as 'GET',
            url,
            headers: { authorization: `Bearer ${p.user.token}` },
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
          })
        : route.method === 'GET'
          ? await p.agent.get(url)
          : await p.agent.postForm(url, { note: 'a\u0000b' }, { csrf: p.csrf });
      if (res.statusCode >= 500) failures.push(`${route.method} ${url}: ${res.statusCode}`);
      if (res.statusCode === 422) refused++;
    }
    expect(failures).toEqual([]);
    expect(refused).toBeGreaterThan(routes.length / 2);
  }, 180_000);
});
