// Shared helpers for the benchmarks: start the built server (dist/cli.js) as a child process on a free
// port with a fresh data folder, wait for an HTTP 200, load a URL with autocannon, make a throwaway
// PostgreSQL database, and print a table. Nothing here measures anything by itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';

export const root = new URL('..', import.meta.url).pathname;
export const cli = join(root, 'dist', 'cli.js');

/** A port that was free a moment ago (the OS picks it; we close the socket and hand the number on). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A new empty folder under the system temp folder. */
export function tempDir(prefix = 'gongshi-bench-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

/** Environment for `gongshi serve`: quiet logs, the given data folder and port, optionally PostgreSQL. */
export function serverEnv({ dataDir, port, databaseUrl }) {
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/**
 * Spawns a child process and keeps the last few kilobytes of its output for error messages.
 * `stop()` sends SIGTERM (SIGKILL after 5 s) and resolves when the process has exited.
 */
export function spawnProcess(args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    exited,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/**
 * Starts `node dist/cli.js serve` on a free port (and `databaseUrl` for PostgreSQL), waits for its
 * "serving at" line, and returns { url, dataDir, stop() }. Without `dataDir` it uses a fresh temp data
 * folder, which stop() removes; a given `dataDir` is kept.
 */
export async function startServer({ databaseUrl, dataDir: given, timeoutMs = 60_000 } = {}) {
  const dataDir = given ?? tempDir();
  const port = await freePort();
  const proc = spawnProcess([cli, 'serve'], serverEnv({ dataDir, port, databaseUrl }));
  const stop = async () => {
    await proc.stop();
    if (!given) removeDir(dataDir);
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "serving at" line within ${timeoutMs} ms`)),
        timeoutMs,
      );
      const check = () => {
        if (proc.output().includes('Gongshi is serving at')) {
          clearTimeout(timer);
          resolve();
        }
      };
      proc.child.stdout.on('data', check);
      void proc.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${signal ?? code}) before serving`));
      });
    });
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n--- server output ---\n${proc.output()}`);
  }
  return { url: `http://127.0.0.1:${port}`, dataDir, stop };
}

/**
 * CPU time (user + system, all threads) a running process has used so far, in ms; read from
 * /proc/<pid>/stat, so Linux only (undefined elsewhere). Resolution: one clock tick (10 ms).
 */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, at 100 ticks per second
  } catch {
    return undefined;
  }
}

/** One GET; resolves with the status code, or with 0 when the connection fails. */
function statusOf(url) {
  return new Promise((resolve) => {
    const request = get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('timeout', () => request.destroy());
    request.on('error', () => resolve(0));
  });
}

/**
 * Polls `url` every `intervalMs` until it answers 200; resolves with the time in ms since `since`
 * (a performance.now() value). Rejects after `timeoutMs`, or when `exited` (a promise) settles first.
 */
export async function waitFor200(url, { since, intervalMs = 20, timeoutMs = 60_000, exited }) {
  let gone = false;
  void exited?.then(() => (gone = true));
  for (;;) {
    if ((await statusOf(url)) === 200) return performance.now() - since;
    if (gone) throw new Error(`process exited before ${url} answered 200`);
    if (performance.now() - since > timeoutMs) throw new Error(`${url} gave no 200 within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/**
 * Loads `url` with autocannon for `duration` seconds over `connections` keep-alive connections and
 * returns { rps (mean requests/s), p50, p99 (latency, ms), requests, non2xx, errors, timeouts }.
 */
export async function load(url, { connections = 10, duration = 10 } = {}) {
  const result = await autocannon({ url, connections, duration });
  return {
    rps: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Like load(), but each request takes the next of `paths` (round robin over all connections), so a
 * route is measured over many different rows rather than one cached answer.
 */
export async function loadPaths(baseUrl, paths, { connections = 10, duration = 10 } = {}) {
  let next = 0;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        setupRequest: (request) => {
          request.path = paths[next++ % paths.length];
          return request;
        },
      },
    ],
  });
  return {
    rps: result.requests.mean,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

/**
 * Creates an empty database with a unique name on the PostgreSQL server of `serverUrl` and returns
 * { url, drop() }; the server URL's own database is only used to connect.
 */
export async function createTempDatabase(serverUrl) {
  const name = `gongshi_bench_${process.pid}_${Date.now()}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.href, drop: () => admin(`drop database if exists "${name}" with (force)`) };
}

/** One line on where the figures come from: Node version, CPU count, and the load average right now. */
export function machine() {
  const load = loadavg().map((l) => l.toFixed(2));
  return `node ${process.version}, ${cpus().length} CPUs, load average ${load.join(' ')} (1/5/15 min)`;
}

/** Middle value of a list of numbers (mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Prints rows (arrays of strings or numbers) under `headers`; numeric cells are right-aligned. */
export function printTable(headers, rows) {
  const cells = rows.map((row) => row.map((cell) => String(cell)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const numeric = headers.map((_, i) => cells.length > 0 && cells.every((row) => /^-?\d/.test(row[i])));
  const line = (row) =>
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  console.log(line(headers));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells) console.log(line(row));
}

/** A number with `decimals` decimals, as text (for tables). */
export function fixed(value, decimals = 0) {
  return value.toFixed(decimals);
}
