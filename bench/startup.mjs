// Measures start-up to first 200 on SQLite: the time from spawning `node dist/cli.js serve` until
// GET /healthz answers 200 (polled every 20 ms), for (a) a first start on an empty data folder
// (migrations + demo seeding included) and (b) a restart on that same data folder. Baseline in the
// same run: a bare `node -e` HTTP server to its first 200. Also shows the CPU time the process had
// used by then (Linux), which other load on the machine inflates less than the wall-clock figure.
// Target: every run under 3000 ms wall-clock; prints PASS/FAIL and exits 1 on FAIL.
//
//   node bench/startup.mjs [--runs 3]
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  cli,
  cpuMs,
  fixed,
  freePort,
  machine,
  median,
  printTable,
  removeDir,
  serverEnv,
  spawnProcess,
  tempDir,
  waitFor200,
} from './lib.mjs';

export const TARGET_MS = 3000;

export const startupOptions = { runs: { type: 'string', default: '3' } };

const BARE_SERVER = "require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT)";

/**
 * Spawns `node ...args` with PORT set to a free port; resolves with { ms, cpu }: wall-clock ms from
 * spawn to first 200, and the CPU ms the process had used by then.
 */
async function timeToFirst200(args, env) {
  const port = await freePort();
  const since = performance.now();
  const proc = spawnProcess(args, { ...env, PORT: String(port) });
  try {
    const ms = await waitFor200(`http://127.0.0.1:${port}/healthz`, { since, exited: proc.exited });
    return { ms, cpu: cpuMs(proc.child.pid) };
  } catch (error) {
    throw new Error(`${error.message}\n--- output ---\n${proc.output()}`);
  } finally {
    await proc.stop();
  }
}

/** Runs the benchmark; resolves with { ok, cases } (cases: { name, runs, median, max, cpu }). */
export async function runStartup({ runs = 3 } = {}) {
  console.log(`\n# Start-up to first 200 (SQLite): ${runs} runs each, target < ${TARGET_MS} ms`);
  console.log(machine());
  const samples = { bare: [], first: [], restart: [] };
  for (let i = 0; i < runs; i++) {
    samples.bare.push(await timeToFirst200(['-e', BARE_SERVER], { ...process.env }));
    const dataDir = tempDir();
    try {
      const env = serverEnv({ dataDir, port: 0 });
      samples.first.push(await timeToFirst200([cli, 'serve'], env));
      samples.restart.push(await timeToFirst200([cli, 'serve'], env));
    } finally {
      removeDir(dataDir);
    }
  }

  const cases = [
    { name: 'baseline: bare node http server', key: 'bare', target: false },
    { name: '(a) first start, empty data folder', key: 'first', target: true },
    { name: '(b) restart, existing data folder', key: 'restart', target: true },
  ].map(({ name, key, target }) => {
    const runs = samples[key].map((s) => s.ms);
    const cpu = samples[key].map((s) => s.cpu).filter((c) => c !== undefined);
    return { name, target, runs, median: median(runs), max: Math.max(...runs), cpu: median(cpu) };
  });
  const bare = cases[0].median;

  printTable(
    ['case', 'runs (ms)', 'median ms', 'max ms', 'median ÷ baseline', 'CPU ms (median)', 'target'],
    cases.map((c) => [
      c.name,
      c.runs.map((t) => fixed(t)).join(' / '),
      fixed(c.median),
      fixed(c.max),
      fixed(c.median / bare, 1),
      Number.isNaN(c.cpu) ? 'n/a' : fixed(c.cpu),
      c.target ? (c.max < TARGET_MS ? 'PASS' : 'FAIL') : '-',
    ]),
  );
  const failed = cases.filter((c) => c.target && c.max >= TARGET_MS);
  console.log(
    failed.length === 0
      ? `PASS: every start-up under ${TARGET_MS} ms`
      : `FAIL: ${failed.map((c) => c.name).join('; ')}: slowest run at or over ${TARGET_MS} ms`,
  );
  return { ok: failed.length === 0, cases };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: startupOptions });
  const { ok } = await runStartup({ runs: Number(values.runs) });
  process.exitCode = ok ? 0 : 1;
}
