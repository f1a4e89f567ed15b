// Identical requests at once on accounts and administration have one effect (src/testing/races.ts), and
// requests that race on the same rule from two sides (two administrators removing each other's role, two
// password changes) leave the state the rule allows.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ApiMethod, type ErrorBody } from '../../testing/http.js';
import { describeRaces, type RaceScenario } from '../../testing/races.js';

/** This suite's order, `api(h, user, method, url, payload?)`, on the shared client. */
function api(h: Harness, user: TestUser, method: ApiMethod, url: string, payload?: object) {
  return apiClient(() => h.app)(method, url, payload, user);
}

let serial = 0;
/** A fresh e-mail address per call (prepare runs twice). */
const freshEmail = () => `race${++serial}-${Math.random().toString(36).slice(2, 8)}@gongshi.example`;
/** A fresh credit code per call, far from the harness's own numbering. */
const freshUscc = () => testUscc(700_000 + Math.floor(Math.random() * 90_000) * 10 + (++serial % 10));

/** An administrator and a second administrator (so neither is the last) with their administrator role. */
async function twoAdministrators(h: Harness): Promise<{ admin: TestUser; other: TestUser; roleId: string }> {
  const admin = await h.user('administrator');
  const other = await h.user('administrator');
  const shown = await api(h, admin, 'GET', `/api/v1/admin/users/${other.id}`);
  const roleId = shown.json<{ memberships: { id: string; role: string }[] }>().memberships[0]!.id;
  return { admin, other, roleId };
}

const scenarios: RaceScenario[] = [
  {
    route: 'POST /api/v1/me/tokens',
    twins: ['POST /account/tokens'],
    async prepare(h) {
      const user = await h.user(null);
      // A token has no natural key: the client's Idempotency-Key makes a retry the same creation.
      return {
        method: 'POST',
        url: '/api/v1/me/tokens',
        user,
        payload: { name: '对账脚本' },
        idempotent: true,
      };
    },
  },
  {
    route: 'DELETE /api/v1/me/tokens/:id',
    twins: ['POST /account/tokens/:id/revoke'],
    // Revoking a revoked token answers as the first did (nothing is left to undo), but only the first
    // revokes it and leaves an audit event.
    outcome: 'idempotent',
    async prepare(h) {
      const user = await h.user(null);
      const created = await api(h, user, 'POST', '/api/v1/me/tokens', { name: '旧脚本' });
      return { method: 'DELETE', url: `/api/v1/me/tokens/${created.json<{ id: string }>().id}`, user };
    },
  },
  {
    route: 'POST /account/profile',
    async prepare(h) {
      const user = await h.user(null);
      return {
        method: 'POST',
        url: '/account/profile',
        form: { agentOf: user, fields: { name: '改过的名字', locale: 'en' } },
      };
    },
  },
  {
    route: 'POST /account/password',
    async prepare(h) {
      const user = await h.user(null);
      return {
        method: 'POST',
        url: '/account/password',
        form: {
          agentOf: user,
          fields: {
            currentPassword: user.password,
            newPassword: 'Quite-new-passw0rd-42',
            confirmPassword: 'Quite-new-passw0rd-42',
          },
        },
      };
    },
  },
  {
    // The same e-mail at once, without a key: the unique key decides; the others are told the e-mail is taken.
    route: 'POST /api/v1/admin/users',
    twins: ['POST /admin/users'],
    async prepare(h) {
      const admin = await h.user('administrator');
      return {
        method: 'POST',
        url: '/api/v1/admin/users',
        user: admin,
        payload: { name: '同名', email: freshEmail() },
      };
    },
  },
  {
    route: 'PATCH /api/v1/admin/users/:id',
    twins: ['POST /admin/users/:id', 'POST /admin/users/:id/unlock'],
    // Disabling a disabled account changes nothing: the repeats succeed and record nothing.
    outcome: 'idempotent',
    async prepare(h) {
      const admin = await h.user('administrator');
      const user = await h.user(null);
      return {
        method: 'PATCH',
        url: `/api/v1/admin/users/${user.id}`,
        user: admin,
        payload: { status: 'disabled' },
      };
    },
  },
  {
    route: 'POST /api/v1/admin/users/:id/reset-password',
    twins: ['POST /admin/users/:id/reset-password'],
    async prepare(h) {
      const admin = await h.user('administrator');
      const user = await h.user(null);
      // Each reset makes a new password (shown once): a retry with the same key must not replace the
      // password the administrator was shown.
      return {
        method: 'POST',
        url: `/api/v1/admin/users/${user.id}/reset-password`,
        user: admin,
        idempotent: true,
      };
    },
  },
  {
    route: 'POST /api/v1/admin/users/:id/memberships',
    twins: ['POST /admin/users/:id/memberships'],
    async prepare(h) {
      const admin = await h.user('administrator');
      const staff = await h.user('purchaserStaff');
      const user = await h.user(null);
      return {
        method: 'POST',
        url: `/api/v1/admin/users/${user.id}/memberships`,
        user: admin,
        payload: { organizationId: staff.organizationId, role: 'purchaserStaff' },
      };
    },
  },
  {
    // Copies that arrive once the role is gone answer 404, as a DELETE of a missing thing does; copies
    // that were waiting on the held roles answer 409. Either way the role is taken away once.
    route: 'DELETE /api/v1/admin/users/:id/memberships/:membershipId',
    twins: ['POST /admin/users/:id/memberships/:membershipId/remove'],
    outcome: 'idempotent',
    async prepare(h) {
      const { admin, other, roleId } = await twoAdministrators(h);
      return { method: 'DELETE', url: `/api/v1/admin/users/${other.id}/memberships/${roleId}`, user: admin };
    },
  },
  {
    // The same credit code at once, without a key: the unique key decides.
    route: 'POST /api/v1/admin/organizations',
    twins: ['POST /admin/organizations'],
    async prepare(h) {
      const admin = await h.user('administrator');
      return {
        method: 'POST',
        url: '/api/v1/admin/organizations',
        user: admin,
        payload: {
          name: '北京市并发社会工作服务中心',
          kind: 'socialOrganization',
          orgType: 'serviceAgency',
          uscc: freshUscc(),
          districtCode: '110105',
        },
      };
    },
  },
  {
    route: 'PATCH /api/v1/admin/organizations/:id',
    twins: ['POST /admin/organizations/:id'],
    // Renaming to the name it already has changes nothing: the repeats succeed and record nothing.
    outcome: 'idempotent',
    async prepare(h) {
      const admin = await h.user('administrator');
      const staff = await h.user('purchaserStaff');
      return {
        method: 'PATCH',
        url: `/api/v1/admin/organizations/${staff.organizationId!}`,
        user: admin,
        payload: { name: '改名后的采购单位' },
      };
    },
  },
];

