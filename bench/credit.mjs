// Public credit query at scale (issue: organizations registry, credit and eligibility): with --orgs
// (default 50,000) social organizations in the registry, each with a profile, annual reports, tax and
// social-insurance statements, a third with a grade and about 2% with credit records that put them on
// the anomaly or serious-violation list, GET /api/v1/credit/{uscc} is loaded with autocannon over
// 5,000 different codes, against the baseline route GET /healthz on the same server in the same run.
// Targets: at least 1/4 of the baseline's requests/s, and p99 under 20 ms.
//
//   node bench/credit.mjs [--orgs 50000] [--duration 10] [--connections 10] [--warmup 2] [--postgres URL]
//
// The registry rows are bulk-inserted (that is set-up, not what is measured); the credit records go
// through the real use-case, so listings, publications and the transparency log are as in production.
// Runs the compiled code in dist/ (npm run build first).
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createTempDatabase,
  fixed,
  load,
  loadPaths,
  machine,
  printTable,
  removeDir,
  root,
  startServer,
  tempDir,
} from './lib.mjs';

export const creditOptions = {
  orgs: { type: 'string', default: '50000' },
  duration: { type: 'string', default: '10' },
  connections: { type: 'string', default: '10' },
  warmup: { type: 'string', default: '2' },
  postgres: { type: 'string' },
};

const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const TYPE_DIGIT = { association: '1', foundation: '2', serviceAgency: '3' };
const TYPES = Object.keys(TYPE_DIGIT);
const BATCH = 500;

/** A unique well-formed code for organization i (both check characters right). */
function benchUscc(uscc, type, division, i) {
  const body = String(60_000_000 + i);
  const first17 = `5${TYPE_DIGIT[type]}${division}${body}${uscc.orgCodeCheckCharacter(body)}`;
  return first17 + uscc.usccCheckCharacter(first17);
}

