// Transparency log benchmarks (issue: verifiable transparency log), on SQLite, against baselines
// measured in the same run:
//   1. appending leaves in batched transactions (leaves + the complete subtrees they close)
//        vs inserting the same rows without the tree;           target ≥ 5,000 leaves/s
//   2. inclusion and consistency proofs at 1,000,000 leaves
//        vs a single-row primary-key lookup;                    target < 1 ms each
//   3. full verification of 1,000,000 leaves (leaf hashes, positions, root)
//        vs hashing the same bytes with bare SHA-256;            target ≤ 2× the baseline
// Options: --leaves 1000000 --batch 10000 --queries 2000. Runs the compiled code in dist/.
import { createHash, hash } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { fixed, machine, median, printTable, removeDir, root, tempDir } from './lib.mjs';

const dist = (p) => join(root, 'dist', p);
const { allMigrations } = await import(dist('app.js'));
const { createDatabase } = await import(dist('platform/db/database.js'));
const { migrate } = await import(dist('platform/db/migrator.js'));
const { appendEntries, inclusionPath, consistencyPath, treeRoot } = await import(
  dist('platform/publish/tree.js')
);
const { insertLogEntries, logEntries } = await import(dist('platform/publish/publish.repository.js'));
const { canonicalJson } = await import(dist('platform/publish/canonical-json.js'));
const { leafHash, chainHash, ZERO_HASH } = await import(dist('platform/publish/hashing.js'));
const { HexRootBuilder, verifyInclusion, verifyConsistency } = await import(
  dist('platform/publish/merkle.js')
);
const { checkEntries } = await import(dist('modules/transparency/verify-log.js'));

const { values: opts } = parseArgs({
  options: {
    leaves: { type: 'string', default: '1000000' },
    batch: { type: 'string', default: '10000' },
    queries: { type: 'string', default: '2000' },
  },
});
const TOTAL = Number(opts.leaves);
const BATCH = Number(opts.batch);
const QUERIES = Number(opts.queries);

/** A leaf exactly as publish() writes it. */
function entry(index, chain) {
  const contentHash = createHash('sha256').update(`content ${index}`).digest('hex');
  const leaf = canonicalJson({
    index,
    kind: 'benchNotice',
    recordId: `0190b7b0-0000-7000-8000-${String(index).padStart(12, '0')}`,
    publishedAt: new Date(Date.UTC(2026, 10, 26) + index * 1000).toISOString(),
    contentHash,
  });
  const hash = leafHash(leaf);
  return { idx: index, leaf, leaf_hash: hash, chain_hash: chainHash(chain, hash) };
}

async function openDb(dir, name) {
  const db = createDatabase({ kind: 'sqlite', file: join(dir, name) });
  await migrate(db, allMigrations());
  return db;
}

/** Appends `count` leaves in transactions of `batch`; with `tree` false only the leaf rows are written. */
async function append(db, count, batch, tree) {
  let chain = ZERO_HASH;
  const started = performance.now();
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const e = entry(i, chain);
      chain = e.chain_hash;
      rows.push(e);
    }
    await db.kysely.transaction().execute(async (trx) => {
      if (tree) await appendEntries(trx, start, rows);
      else await insertLogEntries(trx, rows);
    });
  }
  return (count / (performance.now() - started)) * 1000;
}

function timeEach(n, fn) {
  return (async () => {
    const times = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await fn(i);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return {
      mean: times.reduce((s, t) => s + t, 0) / n,
      p50: median(times),
      p99: times[Math.floor(n * 0.99)],
    };
  })();
}

