// Runs every benchmark (`npm run bench`): start-up to first 200 on SQLite, then HTTP throughput of the
// home page against the /healthz baseline on SQLite, and with --postgres also on PostgreSQL (in a
// throwaway database), then the public credit query at --orgs organizations (same databases), then the
// deadline rush of --bids sealed bids with a --size KB file each (same databases), then the
// transparency log (append rate, proofs and verification at --leaves).
// Exits 1 when any benchmark misses its target or sees failed requests.
//
//   npm run bench -- [--runs 3] [--duration 10] [--connections 10] [--warmup 2]
//                    [--postgres postgres://postgres@127.0.0.1:5432/postgres] [--leaves 1000000]
//                    [--orgs 50000] [--bids 2000] [--size 200]
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { baselineOptions, runBaseline } from './baseline.mjs';
import { runCredit } from './credit.mjs';
import { runDeadlineRush } from './deadline-rush.mjs';
import { root } from './lib.mjs';
import { runStartup, startupOptions } from './startup.mjs';

const { values } = parseArgs({
  options: {
    ...startupOptions,
    ...baselineOptions,
    leaves: { type: 'string', default: '1000000' },
    orgs: { type: 'string', default: '50000' },
    bids: { type: 'string', default: '2000' },
    size: { type: 'string', default: '200' },
  },
});
const load = {
  duration: Number(values.duration),
  connections: Number(values.connections),
  warmup: Number(values.warmup),
};

console.log(`Gongshi benchmarks, ${new Date().toISOString()}`);
const outcomes = [];
outcomes.push(await runStartup({ runs: Number(values.runs) }));
outcomes.push(await runBaseline(load));
if (values.postgres) outcomes.push(await runBaseline({ ...load, postgres: values.postgres }));
outcomes.push(await runCredit({ ...load, orgs: Number(values.orgs) }));
if (values.postgres) {
  outcomes.push(await runCredit({ ...load, orgs: Number(values.orgs), postgres: values.postgres }));
}
const rush = { bids: Number(values.bids), size: Number(values.size), connections: load.connections };
outcomes.push(await runDeadlineRush(rush));
if (values.postgres) outcomes.push(await runDeadlineRush({ ...rush, postgres: values.postgres }));
const log = spawnSync(
  process.execPath,
  [join(root, 'bench', 'transparency.mjs'), '--leaves', values.leaves],
  {
    stdio: 'inherit',
  },
);
console.log();
outcomes.push({ ok: log.status === 0 });

const ok = outcomes.every((o) => o.ok);
console.log(ok ? '\nAll benchmarks passed.' : '\nSome benchmarks FAILED (see above).');
process.exitCode = ok ? 0 : 1;
