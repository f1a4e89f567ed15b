// Log-in, sessions, lock-out and API tokens, through the HTTP app, on both databases.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { SESSION_COOKIE } from './sessions.js';

describeEachDatabase('accounts and sessions', (db) => {
  let h: Harness;
  let user: TestUser;
  beforeAll(async () => {
    h = await startHarness(db());
    user = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  it('logs in by e-mail, rotates the session id, and logs out', async () => {
    const agent = h.agent();
    await agent.get('/login');
    const res = await agent.logIn(user.login, user.password);
    expect(res.headers.location).toBe('/workspace');
    const first = agent.cookie(SESSION_COOKIE);
    expect(first).toBeDefined();
    const cookieHeader = String(res.headers['set-cookie']);
    expect(cookieHeader).toMatch(/gongshi_session=[^;]+;.*HttpOnly/i);
    expect(cookieHeader).toMatch(/SameSite=Lax/i);

    const page = await agent.get('/workspace');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(user.name);

    // Logging in again replaces the session: the old cookie no longer works.
    await agent.logIn(user.login, user.password);
    const second = agent.cookie(SESSION_COOKIE);
    expect(second).not.toBe(first);
    const stale = await h.app.inject({
      method: 'GET',
      url: '/workspace',
      cookies: { [SESSION_COOKIE]: first! },
    });
    expect(stale.statusCode).toBe(303);
    expect(stale.headers.location).toBe('/login?next=%2Fworkspace');

    const out = await agent.postForm('/logout', {});
    expect(out.statusCode).toBe(303);
    expect((await agent.get('/workspace')).statusCode).toBe(303);
  });

  it('logs in by mobile number in any common spelling', async () => {
    const u = await h.user('finance');
    await h.run(async (ctx) => {
      await ctx.trx.updateTable('users').set({ phone: '13912345678' }).where('id', '=', u.id).execute();
    });
    const agent = h.agent();
    const res = await agent.postForm('/login', { login: '+86 139-1234-5678', password: u.password });
    expect(res.statusCode).toBe(303);
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const a = await h
      .agent()
      .postForm('/login', { login: 'nobody@gongshi.example', password: 'whatever-password' });
    const b = await h.agent().postForm('/login', { login: user.login, password: 'wrong-password-123' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    const message = (body: string) => /<div class="error-summary"[\s\S]*?<\/div>/.exec(body)?.[0];
    expect(message(a.body)).toBeDefined();
    expect(message(a.body)).toBe(message(b.body));
  });

  it('locks an account after 5 failures, even for the right password, until an administrator unlocks it', async () => {
    const victim = await h.user('civilAffairs');
    for (let i = 0; i < 5; i++) {
      const res = await h
        .agent()
        .postForm('/login', { login: victim.login, password: `wrong-${i}-password` });
      expect(res.statusCode).toBe(401);
    }
    const locked = await h.agent().postForm('/login', { login: victim.login, password: victim.password });
    expect(locked.statusCode).toBe(401);

    const admin = await h.user('administrator');
    const unlock = await h.app.inject({
      method: 'PATCH',
      url: `/api/v1/admin/users/${victim.id}`,
      headers: { authorization: `Bearer ${admin.token}` },
      payload: { unlock: true },
    });
    expect(unlock.statusCode).toBe(204);
    const ok = await h.agent().postForm('/login', { login: victim.login, password: victim.password });
    expect(ok.statusCode).toBe(303);
  });

  it('lets the lock expire by itself after the lock period', async () => {
    const victim = await h.user('expert');
    for (let i = 0; i < 5; i++)
      await h.agent().postForm('/login', { login: victim.login, password: `wrong-${i}-password` });
    expect(
      (await h.agent().postForm('/login', { login: victim.login, password: victim.password })).statusCode,
    ).toBe(401);
    h.clock.advance(16 * 60_000);
    expect(
      (await h.agent().postForm('/login', { login: victim.login, password: victim.password })).statusCode,
    ).toBe(303);
  });

  it('ends a session after 30 idle minutes and after 12 hours in all', async () => {
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    h.clock.advance(29 * 60_000);
    expect((await agent.get('/workspace')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    expect((await agent.get('/workspace')).statusCode).toBe(303);

    const busy = h.agent();
    await busy.logIn(user.login, user.password);
    for (let i = 0; i < 25; i++) {
      h.clock.advance(29 * 60_000);
      const res = await busy.get('/workspace');
      if (i < 24) expect(res.statusCode).toBe(200);
      else expect(res.statusCode).toBe(303); // 25 × 29 min > 12 h
    }
  });

  it('stores only hashes of passwords (argon2id), sessions and tokens', async () => {
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    const secret = agent.cookie(SESSION_COOKIE)!;
    const rows = await h.run(async (ctx) => ({
      user: await ctx.trx.selectFrom('users').selectAll().where('id', '=', user.id).executeTakeFirstOrThrow(),
      sessions: await ctx.trx.selectFrom('sessions').selectAll().execute(),
      tokens: await ctx.trx.selectFrom('api_tokens').selectAll().execute(),
    }));
    expect(rows.user.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(user.password);
    expect(dump).not.toContain(user.token);
    expect(dump).not.toContain(secret.split('.')[0]);
  });

  it('accepts a personal API token as Bearer and refuses it once revoked', async () => {
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { id: user.id }, memberships: [{ role: 'purchaserStaff' }] });

    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { name: 'short-lived', expiresInDays: 1 },
    });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json<{ id: string; token: string }>();
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(200);

    const revoke = await h.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${id}`,
      headers: { authorization: `Bearer ${user.token}` },
    });
    expect(revoke.statusCode).toBe(204);
    const after = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('stops a locked or disabled account’s API tokens and sessions with the account, and no sooner', async () => {
    const subject = await h.user('providerMember');
    const admin = await h.user('administrator');
    const asSubject = () =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: { authorization: `Bearer ${subject.token}` },
      });
    const adminSets = (payload: object) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/admin/users/${subject.id}`,
        headers: { authorization: `Bearer ${admin.token}` },
        payload,
      });
    const unknown = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: 'Bearer gs_unknown-token' },
    });
    const browser = h.agent();
    await browser.logIn(subject.login, subject.password);
    expect((await asSubject()).statusCode).toBe(200);

    // Five wrong passwords lock the account: its token and its session stop, as its password does.
    for (let i = 0; i < 5; i++)
      await h.agent().postForm('/login', { login: subject.login, password: `wrong-${i}-password` });
    const locked = await asSubject();
    expect(locked.statusCode).toBe(401);
    // The same answer as for a token nobody has: nothing tells that the account exists or is locked.
    expect(locked.json()).toEqual(unknown.json());
    expect(locked.headers['www-authenticate']).toBe(unknown.headers['www-authenticate']);
    expect((await browser.get('/workspace')).statusCode).toBe(303);

    // The lock is temporary: when it expires, the token works again.
    h.clock.advance(16 * 60_000);
    expect((await asSubject()).statusCode).toBe(200);

    // Locked again, an administrator lifts the lock sooner.
    for (let i = 0; i < 5; i++)
      await h.agent().postForm('/login', { login: subject.login, password: `wrong-${i}-password` });
    expect((await asSubject()).statusCode).toBe(401);
    expect((await adminSets({ unlock: true })).statusCode).toBe(204);
    expect((await asSubject()).statusCode).toBe(200);

    // Disabled, the token stops for good: enabled again, the account needs a new token.
    expect((await adminSets({ status: 'disabled' })).statusCode).toBe(204);
    const disabled = await asSubject();
    expect(disabled.statusCode).toBe(401);
    expect(disabled.json()).toEqual(unknown.json());
    expect((await adminSets({ status: 'active' })).statusCode).toBe(204);
    expect((await asSubject()).statusCode).toBe(401);
    const again = h.agent();
    await again.logIn(subject.login, subject.password);
    const created = await again.postForm(
      '/account/tokens',
      { name: 'again' },
      { csrfFrom: '/account/tokens' },
    );
    const fresh = /<code>(gs_[^<]+)<\/code>/.exec(created.body)?.[1];
    expect(fresh).toBeDefined();
    const withFresh = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${fresh!}` },
    });
    expect(withFresh.statusCode).toBe(200);
  });

  it('refuses an expired token and a made-up one', async () => {
    const created = await h.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { authorization: `Bearer ${user.token}` },
      payload: { name: 'one day', expiresInDays: 1 },
    });
    const { token } = created.json<{ token: string }>();
    h.clock.advance(25 * 3_600_000);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (
        await h.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: 'Bearer gs_made-up' },
        })
      ).statusCode,
    ).toBe(401);
  });

  it('shows a new token once on the tokens page and lets the user revoke it there', async () => {
    const agent = h.agent();
    await agent.logIn(user.login, user.password);
    const res = await agent.postForm(
      '/account/tokens',
      { name: '区财政数据对接' },
      { csrfFrom: '/account/tokens' },
    );
    expect(res.statusCode).toBe(201);
    const token = /<code>(gs_[^<]+)<\/code>/.exec(res.body)?.[1];
    expect(token).toBeDefined();
    const list = await agent.get('/account/tokens');
    expect(list.body).toContain('区财政数据对接');
    expect(list.body).not.toContain(token!);
  });

  it('changes the password: wrong current password refused, others sessions end', async () => {
    const u = await h.user('auditor');
    const here = h.agent();
    const elsewhere = h.agent();
    await here.logIn(u.login, u.password);
    await elsewhere.logIn(u.login, u.password);
    const wrong = await here.postForm('/account/password', {
      currentPassword: 'not-my-password',
      newPassword: 'A-much-better-pass-2026',
      confirmPassword: 'A-much-better-pass-2026',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('当前密码不正确');
    const short = await here.postForm('/account/password', {
      currentPassword: u.password,
      newPassword: 'short',
      confirmPassword: 'short',
    });
    expect(short.statusCode).toBe(422);
    expect(short.body).toContain('aria-invalid="true"');
    const ok = await here.postForm('/account/password', {
      currentPassword: u.password,
      newPassword: 'A-much-better-pass-2026',
      confirmPassword: 'A-much-better-pass-2026',
    });
    expect(ok.statusCode).toBe(303);
    expect((await here.get('/account')).statusCode).toBe(200);
    expect((await elsewhere.get('/account')).statusCode).toBe(303);
  });
});

describeEachDatabase('log-in rate limit', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db(), { LOGIN_RATE_PER_MINUTE: '5' });
  });
  afterAll(() => h.close());

  it('refuses more than the allowed log-in attempts per minute from one address with 429', async () => {
    const agent = h.agent();
    const token = await agent.csrf('/login');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await agent.postForm(
        '/login',
        { login: `nobody${i}@gongshi.example`, password: 'x' },
        { csrf: token },
      );
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429, 429]);
  });
});
