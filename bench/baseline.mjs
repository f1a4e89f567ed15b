// Measures HTTP throughput of the portal home page (GET /: several database queries and a server-side
// JSX render) against a baseline, the trivial route GET /healthz (no database), on the same server in
// the same run, with autocannon. Prints requests/s, latency p50/p99, non-2xx and the ratio home/baseline.
// Exits 1 when any request failed or answered other than 2xx.
//
//   node bench/baseline.mjs [--duration 10] [--connections 10] [--warmup 2] [--postgres URL]
//
// --postgres URL: a PostgreSQL server to run against instead of SQLite; a throwaway database is
// created on it for the run and dropped afterwards.
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createTempDatabase, fixed, load, machine, printTable, startServer } from './lib.mjs';

export const baselineOptions = {
  duration: { type: 'string', default: '10' },
  connections: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '2' },
  postgres: { type: 'string' },
};

const ROUTES = [
  { name: 'baseline: GET /healthz', path: '/healthz' },
  { name: 'home page: GET /', path: '/' },
];

/** Runs the benchmark; resolves with { ok, results } (results: one entry per route, baseline first). */
export async function runBaseline({ duration = 10, connections = 10, warmup = 2, postgres } = {}) {
  const database = postgres ? await createTempDatabase(postgres) : undefined;
  const label = database ? 'PostgreSQL' : 'SQLite';
  console.log(
    `\n# HTTP throughput (${label}): ${connections} connections, ${warmup} s warm-up + ${duration} s per route`,
  );
  console.log(machine());
  const results = [];
  try {
    const server = await startServer({ databaseUrl: database?.url });
    try {
      for (const route of ROUTES) {
        const url = server.url + route.path;
        if (warmup > 0) await load(url, { connections, duration: warmup });
        results.push({ ...route, ...(await load(url, { connections, duration })) });
      }
    } finally {
      await server.stop();
    }
  } finally {
    await database?.drop();
  }

  const [base] = results;
  printTable(
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', 'req/s ÷ baseline'],
    results.map((r) => [
      r.name,
      fixed(r.rps),
      fixed(r.p50),
      fixed(r.p99),
      r.requests,
      r.non2xx,
      r.errors,
      fixed(r.rps / base.rps, 3),
    ]),
  );
  const home = results[1];
  console.log(
    `ratio home/baseline: ${fixed(home.rps / base.rps, 3)} of the requests/s ` +
      `(the home page costs ${fixed(base.rps / home.rps, 1)}× the trivial route)`,
  );
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0);
  for (const r of failed) console.log(`FAIL: ${r.name}: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
  return { ok: failed.length === 0, label, results };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: baselineOptions });
  const { ok } = await runBaseline({
    duration: Number(values.duration),
    connections: Number(values.connections),
    warmup: Number(values.warmup),
    postgres: values.postgres,
  });
  process.exitCode = ok ? 0 : 1;
}
