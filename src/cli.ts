#!/usr/bin/env node
// gongshi serve | migrate | seed | backup — the entry point `npm start` uses.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp, createPlatform, type Platform } from './app.js';
import { verifyLog } from './modules/transparency/index.js';
import { verifyDrawRecord } from './modules/procurement/index.js';
import { readDemoCredentials, seedDemo, type DemoCredential } from './demo/seed.js';
import { ConfigError, loadConfig, type Config } from './platform/config.js';
import { openSqlite } from './platform/db/database.js';
import { describeDatabase } from './platform/db/dialects/index.js';
import { BID_KEY_FILE_NAME } from './platform/secrets.js';
import { OffsetFileClock, systemClock } from './platform/time/clock.js';

const USAGE = `Gongshi (公示) — government purchase of services from social organizations

Usage: gongshi <command> [options]

Commands:
  serve              migrate, seed demo data into an empty database (unless DEMO_DATA=false), and serve
  migrate            bring the database schema up to date
  seed               seed the demo city into an empty database
  backup [--out DIR] copy the database and the secrets into a new folder (default: DATA_DIR/backups/<time>)
  verify-log --url URL [--state FILE] [--record ID] [--records] [--key FILE]
                     check a Gongshi server's public log over HTTP (exit 0 only when everything holds)
  verify-draw FILE|URL
                     recompute a published panel draw (a panelDraw record's JSON) and compare it
  help               show this text

Configuration is read from environment variables; see README.md.`;

