// Test set-up shared by the procurement suites: what a project needs before it can be opened — a
// published catalogue item and an intention for it, published on 2026-09-01 (so procurement may start
// 30 days later, 财库〔2020〕10号).
import { expect } from 'vitest';
import { addMembership } from '../../platform/auth/add-membership.js';
import { testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { clientAddress } from '../../testing/races.js';
import { registerOrganization } from '../organizations/index.js';

/**
 * Publishes a catalogue and an intention of `staff`'s department on `on` (Beijing morning; at least 30
 * days before 2026-10-08); returns the intention's id.
 */
export async function publishedIntention(
  h: Harness,
  staff: TestUser,
  labourMonths: number,
  on = '2026-09-01',
): Promise<string> {
  const api = async <T>(url: string, payload?: Record<string, unknown>) => {
    const res = await h.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${staff.token}` },
      ...(payload ? { payload } : {}),
    });
    expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
    return res.json<T>();
  };
  h.clock.set(`${on}T02:00:00Z`);
  const catalogue = (
    await api<{ id: string }>('/api/v1/catalogues', { departmentId: staff.organizationId, year: 2026 })
  ).id;
  const item = (
    await api<{ id: string }>(`/api/v1/catalogues/${catalogue}/items`, {
      code: 'A01',
      name: '居家养老上门服务',
      domain: 'livelihood',
      forSocialOrganizations: true,
      negativeCheck: 'none',
      negativeReason: '公共服务',
      purchasable: true,
    })
  ).id;
  await api(`/api/v1/catalogues/${catalogue}/publish`);
  const intention = (
    await api<{ id: string }>('/api/v1/intentions', {
      departmentId: staff.organizationId,
      catalogueItemId: item,
      projectName: '望京街道居家养老上门服务',
      needs: '200 名老年人每月上门 4 次',
      procurementFrom: '2026-10-08',
      contractMonths: 12,
      costs: [{ kind: 'labour', quantity: labourMonths, unit: '人·月', unitCostFen: 800_000 }],
    })
  ).id;
  await api(`/api/v1/intentions/${intention}/publish`);
  return intention;
}

/**
 * A JSON call that must succeed (status below 300); its answer, if any. Anonymous calls, and callers
 * that are rate-limited per address (inquiries), come each from an address of their own.
 */
export async function apiCall<T = unknown>(
  h: Harness,
  user: TestUser | null,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
  options: { ownAddress?: boolean } = {},
): Promise<T> {
  const res = await h.app.inject({
    method,
    url,
    ...(!user || options.ownAddress ? { remoteAddress: clientAddress() } : {}),
    ...(user ? { headers: { authorization: `Bearer ${user.token}` } } : {}),
    ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
  });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return (res.body ? res.json() : undefined) as T;
}

let nextUscc = 970_000;

/**
 * A registered, eligible social organization (named `${prefix}${n}`, in Chaoyang) and a member of it,
 * registered by `civil`'s bureau.
 */
export async function eligibleProvider(
  h: Harness,
  civil: TestUser,
  prefix: string,
): Promise<TestUser & { uscc: string; organizationId: string }> {
  const uscc = testUscc(++nextUscc);
  const user = await h.user(null);
  const organizationId = await h.run(async (ctx) => {
    const { id } = await registerOrganization(ctx, {
      name: `${prefix}${nextUscc}`,
      orgType: 'serviceAgency',
      uscc,
      registrationLevel: 'district',
      districtCode: '110105',
      registrationAuthorityId: civil.organizationId!,
    });
    await addMembership(ctx, user.id, { organizationId: id, role: 'providerMember' });
    return id;
  });
  return { ...user, uscc, organizationId };
}
