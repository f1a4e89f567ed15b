// Set-up shared by the challenge suites and the races: on top of the bid suites' world (bids.fixtures.ts),
// a single-source project taken to its award — the supplier's response opened on 2026-10-16 and the
// award notice issued that day (Beijing) — so the result can be challenged.
import { expect } from 'vitest';
import type { ApiMethod } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import type { LightMyRequestResponse } from 'fastify';

type Api = (
  method: ApiMethod,
  url: string,
  payload?: unknown,
  user?: TestUser | null,
) => Promise<LightMyRequestResponse>;

export const PDF = (marker: string) =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/**
 * A single source for `supplier` (an eligible provider), approved on 2026-10-09 (pre-notice until
 * 2026-10-15), its response opened and the award published on 2026-10-16 (Beijing). `api` acts as the
 * project's purchaser by default.
 */
export async function awardedSingleSource(
  h: Harness,
  api: Api,
  finance: TestUser,
  supplier: TestUser & { orgId: string },
  projectId: string,
): Promise<void> {
  const requested = await api('POST', `/api/v1/projects/${projectId}/single-source`, {
    supplierId: supplier.orgId,
    ground: 'soleSupplier',
    justification: '辖区内唯一具备失智老人照护资质的机构',
  });
  expect(requested.statusCode, requested.body).toBe(204);
  const decided = await api(
    'POST',
    `/api/v1/projects/${projectId}/single-source/decision`,
    { approve: true, note: '同意' },
    finance,
  );
  expect(decided.json()).toMatchObject({ objectionsUntil: '2026-10-15' });
  h.clock.set('2026-10-15T02:00:00Z');
  const response = await api(
    'POST',
    `/api/v1/projects/${projectId}/bids`,
    {
      lots: [
        { number: 1, priceFen: 5_000_000 },
        { number: 2, priceFen: 4_000_000 },
      ],
      statement: '服务方案：每周上门两次',
      creditCommitment: true,
    },
    supplier,
  );
  expect(response.statusCode, response.body).toBe(201);
  h.clock.set('2026-10-15T16:00:01Z');
  await h.platform.scheduler.tick();
  h.clock.set('2026-10-16T02:00:00Z');
  const award = await api('POST', `/api/v1/projects/${projectId}/award`, {
    priceFen: 8_800_000,
    text: '经协商',
  });
  expect(award.statusCode, award.body).toBe(201);
}