/** Fills the registry of the server's database with `count` organizations; returns their codes. */
export async function fillRegistry({ dataDir, databaseUrl, count }) {
  const { loadConfig } = await import(dist('platform/config.js'));
  const { createPlatform } = await import(dist('app.js'));
  const { runUseCase } = await import(dist('platform/context.js'));
  const { SYSTEM } = await import(dist('platform/auth/roles.js'));
  const { newId } = await import(dist('platform/ids.js'));
  const { BEIJING_DISTRICTS } = await import(dist('platform/validation/districts.js'));
  const uscc = await import(dist('platform/validation/uscc.js'));
  const { enterCreditRecord } = await import(dist('modules/credit/index.js'));

  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  const platform = await createPlatform(loadConfig(env));
  const db = platform.runtime.db.kysely;
  try {
    const bureaus = await db
      .selectFrom('organizations')
      .select(['id', 'name', 'district_code'])
      .where('kind', '=', 'bureau')
      .execute();
    const bureauOf = new Map(
      bureaus.filter((b) => b.name.endsWith('民政局')).map((b) => [b.district_code, b.id]),
    );
    const taken = new Set(
      (await db.selectFrom('organizations').select('uscc').where('uscc', 'is not', null).execute()).map(
        (r) => r.uscc,
      ),
    );
    const now = new Date().toISOString();
    const codes = [];
    const orgs = [];
    for (let i = 0; i < count; i++) {
      const district = BEIJING_DISTRICTS[i % BEIJING_DISTRICTS.length];
      const type = TYPES[i % 3];
      const code = benchUscc(uscc, type, district.code, i);
      if (taken.has(code)) continue;
      orgs.push({ id: newId(new Date()), i, code, type, district: district.code });
    }
    const started = performance.now();
    for (let start = 0; start < orgs.length; start += BATCH) {
      const slice = orgs.slice(start, start + BATCH);
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('organizations')
          .values(
            slice.map((o) => ({
              id: o.id,
              name: `北京市测试社会组织${o.i}`,
              name_en: null,
              kind: 'socialOrganization',
              level: 'district',
              parent_id: null,
              district_code: o.district,
              uscc: o.code,
              org_type: o.type,
              status: 'active',
              created_at: now,
              updated_at: now,
            })),
          )
          .execute();
        await trx
          .insertInto('org_profiles')
          .values(
            slice.map((o) => ({
              organization_id: o.id,
              registration_authority_id: bureauOf.get(o.district) ?? null,
              founded_on: `${2005 + (o.i % 19)}-0${1 + (o.i % 9)}-1${o.i % 10}`,
              legal_representative: `测试${o.i}`,
              contact_name: null,
              contact_phone: `010-6${String(o.i).padStart(7, '0')}`,
              contact_email: null,
              address: null,
              service_domains: JSON.stringify(o.i % 2 ? ['livelihood'] : ['community', 'governance']),
              services: null,
              updated_at: now,
            })),
          )
          .execute();
        const yearly = (kind, year, extra) =>
          slice.map((o) => ({
            id: newId(new Date()),
            organization_id: o.id,
            year,
            recorded_at: now,
            recorded_by: null,
            ...extra(o, kind),
          }));
        await trx
          .insertInto('org_annual_reports')
          .values([
            ...yearly('', 2024, () => ({
              submitted_on: '2025-05-20',
              inspection_result: 'qualified',
              note: null,
            })),
            ...yearly('', 2025, (o) => ({
              submitted_on: '2026-05-20',
              inspection_result: o.i % 50 === 7 ? 'unqualified' : 'qualified',
              note: null,
            })),
          ])
          .execute();
        await trx
          .insertInto('org_compliance')
          .values([
            ...yearly('tax', 2025, (o, kind) => ({
              kind,
              compliant: o.i % 40 === 3 ? 0 : 1,
              evidence: `纳税证明 ${o.i}`,
            })),
            ...yearly('socialInsurance', 2025, (o, kind) => ({
              kind,
              compliant: 1,
              evidence: `社保证明 ${o.i}`,
            })),
          ])
          .execute();
        const graded = slice.filter((o) => o.i % 3 === 0);
        if (graded.length > 0) {
          await trx
            .insertInto('org_grades')
            .values(
              graded.map((o) => ({
                id: newId(new Date()),
                organization_id: o.id,
                grade: 1 + (o.i % 5),
                awarded_on: `${2020 + (o.i % 6)}-09-15`,
                valid_until: `${2025 + (o.i % 6)}-09-14`,
                reference: `京民社评〔${2020 + (o.i % 6)}〕${o.i}号`,
                recorded_at: now,
                recorded_by: null,
              })),
            )
            .execute();
        }
      });
    }
    const bulkSeconds = (performance.now() - started) / 1000;

    // About 2%: a warning (anomaly list), and for one in five of those a large fine (serious list).
    const listed = orgs.filter((o) => o.i % 50 === 11);
    const creditStarted = performance.now();
    for (const o of listed) {
      await runUseCase(platform.runtime, { actor: SYSTEM }, async (ctx) => {
        await enterCreditRecord(ctx, o.id, {
          category: 'warning',
          description: '未按章程规定召开理事会，给予警告',
          source: '区民政局 民罚字〔2026〕1号',
          eventDate: '2026-09-08',
        });
        if (o.i % 250 === 11) {
          await enterCreditRecord(ctx, o.id, {
            category: 'fine',
            description: '违规开展评比达标活动，罚款8万元',
            source: '区民政局 民罚字〔2026〕2号',
            eventDate: '2026-09-20',
            fineFen: 8_000_000,
          });
        }
      });
    }
    console.log(
      `registry filled: ${orgs.length} organizations in ${fixed(bulkSeconds, 1)} s (bulk insert); ` +
        `${listed.length} with credit records through the use-case in ${fixed((performance.now() - creditStarted) / 1000, 1)} s`,
    );
    for (const o of orgs) codes.push(o.code);
    return { codes, listedCodes: listed.map((o) => o.code) };
  } finally {
    await platform.close();
  }
}

/** Spreads `n` picks evenly over `list` (a fixed sample, the same on every run). */
function sample(list, n) {
  const out = [];
  const step = list.length / Math.min(n, list.length);
  for (let k = 0; k < Math.min(n, list.length); k++) out.push(list[Math.floor(k * step)]);
  return out;
}

