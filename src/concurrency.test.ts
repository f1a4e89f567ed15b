// Brief rule 9: two identical requests at once give one effect. The walk itself is in
// src/testing/races.ts and the scenarios sit next to each module (`*.races.test.ts`); this test makes the
// walk whole: every state-changing route registered in the app is raced by a scenario (or is the page
// twin of one), or is listed below with the reason it needs none. A new route fails here until it is.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from './testing/databases.js';
import { startHarness, type Harness } from './testing/harness.js';

const SRC = import.meta.dirname;

/** Routes that change state but have no effect to double, with the reason. */
export const NOT_RACED: Record<string, string> = {
  'POST /login': 'each log-in is its own session by design; failed attempts are counted per attempt',
  'POST /logout': 'ending a session that has ended is no effect',
};

function raceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return raceFiles(path);
    return e.name.endsWith('.races.test.ts') ? [path] : [];
  });
}

/** The routes the scenario files name, as `route: '…'` or in `twins: ['…', …]`. */
export function racedRoutes(texts: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/route:\s*'([A-Z]+ [^']+)'/g)) found.add(m[1]!);
    for (const m of text.matchAll(/twins:\s*\[([^\]]*)\]/g))
      for (const t of m[1]!.matchAll(/'([A-Z]+ [^']+)'/g)) found.add(t[1]!);
  }
  return found;
}

it('reads route names from scenario files, so that a missing one shows', () => {
  const found = racedRoutes([
    "{ route: 'POST /api/v1/x/:id/publish', twins: ['POST /x/:id/publish', 'POST /x/:id/again'] }",
  ]);
  expect([...found].sort()).toEqual([
    'POST /api/v1/x/:id/publish',
    'POST /x/:id/again',
    'POST /x/:id/publish',
  ]);
});

// The routes are the same on either database: one is enough to list them.
describe('every state-changing route is raced', () => {
  let h: Harness;
  let test: TestDatabase & { drop(): Promise<void> };
  beforeAll(async () => {
    test = await openTestDatabase('sqlite');
    h = await startHarness(test);
  });
  afterAll(async () => {
    await h.close();
    await test.drop();
  });

  it('has a race scenario, a page twin of one, or a reason', () => {
    const raced = racedRoutes(raceFiles(SRC).map((f) => readFileSync(f, 'utf8')));
    const changing = h.app.routeTable
      .filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method))
      .map((r) => `${r.method} ${r.url}`);
    expect(changing.length).toBeGreaterThan(100);
    const missing = changing.filter((r) => !raced.has(r) && !(r in NOT_RACED));
    expect(missing).toEqual([]);
    const stale = [...raced, ...Object.keys(NOT_RACED)].filter((r) => !changing.includes(r));
    expect(stale, 'scenarios naming routes that do not exist').toEqual([]);
  });
});