describeRaces('accounts and administration', scenarios);

describeEachDatabase('accounts: racing from two sides', (db) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(db());
  });
  afterAll(() => h.close());

  const activeAdministrators = async (asAdmin: TestUser) => {
    const res = await api(h, asAdmin, 'GET', '/api/v1/admin/users?role=administrator');
    return res.json<{ items: { status: string }[] }>().items.filter((u) => u.status === 'active').length;
  };
  const adminRoleOf = async (asAdmin: TestUser, user: TestUser) => {
    const res = await api(h, asAdmin, 'GET', `/api/v1/admin/users/${user.id}`);
    return res
      .json<{ memberships: { id: string; role: string }[] }>()
      .memberships.find((m) => m.role === 'administrator')!.id;
  };

  it('two administrators taking each other’s role at once leave one administrator', async () => {
    const a = await h.user('administrator');
    const b = await h.user('administrator');
    const [aRole, bRole] = [await adminRoleOf(a, a), await adminRoleOf(a, b)];
    const answers = await Promise.all([
      api(h, a, 'DELETE', `/api/v1/admin/users/${b.id}/memberships/${bRole}`),
      api(h, b, 'DELETE', `/api/v1/admin/users/${a.id}/memberships/${aRole}`),
    ]);
    // The second is refused: as the last administrator (409), or — when the first had already finished
    // before the second was let in — as no longer an administrator at all (403).
    expect(answers.filter((r) => r.statusCode === 204)).toHaveLength(1);
    const refused = answers.find((r) => r.statusCode !== 204)!;
    if (refused.statusCode !== 403) {
      expect(refused.statusCode).toBe(409);
      expect(refused.json<ErrorBody>().error.code).toBe('last_administrator');
    }
    const survivor = answers[0].statusCode === 204 ? a : b;
    expect(await activeAdministrators(survivor)).toBe(1);
  });

  it('disabling the other administrator while they take one’s role leaves one administrator', async () => {
    // The survivor of the test above is the only administrator; one more makes two.
    const c = await h.user('administrator');
    const d = await h.user('administrator');
    const first = await api(h, c, 'GET', '/api/v1/admin/users?role=administrator');
    // Leave exactly c and d as active administrators.
    for (const u of first.json<{ items: { id: string; status: string }[] }>().items) {
      if (u.id === c.id || u.id === d.id || u.status !== 'active') continue;
      expect(
        (await api(h, c, 'PATCH', `/api/v1/admin/users/${u.id}`, { status: 'disabled' })).statusCode,
      ).toBe(204);
    }
    expect(await activeAdministrators(c)).toBe(2);
    const cRole = await adminRoleOf(c, c);
    const answers = await Promise.all([
      api(h, c, 'PATCH', `/api/v1/admin/users/${d.id}`, { status: 'disabled' }),
      api(h, d, 'DELETE', `/api/v1/admin/users/${c.id}/memberships/${cRole}`),
    ]);
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 204)).toHaveLength(1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    const survivor = statuses[0] === 204 ? c : d;
    expect(await activeAdministrators(survivor)).toBe(1);
  });

  it('two password changes at once from two sessions: the second no longer knows the current password', async () => {
    const user = await h.user(null);
    const [one, two] = [h.agent(), h.agent()];
    await one.logIn(user.login, user.password);
    await two.logIn(user.login, user.password);
    const change = (agent: typeof one, to: string) =>
      agent.postForm('/account/password', {
        currentPassword: user.password,
        newPassword: to,
        confirmPassword: to,
      });
    const answers = await Promise.all([
      change(one, 'First-new-passw0rd-1'),
      change(two, 'Second-new-passw0rd-2'),
    ]);
    // The loser either checked its password against the winner's (422), or arrived after the winner
    // committed and ended the other sessions, so its own session is gone (403): one effect either way.
    const [won, lost] = answers.map((r) => r.statusCode).sort();
    expect(won).toBe(303);
    expect([403, 422]).toContain(lost);
  });

  it('a duplicate e-mail raced for is refused naming the field, without the address in the answer', async () => {
    const admin = await h.user('administrator');
    const email = freshEmail();
    const answers = await Promise.all(
      Array.from({ length: 4 }, () => api(h, admin, 'POST', '/api/v1/admin/users', { name: '重复', email })),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    for (const refused of answers.filter((r) => r.statusCode !== 201)) {
      expect([409, 422]).toContain(refused.statusCode);
      expect(refused.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['email']);
      expect(refused.body).not.toContain(email);
    }
  });
});