export async function runCredit({
  orgs = 50_000,
  duration = 10,
  connections = 10,
  warmup = 2,
  postgres,
} = {}) {
  const database = postgres ? await createTempDatabase(postgres) : undefined;
  const label = database ? 'PostgreSQL' : 'SQLite';
  console.log(
    `\n# Public credit query at ${orgs} organizations (${label}): ${connections} connections, ${warmup} s warm-up + ${duration} s per route`,
  );
  console.log(machine());
  const dataDir = tempDir();
  const results = [];
  const checks = [];
  try {
    // First start: migrations and the demo city; then the registry is filled with the server stopped.
    const first = await startServer({ databaseUrl: database?.url, dataDir });
    await first.stop();
    const { codes, listedCodes } = await fillRegistry({ dataDir, databaseUrl: database?.url, count: orgs });

    const server = await startServer({ databaseUrl: database?.url, dataDir });
    try {
      // The answers are right, not just fast: a listed organization is on its list and not eligible.
      const listed = await (await fetch(`${server.url}/api/v1/credit/${listedCodes[0]}`)).json();
      checks.push([
        'listed organization: on the anomaly list, reasons given',
        listed.lists?.some((l) => l.list === 'anomaly') && listed.reasons?.length > 0,
      ]);
      const plain = await (await fetch(`${server.url}/api/v1/credit/${codes[2]}`)).json();
      checks.push(['ordinary organization: eligible', plain.eligible === true]);
      const missing = await fetch(
        `${server.url}/api/v1/credit/${codes[2].slice(0, 17)}${codes[2][17] === '0' ? '1' : '0'}`,
      );
      checks.push(['malformed code: 422', missing.status === 422]);

      const routes = [
        { name: 'baseline: GET /healthz', run: (opts) => load(`${server.url}/healthz`, opts) },
        {
          name: 'credit query, 5,000 codes across the registry',
          target: true,
          run: (opts) =>
            loadPaths(
              server.url,
              sample(codes, 5000).map((c) => `/api/v1/credit/${c}`),
              opts,
            ),
        },
        {
          // The worst case, for information: the ~2% of organizations with records and listings have
          // the longest answers. The target is for the query across the registry.
          name: 'credit query, listed organizations only (worst case)',
          target: false,
          run: (opts) =>
            loadPaths(
              server.url,
              listedCodes.map((c) => `/api/v1/credit/${c}`),
              opts,
            ),
        },
      ];
      for (const route of routes) {
        if (warmup > 0) await route.run({ connections, duration: warmup });
        results.push({ ...route, ...(await route.run({ connections, duration })) });
      }
    } finally {
      await server.stop();
    }
  } finally {
    removeDir(dataDir);
    await database?.drop();
  }

  const [base] = results;
  const verdict = (r) => (!r.target ? '-' : r.rps >= base.rps / 4 && r.p99 < 20 ? 'PASS' : 'FAIL');
  printTable(
    ['route', 'req/s', 'p50 ms', 'p99 ms', 'requests', 'non-2xx', 'errors', 'req/s ÷ baseline', 'target'],
    results.map((r) => [
      r.name,
      fixed(r.rps),
      fixed(r.p50),
      fixed(r.p99),
      r.requests,
      r.non2xx,
      r.errors,
      fixed(r.rps / base.rps, 3),
      verdict(r),
    ]),
  );
  console.log('targets: req/s ≥ 1/4 of the baseline (ratio ≥ 0.250), p99 < 20 ms');
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  const failed = results.filter((r) => r.non2xx > 0 || r.errors > 0 || verdict(r) === 'FAIL');
  for (const r of failed) console.log(`FAIL: ${r.name}`);
  return { ok: failed.length === 0 && checks.every(([, ok]) => ok), label, results };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: creditOptions });
  const { ok } = await runCredit({
    orgs: Number(values.orgs),
    duration: Number(values.duration),
    connections: Number(values.connections),
    warmup: Number(values.warmup),
    postgres: values.postgres,
  });
  process.exitCode = ok ? 0 : 1;
}
