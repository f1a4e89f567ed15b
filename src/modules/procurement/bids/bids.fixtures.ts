// Set-up shared by the bid suites (bids*.test.ts): a harness with a purchaser, the civil-affairs bureau
// that registers providers, the finance bureau, and a published intention (so a project may open on
// 2026-10-09); helpers that register an eligible provider, open a project with its notice, and bid.
import { expect } from 'vitest';
import { addMembership } from '../../../platform/auth/add-membership.js';
import type { TestDatabase } from '../../../testing/databases.js';
import { apiClient } from '../../../testing/http.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../../testing/harness.js';
import { registerOrganization } from '../../organizations/index.js';
import { publishedIntention } from '../procurement.fixtures.js';

export const PDF = (marker: string) =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
let uscc = 950_000;

export interface BiddingSuite {
  h: Harness;
  staff: TestUser;
  civil: TestUser;
  finance: TestUser;
  intentionId: string;
}

export type Provider = TestUser & { uscc: string; orgId: string };

/** Starts the harness and the users every bid suite needs; call in `beforeAll`, close `h` in `afterAll`. */
export async function startBiddingSuite(database: TestDatabase): Promise<BiddingSuite> {
  const h = await startHarness(database);
  const staff = await h.user('purchaserStaff');
  const civil = await h.user('civilAffairs');
  const finance = await h.user('finance');
  const intentionId = await publishedIntention(h, staff, 100);
  return { h, staff, civil, finance, intentionId };
}

/** The suite's helpers; `suite()` is read when a helper runs (after `beforeAll`). */
export function biddingHelpers(suite: () => BiddingSuite) {
  const api = apiClient(
    () => suite().h.app,
    () => suite().staff,
  );

  /** A registered (eligible) social organization and a member of it. */
  async function provider(name: string): Promise<Provider> {
    const { h, civil } = suite();
    const code = testUscc(++uscc);
    const user = await h.user(null);
    const orgId = await h.run(async (ctx) => {
      const { id } = await registerOrganization(ctx, {
        name,
        orgType: 'serviceAgency',
        uscc: code,
        registrationLevel: 'district',
        districtCode: '110105',
        registrationAuthorityId: civil.organizationId!,
      });
      await addMembership(ctx, user.id, { organizationId: id, role: 'providerMember' });
      return id;
    });
    return { ...user, uscc: code, orgId, organizationId: orgId };
  }

  async function openProject(method = 'openTender', deadline = '2026-10-29'): Promise<string> {
    const { h, intentionId } = suite();
    h.clock.set('2026-10-09T02:00:00Z');
    const created = await api('POST', '/api/v1/projects', {
      intentionId,
      title: '望京街道居家养老上门服务',
      method,
      lots: [
        { title: '望京西园片区', budgetFen: 10_000_000 },
        { title: '望京东园片区', budgetFen: 8_000_000 },
      ],
    });
    const { id } = created.json<{ id: string }>();
    if (method !== 'singleSource') {
      const notice = await api('POST', `/api/v1/projects/${id}/notice`, { deadline, text: '采购公告正文' });
      expect(notice.statusCode, notice.body).toBe(201);
    }
    return id;
  }

  const bid = (projectId: string, user: TestUser, body: Record<string, unknown> = {}) =>
    api(
      'POST',
      `/api/v1/projects/${projectId}/bids`,
      {
        lots: [{ number: 1, priceFen: 9_500_000 }],
        statement: '服务方案：每周上门两次',
        creditCommitment: true,
        ...body,
      },
      user,
    );

  return { api, provider, openProject, bid };
}
