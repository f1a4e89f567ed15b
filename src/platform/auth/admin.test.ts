// Administration of users, organizations and roles: through the API and the pages, on both databases.
// Bad input gets a 4xx naming the field; nothing half-written is left behind.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';

describeEachDatabase('administration', (db) => {
  let h: Harness;
  let admin: TestUser;
  const api = apiClient(
    () => h.app,
    () => admin,
  );

  beforeAll(async () => {
    h = await startHarness(db());
    admin = await h.user('administrator');
  });
  afterAll(() => h.close());

  it('creates a user with a generated password that works once handed over', async () => {
    const res = await api('POST', '/api/v1/admin/users', { name: '周明', phone: '13700001111' });
    expect(res.statusCode).toBe(201);
    const { id, initialPassword } = res.json<{ id: string; initialPassword: string }>();
    expect(initialPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{4}){3}$/);
    const login = await h.agent().postForm('/login', { login: '13700001111', password: initialPassword });
    expect(login.statusCode).toBe(303);
    const user = await api('GET', `/api/v1/admin/users/${id}`);
    expect(user.json()).toMatchObject({ name: '周明', phone: '13700001111', email: null, memberships: [] });
  });

  it('refuses duplicate log-in names and a user with neither e-mail nor phone', async () => {
    const dup = await api('POST', '/api/v1/admin/users', { name: 'x', email: admin.login.toUpperCase() });
    expect(dup.statusCode).toBe(422);
    expect(dup.json<ErrorBody>().error).toMatchObject({
      code: 'duplicate_email',
      details: [{ field: 'email' }],
    });
    const none = await api('POST', '/api/v1/admin/users', { name: 'x' });
    expect(none.statusCode).toBe(422);
    expect(none.json<ErrorBody>().error.details[0]!.field).toBe('email');
    const badPhone = await api('POST', '/api/v1/admin/users', { name: 'x', phone: '12345' });
    expect(badPhone.statusCode).toBe(422);
    expect(badPhone.json<ErrorBody>().error.details).toEqual([
      { field: 'phone', message: '请输入 11 位手机号码，例如 13800138000。' },
    ]);
  });

  it('gives roles only in organizations of a fitting kind', async () => {
    const u = await h.user(null);
    const socialOrg = await api('POST', '/api/v1/admin/organizations', {
      name: '北京市测试社会工作服务中心',
      kind: 'socialOrganization',
      orgType: 'serviceAgency',
      uscc: testUscc(900001),
      districtCode: '110105',
    });
    expect(socialOrg.statusCode).toBe(201);
    const orgId = socialOrg.json<{ id: string }>().id;
    const wrong = await api('POST', `/api/v1/admin/users/${u.id}/memberships`, {
      organizationId: orgId,
      role: 'finance',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<ErrorBody>().error.details[0]!.field).toBe('role');
    const right = await api('POST', `/api/v1/admin/users/${u.id}/memberships`, {
      organizationId: orgId,
      role: 'providerMember',
    });
    expect(right.statusCode).toBe(201);
    const again = await api('POST', `/api/v1/admin/users/${u.id}/memberships`, {
      organizationId: orgId,
      role: 'providerMember',
    });
    expect(again.statusCode).toBe(409);
    const me = await api('GET', '/api/v1/me', undefined, u);
    expect(me.json()).toMatchObject({ memberships: [{ organizationId: orgId, role: 'providerMember' }] });
  });

  it('keeps the last administrator', async () => {
    const only = await h.run((ctx) =>
      ctx.trx
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['memberships.id', 'users.id as userId'])
        .where('role', '=', 'administrator')
        .execute(),
    );
    expect(only).toHaveLength(1);
    const remove = await api('DELETE', `/api/v1/admin/users/${only[0]!.userId}/memberships/${only[0]!.id}`);
    expect(remove.statusCode).toBe(409);
    expect(remove.json<ErrorBody>().error.code).toBe('last_administrator');
    const disable = await api('PATCH', `/api/v1/admin/users/${only[0]!.userId}`, { status: 'disabled' });
    expect(disable.statusCode).toBe(409);
  });

  it('disabling a user ends their sessions and tokens at once', async () => {
    const u = await h.user('finance');
    const agent = h.agent();
    await agent.logIn(u.login, u.password);
    expect((await api('PATCH', `/api/v1/admin/users/${u.id}`, { status: 'disabled' })).statusCode).toBe(204);
    expect((await agent.get('/workspace')).statusCode).toBe(303);
    const tokenCall = await api('GET', '/api/v1/me', undefined, u);
    expect(tokenCall.statusCode).toBe(401);
  });

  it('checks unified social credit codes and says what is wrong', async () => {
    const base = { name: '某社会组织', kind: 'socialOrganization', orgType: 'association' };
    const check = await api('POST', '/api/v1/admin/organizations', { ...base, uscc: '91110000600037341N' });
    expect(check.statusCode).toBe(422);
    expect(check.json<ErrorBody>().error.details).toEqual([
      { field: 'uscc', message: '校验位不符：按前 17 位计算应为“L”，实际是“N”。请核对代码。' },
    ]);
    const alphabet = await api('POST', '/api/v1/admin/organizations', {
      ...base,
      uscc: '9111000060003IOZSV',
    });
    expect(alphabet.json<ErrorBody>().error.details[0]!.message).toContain('第 14 位的“I”');
    const missing = await api('POST', '/api/v1/admin/organizations', {
      name: 'x',
      kind: 'socialOrganization',
    });
    expect(
      missing
        .json<ErrorBody>()
        .error.details.map((d) => d.field)
        .sort(),
    ).toEqual(['orgType', 'uscc']);
    const ok = await api('POST', '/api/v1/admin/organizations', { ...base, uscc: '91110000600037341l' });
    expect(ok.statusCode).toBe(201);
    const dup = await api('POST', '/api/v1/admin/organizations', { ...base, uscc: '91110000600037341L' });
    expect(dup.statusCode).toBe(422);
    expect(dup.json<ErrorBody>().error.details[0]).toMatchObject({ field: 'uscc' });
  });

  it('keeps the department tree sound: known districts, no cycles, no upside-down levels', async () => {
    const city = (
      await api('POST', '/api/v1/admin/organizations', {
        name: '测试市政府',
        kind: 'purchaser',
        level: 'city',
      })
    ).json<{
      id: string;
    }>().id;
    const district = await api('POST', '/api/v1/admin/organizations', {
      name: '测试区政府',
      kind: 'purchaser',
      level: 'district',
      districtCode: '110108',
      parentId: city,
    });
    expect(district.statusCode).toBe(201);
    const districtId = district.json<{ id: string }>().id;
    const unknownDistrict = await api('POST', '/api/v1/admin/organizations', {
      name: 'x',
      kind: 'purchaser',
      level: 'district',
      districtCode: '110199',
    });
    expect(unknownDistrict.json<ErrorBody>().error.details[0]).toEqual({
      field: 'districtCode',
      message: '不认识行政区划代码 110199。',
    });
    const cycle = await api('PATCH', `/api/v1/admin/organizations/${city}`, { parentId: districtId });
    expect(cycle.statusCode).toBe(422);
    expect(cycle.json<ErrorBody>().error.details.map((d) => d.field)).toContain('parentId');
    const upsideDown = await api('POST', '/api/v1/admin/organizations', {
      name: '街道',
      kind: 'purchaser',
      level: 'city',
      parentId: districtId,
    });
    expect(upsideDown.json<ErrorBody>().error.details[0]!.field).toBe('parentId');
  });

  it('leaves nothing half-written when a use-case fails', async () => {
    const before = await h.run((ctx) =>
      ctx.trx
        .selectFrom('organizations')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const audits = await h.run((ctx) =>
      ctx.trx
        .selectFrom('audit_events')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const res = await api('POST', '/api/v1/admin/organizations', {
      name: 'x',
      kind: 'purchaser',
      level: 'street',
      parentId: 'no-such-id',
    });
    expect(res.statusCode).toBe(422);
    const after = await h.run((ctx) =>
      ctx.trx
        .selectFrom('organizations')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    const auditsAfter = await h.run((ctx) =>
      ctx.trx
        .selectFrom('audit_events')
        .select(({ fn }) => fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    );
    expect(Number(after.n)).toBe(Number(before.n));
    expect(Number(auditsAfter.n)).toBe(Number(audits.n));
  });

  it('works through the pages: the form comes back with the problems and the values kept', async () => {
    const agent = h.agent();
    await agent.logIn(admin.login, admin.password);
    const bad = await agent.postForm(
      '/admin/users',
      { name: '', email: 'not-an-email', phone: '123' },
      { csrfFrom: '/admin/users/new' },
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('class="error-summary"');
    expect(bad.body).toContain('href="#field-name"');
    expect(bad.body).toContain('value="not-an-email"');
    expect(bad.body).toMatch(/id="field-phone"[^>]*aria-invalid="true"/);

    const ok = await agent.postForm(
      '/admin/users',
      { name: '吴静', email: 'wujing@gongshi.example' },
      { csrfFrom: '/admin/users/new' },
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.body).toContain('只显示这一次');

    const both = await agent.postForm(
      '/admin/organizations',
      { name: '', kind: 'socialOrganization', orgType: 'association', uscc: '91110000600037341N' },
      { csrfFrom: '/admin/organizations/new' },
    );
    expect(both.statusCode).toBe(422);
    expect(both.body).toContain('href="#field-name"');
    expect(both.body).toContain('应为“L”'); // the credit code is checked in the same round

    const list = await agent.get('/admin/users?q=wujing');
    expect(list.body).toContain('吴静');

    const org = await agent.postForm(
      '/admin/organizations',
      { name: '北京市海淀区测试街道办事处', kind: 'purchaser', level: 'street', districtCode: '110108' },
      { csrfFrom: '/admin/organizations/new' },
    );
    expect(org.statusCode).toBe(303);
    const page = await agent.get(org.headers.location as string);
    expect(page.body).toContain('北京市海淀区测试街道办事处');
    const audit = await agent.get('/admin/audit');
    expect(audit.body).toContain('创建机构');
  });
});
