// Set-up shared by the project suites (projects*.test.ts): a harness with a purchaser and a second
// purchaser of another department, a catalogue item and an intention for it published on 2026-09-01 (so
// a project may open 30 days later), and the body of a two-lot open tender for that intention.
import type { TestDatabase } from '../../../testing/databases.js';
import { apiClient } from '../../../testing/http.js';
import { startHarness, type Harness, type TestUser } from '../../../testing/harness.js';
import { publishedIntention } from '../procurement.fixtures.js';
import { planFor } from '../evaluation/evaluation.plans.js';

export interface ProjectsSuite {
  h: Harness;
  staff: TestUser;
  other: TestUser;
  intentionId: string;
}

/** Starts the harness and the users every project suite needs; call in `beforeAll`, close `h` in `afterAll`. */
export async function startProjectsSuite(database: TestDatabase): Promise<ProjectsSuite> {
  const h = await startHarness(database);
  const staff = await h.user('purchaserStaff');
  const other = await h.user('purchaserStaff');
  // On 2026-09-01: a published catalogue item and an intention for it, published the same day.
  const intentionId = await publishedIntention(h, staff, 24);
  return { h, staff, other, intentionId };
}

/** The suite's helpers; `suite()` is read when a helper runs (after `beforeAll`). */
export function projectHelpers(suite: () => ProjectsSuite) {
  const api = apiClient(
    () => suite().h.app,
    () => suite().staff,
  );
  const project = (extra: Record<string, unknown> = {}) => ({
    intentionId: suite().intentionId,
    title: '望京街道居家养老上门服务',
    method: 'openTender',
    lots: [
      { title: '望京西园片区', budgetFen: 10_000_000 },
      { title: '望京东园片区', budgetFen: 8_000_000 },
    ],
    // A method that scores needs its evaluation plan before the notice (issue 13 §3).
    ...planFor(typeof extra.method === 'string' ? extra.method : 'openTender'),
    ...extra,
  });
  return { api, project };
}