function printCredentials(credentials: DemoCredential[], source: string): void {
  console.log(`\nDemo log-ins (${source}):`);
  const rows = credentials.map((c) => [c.role, c.login, c.password, c.apiToken]);
  const header = ['role', 'login', 'password', 'API token'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

async function seedIfEmpty(platform: Platform): Promise<void> {
  if (!platform.config.demoData) return;
  const seeded = await seedDemo(platform);
  const file = join(platform.config.dataDir, 'demo-credentials.json');
  if (seeded) printCredentials(seeded, `new demo data; also written to ${file}`);
  else {
    const saved = readDemoCredentials(platform.config.dataDir);
    if (saved) printCredentials(saved, `from ${file}`);
  }
}

async function serve(config: Config): Promise<void> {
  const started = performance.now();
  if (config.testClockFile)
    console.warn(
      `TEST_CLOCK_FILE is set: the clock is moved by ${config.testClockFile}. Never in production.`,
    );
  const clock = config.testClockFile ? new OffsetFileClock(config.testClockFile) : systemClock;
  const platform = await createPlatform(config, { clock });
  await seedIfEmpty(platform);
  const app = await buildApp(platform);
  const address = await app.listen({ port: config.port, host: config.host });
  const shown = address.replace('://[::1]', '://localhost');
  console.log(
    `\nGongshi is serving at ${config.host === '0.0.0.0' ? `http://127.0.0.1:${config.port}` : shown}`,
  );
  console.log(
    `  database: ${describeDatabase(platform.db, config.database)}` +
      `; data folder: ${config.dataDir}; ready in ${Math.round(performance.now() - started)} ms`,
  );
  if (config.scheduler) platform.scheduler.start(config.schedulerIntervalMs);

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    void (async () => {
      await app.close();
      await platform.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

function sha256File(path: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolvePromise(hash.digest('hex')))
      .on('error', reject);
  });
}

async function backup(config: Config, args: string[]): Promise<void> {
  const outIndex = args.indexOf('--out');
  const stamp = systemClock.now().toISOString().replace(/[:.]/g, '-');
  const out =
    outIndex >= 0 && args[outIndex + 1]
      ? resolve(args[outIndex + 1]!)
      : join(config.dataDir, 'backups', stamp);
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`backup folder ${out} is not empty`);
  mkdirSync(join(out, 'secrets'), { recursive: true, mode: 0o700 });

  const files: string[] = [];
  if (config.database.kind === 'sqlite') {
    if (!existsSync(config.database.file)) throw new Error(`no database at ${config.database.file}`);
    const sqlite = openSqlite(config.database.file);
    // The online backup API copies a consistent snapshot while the server keeps running.
    await sqlite.backup(join(out, 'gongshi.sqlite'));
    sqlite.close();
    files.push('gongshi.sqlite');
  } else {
    const result = spawnSync(
      'pg_dump',
      ['--format=custom', '--no-owner', `--file=${join(out, 'gongshi.pgdump')}`, config.database.url],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    if (result.error)
      throw new Error(
        `pg_dump could not be run (${result.error.message}); install the PostgreSQL client tools`,
      );
    if (result.status !== 0) throw new Error(`pg_dump failed with exit code ${String(result.status)}`);
    files.push('gongshi.pgdump');
  }
  const secretsDir = join(config.dataDir, 'secrets');
  if (existsSync(secretsDir)) {
    for (const name of readdirSync(secretsDir)) {
      // Never next to the database: together they open every sealed bid (docs/security.md).
      if (name === BID_KEY_FILE_NAME || resolve(secretsDir, name) === config.bidKeyFile) continue;
      copyFileSync(join(secretsDir, name), join(out, 'secrets', name));
      files.push(join('secrets', name));
    }
  }
  const manifest = {
    createdAt: systemClock.now().toISOString(),
    database: config.database.kind,
    files: await Promise.all(
      files.map(async (f) => ({
        path: f,
        bytes: statSync(join(out, f)).size,
        sha256: await sha256File(join(out, f)),
      })),
    ),
  };
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(`Backup written to ${out}`);
  for (const f of manifest.files) console.log(`  ${f.path}  ${f.bytes} bytes  sha256 ${f.sha256}`);
  console.log('The secrets folder holds the session secret and the log signing key: keep the backup safe.');
  console.log(
    `The bid key (${config.bidKeyFile ?? join(secretsDir, BID_KEY_FILE_NAME)}) is not in this backup: keep a copy of it ` +
      'apart from the database backups. With the database it opens sealed bids; without it no sealed bid can be opened.',
  );
}

async function verifyLogCommand(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        url: { type: 'string' },
        state: { type: 'string' },
        record: { type: 'string' },
        records: { type: 'boolean', default: false },
        key: { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`gongshi verify-log: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!parsed.url || !/^https?:\/\//.test(parsed.url)) {
    console.error('gongshi verify-log: --url http(s)://… is required');
    return 2;
  }
  const result = await verifyLog({
    url: parsed.url,
    stateFile: parsed.state,
    recordId: parsed.record,
    allRecords: parsed.records,
    keyFile: parsed.key,
    log: (line) => console.log(line),
  });
  if (result.ok) {
    console.log(`OK: ${result.message}`);
    return 0;
  }
  console.error(
    `FAIL${result.failedIndex !== undefined ? ` at index ${result.failedIndex}` : ''}: ${result.message}`,
  );
  return 1;
}

async function verifyDrawCommand(args: string[]): Promise<number> {
  if (args.length !== 1) {
    console.error('gongshi verify-draw: one file or URL of a panelDraw record is required');
    return 2;
  }
  try {
    const result = await verifyDrawRecord(args[0]!);
    if (!result.ok) {
      for (const p of result.problems) console.error(`FAIL: ${p}`);
      return 1;
    }
    console.log(`OK: ${result.title}: the panel recomputes`);
    for (const p of result.panel) console.log(`  ${p.name} (${p.employer})`);
    return 0;
  } catch (error) {
    console.error(`gongshi verify-draw: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...args] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  // The verifier reads no configuration: it checks a server from the outside.
  if (command === 'verify-log') return verifyLogCommand(args);
  if (command === 'verify-draw') return verifyDrawCommand(args);
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`gongshi: configuration error: ${error.message}`);
      return 2;
    }
    throw error;
  }
  switch (command) {
    case 'serve':
      await serve(config);
      return -1;
    case 'migrate': {
      const platform = await createPlatform(config);
      console.log('Database schema is up to date.');
      await platform.close();
      return 0;
    }
    case 'seed': {
      const platform = await createPlatform(config);
      const seeded = await seedDemo(platform);
      if (seeded) printCredentials(seeded, `written to ${join(config.dataDir, 'demo-credentials.json')}`);
      else console.log('The database already has users; demo data is only seeded into an empty database.');
      await platform.close();
      return 0;
    }
    case 'backup':
      await backup(config, args);
      return 0;
    default:
      console.error(`gongshi: unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`gongshi: configuration error: ${error.message}`);
    else console.error('gongshi:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
