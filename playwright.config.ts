// Browser tests (e2e/): Debian's Chromium (never a downloaded browser) against the built server, started
// fresh for every run on its own data folder, with demo data seeded on first start. The tests read the
// demo log-ins from <data folder>/demo-credentials.json (see e2e/helpers.ts).
//
//   npm run test:e2e                                        SQLite in the run's data folder
//   E2E_DATABASE_URL=postgres://…/gongshi_e2e npm run test:e2e   PostgreSQL; the database is dropped and
//                                                           recreated before the server starts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3917);
const databaseUrl = process.env.E2E_DATABASE_URL;

// The config is loaded by the runner and again by each worker; the workers inherit the runner's
// environment, so only the first load creates the data folder.
if (!process.env.GONGSHI_E2E_DATA_DIR) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongshi-e2e-'));
  process.env.GONGSHI_E2E_DATA_DIR = dataDir;
  // Runs after the web server has been stopped. A failed run keeps its data for a look.
  process.on('exit', (code) => {
    if (code === 0 && !process.env.E2E_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
    else console.log(`e2e data folder kept at ${dataDir}`);
  });
}
const dataDir = process.env.GONGSHI_E2E_DATA_DIR;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Headroom for a busy 2-core machine (CI runs the unit suites' databases next to the browser): a test
  // that takes 20 s alone may take three times that there. The long journeys say test.slow() (×3 more).
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A fresh PostgreSQL database when one is asked for (no-op on SQLite), then the built server.
    command: 'node e2e/reset-database.mjs && node dist/cli.js serve',
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    // Migrating and seeding the demo city from nothing, on a loaded machine.
    timeout: 300_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      E2E_DATABASE_URL: databaseUrl ?? '',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      // Every test logs in; the per-address limit (20 a minute) would otherwise throttle the suite.
      LOGIN_RATE_PER_MINUTE: '1000',
      // The procurement tests move the server's clock past a deadline (e2e/helpers.ts moveClock) and
      // wait for the scheduler to open the bids.
      TEST_CLOCK_FILE: join(dataDir, 'test-clock-offset'),
      SCHEDULER_INTERVAL_SECONDS: '1',
    },
  },
});
