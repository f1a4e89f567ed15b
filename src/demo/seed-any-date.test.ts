// The demo seeds a whole current city on any day (domain guide §10): in the last days of the last year
// the bundled calendar knows, and years beyond it, the procurements open now are there — their
// deadlines counted on the provisional calendar — and nothing is left out with a warning.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { createPlatform } from '../app.js';
import { loadConfig } from '../platform/config.js';
import { builtInYears } from '../platform/time/calendar.js';
import { ManualClock } from '../platform/time/clock.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedDemo } from './seed.js';

const lastKnownYear = Math.max(...builtInYears().keys());

for (const now of [`${lastKnownYear}-12-24T02:00:00Z`, '2031-06-15T02:00:00Z']) {
  describeEachDatabase(`demo data on ${now.slice(0, 10)}`, (db) => {
    afterEach(() => vi.restoreAllMocks());

    it('seeds the procurements open now, and leaves nothing out', async () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const dataDir = mkdtempSync(join(tmpdir(), 'gongshi-seed-'));
      const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
      const platform = await createPlatform(config, { db: db().db, clock: new ManualClock(now) });
      try {
        await seedDemo(platform);
        const projects = await db().db.kysely.selectFrom('procurement_projects').selectAll().execute();
        const open = projects.filter((p) => p.status === 'open');
        expect(open.map((p) => p.method).sort()).toEqual(['competitiveConsultation', 'invitedTender']);
        // Their deadlines are a few days ahead of today.
        for (const p of open) expect(p.deadline! > now.slice(0, 10)).toBe(true);
        expect(new Set(projects.map((p) => p.status))).toEqual(
          new Set(['draft', 'open', 'opened', 'failed', 'awarded', 'terminated']),
        );
        expect(warn.mock.calls.filter((c) => String(c[0]).startsWith('demo data:'))).toEqual([]);
      } finally {
        await platform.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }, 180_000);
  });
}