const failures = [];
const dir = tempDir('gongshi-bench-log-');
try {
  console.log(`# Transparency log (SQLite) — ${machine()}`);

  // 1. Append rate, 50,000 leaves in batches of 1,000, against plain inserts of the same rows.
  const appendCount = Math.min(50_000, TOTAL);
  const plainDb = await openDb(dir, 'plain.sqlite');
  const baselineRate = await append(plainDb, appendCount, 1000, false);
  await plainDb.destroy();
  const treeDb = await openDb(dir, 'tree.sqlite');
  const treeRate = await append(treeDb, appendCount, 1000, true);
  await treeDb.destroy();
  console.log(`\n## 1. Appending ${appendCount} leaves in transactions of 1,000 (target ≥ 5,000 leaves/s)`);
  printTable(
    ['case', 'leaves/s', 'ratio to baseline', 'target'],
    [
      ['baseline: the leaf rows only', fixed(baselineRate), '1.00', '-'],
      [
        'log append: leaves + subtree hashes',
        fixed(treeRate),
        fixed(treeRate / baselineRate, 2),
        treeRate >= 5000 ? 'PASS' : 'FAIL',
      ],
    ],
  );
  if (treeRate < 5000) failures.push('append rate');

  // 2. Proofs at a million leaves.
  const bigDb = await openDb(dir, 'big.sqlite');
  const buildStarted = performance.now();
  const buildRate = await append(bigDb, TOTAL, BATCH, true);
  console.log(
    `\nbuilt a log of ${TOTAL} leaves in ${fixed((performance.now() - buildStarted) / 1000, 1)} s (${fixed(buildRate)} leaves/s in transactions of ${BATCH})`,
  );
  const k = bigDb.kysely;
  const rootN = await treeRoot(k, TOTAL);
  let seed = 42;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  // Warm the caches the way a running server's would be.
  for (let i = 0; i < 200; i++) await inclusionPath(k, random(TOTAL), TOTAL);

  const single = await timeEach(QUERIES, (i) => logEntries(k, (i * 7919) % TOTAL, ((i * 7919) % TOTAL) + 1));
  const leafCache = new Map();
  const leafHashAt = async (i) => {
    if (!leafCache.has(i)) leafCache.set(i, Buffer.from((await logEntries(k, i, i + 1))[0].leaf_hash, 'hex'));
    return leafCache.get(i);
  };
  const inclusionIdx = Array.from({ length: QUERIES }, () => random(TOTAL));
  const inclusion = await timeEach(QUERIES, (i) => inclusionPath(k, inclusionIdx[i], TOTAL));
  const consistencyIdx = Array.from({ length: QUERIES }, () => 1 + random(TOTAL - 1));
  const consistency = await timeEach(QUERIES, (i) => consistencyPath(k, consistencyIdx[i], TOTAL));
  // The proofs are right, not just fast.
  for (const i of inclusionIdx.slice(0, 20)) {
    if (!verifyInclusion(await leafHashAt(i), i, TOTAL, await inclusionPath(k, i, TOTAL), rootN))
      failures.push(`inclusion ${i}`);
  }
  for (const m of consistencyIdx.slice(0, 20)) {
    const ok = verifyConsistency(m, TOTAL, await treeRoot(k, m), rootN, await consistencyPath(k, m, TOTAL));
    if (!ok) failures.push(`consistency ${m}`);
  }
  console.log(`\n## 2. Proofs at ${TOTAL} leaves, ${QUERIES} random queries each (target < 1 ms)`);
  const row = (name, t, target) => [
    name,
    fixed(t.mean, 3),
    fixed(t.p50, 3),
    fixed(t.p99, 3),
    fixed(t.mean / single.mean, 1),
    target,
  ];
  printTable(
    ['case', 'mean ms', 'p50 ms', 'p99 ms', 'mean ÷ baseline', 'target'],
    [
      row('baseline: one leaf by primary key', single, '-'),
      row('inclusion proof (audit path)', inclusion, inclusion.mean < 1 ? 'PASS' : 'FAIL'),
      row('consistency proof', consistency, consistency.mean < 1 ? 'PASS' : 'FAIL'),
    ],
  );
  if (inclusion.mean >= 1) failures.push('inclusion proof time');
  if (consistency.mean >= 1) failures.push('consistency proof time');

  // 3. Full verification of every leaf, in memory, against bare SHA-256 of the same bytes.
  const all = [];
  for (let start = 0; start < TOTAL; start += 50_000) {
    for (const r of await logEntries(k, start, Math.min(TOTAL, start + 50_000))) {
      all.push({ index: Number(r.idx), leaf: r.leaf, leaf_hash: r.leaf_hash });
    }
  }
  await bigDb.destroy();
  const bytes = all.reduce((s, e) => s + Buffer.byteLength(e.leaf), 0);
  const runs = 3;
  const baselineTimes = [];
  const oneShotTimes = [];
  const verifyTimes = [];
  let verifiedRoot;
  for (let r = 0; r < runs; r++) {
    let t0 = performance.now();
    for (const e of all) createHash('sha256').update(e.leaf).digest();
    baselineTimes.push(performance.now() - t0);
    t0 = performance.now();
    for (const e of all) hash('sha256', e.leaf, 'hex');
    oneShotTimes.push(performance.now() - t0);
    t0 = performance.now();
    const builder = new HexRootBuilder();
    checkEntries(all, 0, builder);
    verifiedRoot = builder.root();
    verifyTimes.push(performance.now() - t0);
  }
  if (verifiedRoot !== rootN.toString('hex')) failures.push('verified root differs');
  const base = median(baselineTimes);
  const oneShot = median(oneShotTimes);
  const full = median(verifyTimes);
  console.log(
    `\n## 3. Verifying all ${TOTAL} leaves (${fixed(bytes / 1e6, 1)} MB), median of ${runs} (target ≤ 2× baseline)`,
  );
  printTable(
    ['case', 'ms', 'leaves/s', 'ratio to baseline', 'target'],
    [
      ['baseline: SHA-256 of each leaf (createHash)', fixed(base), fixed((TOTAL / base) * 1000), '1.00', '-'],
      [
        'for reference: one-shot crypto.hash of each leaf',
        fixed(oneShot),
        fixed((TOTAL / oneShot) * 1000),
        fixed(oneShot / base, 2),
        '-',
      ],
      [
        'full verification (hash, position, root)',
        fixed(full),
        fixed((TOTAL / full) * 1000),
        fixed(full / base, 2),
        full / base <= 2 ? 'PASS' : 'FAIL',
      ],
    ],
  );
  if (full / base > 2) failures.push('verification ratio');
} finally {
  removeDir(dir);
}

if (failures.length > 0) {
  console.log(`\nFAIL: ${failures.join(', ')}`);
  process.exit(1);
}
console.log('\nPASS: every transparency-log target met');
