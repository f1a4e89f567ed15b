// Deadline rush (issue: Procurement I): --bids (default 2,000) sealed bids, each with a --size KB
// (default 200) PDF, submitted through POST /api/v1/projects/{id}/bids to one open tender on one
// server, from as many eligible social organizations, --connections (default 10) at a time. It reports
// the wall time, bids/s and the latency of each request (also per quarter of the bids, to show whether
// it slows down as bids accumulate), then checks every receipt as a bidder would, without the platform:
// the commitment, the record's content hash, the leaf, its hash and its inclusion proof, and the file's
// hash; and that the bids are stored and their commitments public. Target: all of them accepted within
// 60 s, and every receipt verifies.
// Baseline, in the same run, on the same server: the same bodies, with the same tokens and concurrency,
// posted to a project that does not exist (404). That request costs everything a bid costs except the
// bid's own work: HTTP with a 270 KB body, the token, JSON parsing and schema checks, decoding the file,
// a transaction and one lookup.
//
//   node bench/deadline-rush.mjs [--bids 2000] [--size 200] [--connections 10] [--postgres URL]
//
// The set-up goes through the real use-cases in an in-process platform with a clock we move (the
// intention must be public 30 days before the project): a purchaser and its catalogue, intention,
// project and tender notice, and the bidders' organizations (registered and published), memberships
// and API tokens. Only the bidders' user rows are bulk-inserted, with one password hash for all (set-up
// is not measured; argon2 would take minutes). The bids themselves go through HTTP to the built server.
// Runs the compiled code in dist/ (npm run build first).
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  createTempDatabase,
  fixed,
  machine,
  printTable,
  removeDir,
  root,
  startServer,
  tempDir,
} from './lib.mjs';

export const deadlineRushOptions = {
  bids: { type: 'string', default: '2000' },
  size: { type: 'string', default: '200' },
  connections: { type: 'string', default: '10' },
  postgres: { type: 'string' },
};

const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const { canonicalJson } = await import(dist('platform/publish/canonical-json.js'));
const { verifyInclusion } = await import(dist('platform/publish/merkle.js'));

const TARGET_SECONDS = 60;
const BATCH = 100; // bidders set up per transaction
const LOT_BUDGET_FEN = 10_000_000;
const DAY_MS = 86_400_000;
const MISSING_PROJECT = '0190b7b0-0000-7000-8000-000000000000';

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** A well-formed code for bidder i (民政, social service agency, Chaoyang), both check characters right. */
function bidderUscc(uscc, i) {
  const body = String(70_000_000 + i);
  const first17 = `53110105${body}${uscc.orgCodeCheckCharacter(body)}`;
  return first17 + uscc.usccCheckCharacter(first17);
}

/**
 * Sets up, in the server's database, an open tender taking bids now and `count` eligible bidders, each
 * with a user and an API token. Returns { projectId, deadline, bidders: [{ uscc, token }] }.
 */
export async function seedRush({ dataDir, databaseUrl, count }) {
  const { loadConfig } = await import(dist('platform/config.js'));
  const { buildApp, createPlatform } = await import(dist('app.js'));
  const { runUseCase } = await import(dist('platform/context.js'));
  const { SYSTEM } = await import(dist('platform/auth/roles.js'));
  const { ManualClock } = await import(dist('platform/time/clock.js'));
  const { addDays, beijingDate, yearOf } = await import(dist('platform/time/dates.js'));
  const { newId } = await import(dist('platform/ids.js'));
  const uscc = await import(dist('platform/validation/uscc.js'));
  const { createUser } = await import(dist('platform/auth/create-user.js'));
  const { createOrganization } = await import(dist('platform/auth/create-organization.js'));
  const { addMembership } = await import(dist('platform/auth/add-membership.js'));
  const { createApiToken } = await import(dist('platform/auth/create-api-token.js'));
  const { insertUser } = await import(dist('platform/auth/auth.repository.js'));
  const { hashPassword } = await import(dist('platform/auth/passwords.js'));
  const { enterCalendarYear } = await import(dist('platform/time/enter-calendar-year.js'));
  const { registerOrganization } = await import(dist('modules/organizations/index.js'));

  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    SCHEDULER: 'false',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  // The server will run on the real clock: the project and its notice are dated today, the intention
  // and catalogue 40 days ago.
  const today = new Date();
  const clock = new ManualClock(new Date(today.getTime() - 40 * DAY_MS));
  const platform = await createPlatform(loadConfig(env), {
    clock,
    log: { error: (o, m) => console.error(m, o), info: () => undefined },
  });
  const app = await buildApp(platform, { logger: false });
  await app.ready();
  const run = (fn) => runUseCase(platform.runtime, { actor: SYSTEM }, fn);
  const as = (ctx, userId) => ({
    ...ctx,
    actor: { kind: 'user', userId, name: 'bench', memberships: [], via: 'session' },
  });
  const api = async (method, url, payload, token, expected = [200, 201]) => {
    const res = await app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}` },
      ...(payload !== undefined ? { payload } : {}),
    });
    if (!expected.includes(res.statusCode))
      throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  try {
    const started = performance.now();
    // The purchasing department with one staff member, and the civil-affairs bureau that registers.
    const staff = await run(async (ctx) => {
      const { id } = await createUser(ctx, {
        name: '基准测试采购人',
        email: 'rush-staff@bench.gongshi.example',
        password: 'Bench-password-rush-1',
      });
      const department = await createOrganization(ctx, {
        name: '基准测试街道办事处',
        kind: 'purchaser',
        level: 'city',
      });
      await addMembership(ctx, id, { organizationId: department.id, role: 'purchaserStaff' });
      const { token } = await createApiToken(as(ctx, id), { name: 'bench' });
      return { token, departmentId: department.id };
    });
    const bureauId = await run(
      async (ctx) =>
        (await createOrganization(ctx, { name: '基准测试民政局', kind: 'bureau', level: 'city' })).id,
    );

    // Catalogue and intention, 40 days ago; procurement may start 30 days after the intention.
    const procurementFrom = addDays(beijingDate(clock.now()), 31);
    const catalogue = await api(
      'POST',
      '/api/v1/catalogues',
      { departmentId: staff.departmentId, year: yearOf(procurementFrom) },
      staff.token,
    );
    const item = await api(
      'POST',
      `/api/v1/catalogues/${catalogue.id}/items`,
      {
        code: 'A01',
        name: '居家养老上门服务',
        domain: 'livelihood',
        forSocialOrganizations: true,
        negativeCheck: 'none',
        negativeReason: '公共服务',
        purchasable: true,
      },
      staff.token,
    );
    await api('POST', `/api/v1/catalogues/${catalogue.id}/publish`, undefined, staff.token);
    const intention = await api(
      'POST',
      '/api/v1/intentions',
      {
        departmentId: staff.departmentId,
        catalogueItemId: item.id,
        projectName: '基准测试街道居家养老上门服务',
        needs: '200 名老年人每月上门 4 次',
        procurementFrom,
        contractMonths: 12,
        costs: [{ kind: 'labour', quantity: 100, unit: '人·月', unitCostFen: 800_000 }],
      },
      staff.token,
    );
    await api('POST', `/api/v1/intentions/${intention.id}/publish`, undefined, staff.token);

    // The project and its tender notice, today, with the deadline 25 days ahead (the statutory minimum
    // is 20). When the statutory periods run into a year the calendar package does not carry (from
    // mid-December 2026), the notice is refused until that year is entered, as an administrator would;
    // here with New Year's Day only (a throwaway database).
    clock.set(today);
    const project = await api(
      'POST',
      '/api/v1/projects',
      {
        intentionId: intention.id,
        title: '基准测试街道居家养老上门服务',
        method: 'openTender',
        lots: [{ title: '全街道', budgetFen: LOT_BUDGET_FEN }],
      },
      staff.token,
    );
    const deadline = addDays(beijingDate(today), 25);
    const notice = { deadline, text: '采购公告正文（基准测试）' };
    const first = await api('POST', `/api/v1/projects/${project.id}/notice`, notice, staff.token, [201, 422]);
    if (first.error) {
      if (first.error.code !== 'calendar_year_unknown') throw new Error(JSON.stringify(first.error));
      const year = yearOf(deadline);
      await run((ctx) =>
        enterCalendarYear(ctx, {
          year,
          reference: '基准测试占位',
          holidays: [{ date: `${year}-01-01`, name: '元旦' }],
          workdays: [],
        }),
      );
      await api('POST', `/api/v1/projects/${project.id}/notice`, notice, staff.token, [201]);
    }
    const setupSeconds = (performance.now() - started) / 1000;

    // The bidders: registered through the use-case (and their profiles published), each with a user
    // (bulk-inserted), a providerMember membership and an API token through the use-cases.
    const passwordHash = await hashPassword('Bench-password-rush-2');
    const bidders = [];
    const biddersStarted = performance.now();
    for (let start = 0; start < count; start += BATCH) {
      const batch = await run(async (ctx) => {
        const out = [];
        for (let i = start; i < Math.min(start + BATCH, count); i++) {
          const code = bidderUscc(uscc, i);
          const { id: orgId } = await registerOrganization(ctx, {
            name: `基准测试社会工作服务中心${i}`,
            orgType: 'serviceAgency',
            uscc: code,
            registrationLevel: 'district',
            districtCode: '110105',
            registrationAuthorityId: bureauId,
          });
          const now = ctx.now.toISOString();
          const userId = newId(ctx.now);
          await insertUser(ctx.trx, {
            id: userId,
            name: `投标人${i}`,
            email: `rush-${i}@bench.gongshi.example`,
            phone: null,
            password_hash: passwordHash,
            locale: 'zh-CN',
            status: 'active',
            failed_logins: 0,
            locked_until: null,
            last_login_at: null,
            password_changed_at: now,
            created_at: now,
            updated_at: now,
          });
          await addMembership(ctx, userId, { organizationId: orgId, role: 'providerMember' });
          const { token } = await createApiToken(as(ctx, userId), { name: 'bench' });
          out.push({ uscc: code, token });
        }
        return out;
      });
      bidders.push(...batch);
    }
    console.log(
      `set-up: project open until ${deadline} in ${fixed(setupSeconds, 1)} s; ` +
        `${bidders.length} bidders registered in ${fixed((performance.now() - biddersStarted) / 1000, 1)} s`,
    );
    return { projectId: project.id, deadline, bidders };
  } finally {
    await app.close();
    await platform.close();
  }
}

/** A PDF of `bytes` bytes: a real header, random content (like compressed streams), an end marker. */
function pdf(i, bytes) {
  const head = Buffer.from(`%PDF-1.7\n% 投标文件 ${i}\n`);
  const tail = Buffer.from('\n%%EOF\n');
  return Buffer.concat([head, randomBytes(Math.max(0, bytes - head.length - tail.length)), tail]);
}

/** The request bodies, built before the clock starts, with what each receipt must show. */
function bidBodies(bidders, sizeKb) {
  return bidders.map((bidder, i) => {
    const file = pdf(i, sizeKb * 1024);
    const statement = `服务方案 ${i}：每周上门两次，配备持证社工。`;
    const lots = [{ number: 1, priceFen: LOT_BUDGET_FEN - 1000 - i }];
    const fileSha256 = sha256(file);
    const body = Buffer.from(
      JSON.stringify({
        lots,
        statement,
        files: [{ name: `投标文件${i}.pdf`, content: file.toString('base64'), sha256: fileSha256 }],
      }),
    );
    return {
      token: bidder.token,
      uscc: bidder.uscc,
      body,
      fileSha256,
      fileSize: file.length,
      statement,
      lots,
    };
  });
}

/**
 * Posts every body to `url` with `connections` requests in flight; returns the wall time (s), the
 * CPU time this process (the client) used meanwhile (s), and per request its start, status, latency (ms)
 * and answer.
 */
async function rush(url, bodies, connections) {
  const results = new Array(bodies.length);
  let next = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const k = next++;
      const b = bodies[k];
      const sent = performance.now();
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/json' },
          body: b.body,
        });
        const text = await res.text();
        results[k] = { status: res.status, sent, ms: performance.now() - sent, text };
      } catch (error) {
        results[k] = { status: 0, sent, ms: performance.now() - sent, text: String(error) };
      }
    }
  };
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(Array.from({ length: connections }, worker));
  const { user, system } = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, clientCpu: (user + system) / 1e6, results };
}

/** p-th percentile (nearest rank) of a list of numbers. */
function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(name, { seconds, clientCpu, results }, expectedStatus) {
  const ms = results.map((r) => r.ms);
  const ok = results.filter((r) => r.status === expectedStatus).length;
  return {
    name,
    seconds,
    clientCpu,
    rate: results.length / seconds,
    p50: percentile(ms, 50),
    p99: percentile(ms, 99),
    max: Math.max(...ms),
    ok,
    failed: results.length - ok,
  };
}

/** The same figures for each quarter of the requests in the order they were sent: does it slow down? */
function quarters(results) {
  const size = Math.ceil(results.length / 4);
  const parts = [0, 1, 2, 3].map((q) => results.slice(q * size, (q + 1) * size));
  return parts
    .filter((part) => part.length > 0)
    .map((part, q) => {
      const from = Math.min(...part.map((r) => r.sent));
      const to = Math.max(...part.map((r) => r.sent + r.ms));
      const ms = part.map((r) => r.ms);
      return {
        name: `bids ${q * size + 1}–${q * size + part.length}`,
        rate: (part.length / (to - from)) * 1000,
        p50: percentile(ms, 50),
        p99: percentile(ms, 99),
      };
    });
}

/**
 * What a bidder checks on its receipt, with nothing but the receipt, its own request and the platform's
 * published algorithms (RFC 8785 JSON, RFC 9162 hashes and proofs). Returns the problems found.
 */
function receiptProblems(r, sent, projectId) {
  const problems = [];
  const check = (ok, what) => ok || problems.push(what);
  const commitment = sha256(
    Buffer.concat([Buffer.from(canonicalJson(r.content), 'utf8'), Buffer.from(r.salt, 'hex')]),
  );
  check(r.salt.length === 64 && commitment === r.commitment, 'commitment ≠ SHA-256(content ‖ salt)');
  check(
    r.record.contentHash ===
      sha256(canonicalJson({ commitment: r.commitment, sealedAt: r.content.sealedAt })),
    'record content hash',
  );
  const leaf = JSON.parse(r.record.leaf);
  check(leaf.contentHash === r.record.contentHash && leaf.index === r.record.logIndex, 'leaf');
  const leafHash = createHash('sha256').update(Buffer.of(0)).update(r.record.leaf, 'utf8').digest('hex');
  check(leafHash === r.record.leafHash, 'leaf hash ≠ SHA-256(0x00 ‖ leaf)');
  check(
    r.inclusion.treeSize === r.record.logIndex + 1 &&
      verifyInclusion(
        Buffer.from(r.record.leafHash, 'hex'),
        r.record.logIndex,
        r.inclusion.treeSize,
        r.inclusion.path.map((p) => Buffer.from(p, 'hex')),
        Buffer.from(r.inclusion.rootHash, 'hex'),
      ),
    'inclusion proof',
  );
  // The content is what was sent: the project, the bidder, the price, the statement and the file.
  check(r.projectId === projectId && r.content.projectId === projectId, 'project');
  check(r.content.bidders.length === 1 && r.content.bidders[0].uscc === sent.uscc, 'bidder');
  check(canonicalJson(r.content.lots) === canonicalJson(sent.lots), 'lots');
  check(r.content.statementSha256 === sha256(sent.statement), 'statement hash');
  check(
    r.content.files.length === 1 &&
      r.content.files[0].sha256 === sent.fileSha256 &&
      r.content.files[0].size === sent.fileSize &&
      r.content.files[0].mediaType === 'application/pdf',
    'file hash',
  );
  return problems;
}

/** Checks every answer of the rush: the 201s' receipts; anything else is counted by status and code. */
function verifyAll(results, bodies, projectId) {
  const failures = new Map();
  const count = (what) => failures.set(what, (failures.get(what) ?? 0) + 1);
  const receipts = [];
  let verified = 0;
  results.forEach((res, k) => {
    if (res.status !== 201) {
      count(`HTTP ${res.status} ${/"code":"([^"]+)"/.exec(res.text)?.[1] ?? res.text.slice(0, 80)}`);
      return;
    }
    const receipt = JSON.parse(res.text);
    const problems = receiptProblems(receipt, bodies[k], projectId);
    problems.forEach(count);
    if (problems.length === 0) verified++;
    receipts.push(receipt);
  });
  return { receipts, verified, failures };
}

/** After the server has stopped: the project's sealed bids and their sealed parts in the database. */
async function storedBids(dataDir, databaseUrl, projectId) {
  const { loadConfig } = await import(dist('platform/config.js'));
  const { createDatabase } = await import(dist('platform/db/database.js'));
  const env = { DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
  const db = createDatabase(loadConfig(env).database);
  try {
    const sealed = db.kysely
      .selectFrom('bids')
      .select('id')
      .where('project_id', '=', projectId)
      .where('status', '=', 'sealed');
    const [bids, parts] = await Promise.all([
      db.kysely
        .selectFrom(sealed.as('b'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow(),
      db.kysely
        .selectFrom('bid_parts')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('bid_id', 'in', sealed)
        .executeTakeFirstOrThrow(),
    ]);
    return { bids: Number(bids.n), parts: Number(parts.n) };
  } finally {
    await db.destroy();
  }
}

export async function runDeadlineRush({ bids = 2000, size = 200, connections = 10, postgres } = {}) {
  const database = postgres ? await createTempDatabase(postgres) : undefined;
  const label = database ? 'PostgreSQL' : 'SQLite';
  console.log(
    `\n# Deadline rush (${label}): ${bids} sealed bids with a ${size} KB file each, ${connections} in flight`,
  );
  console.log(machine());
  const dataDir = tempDir();
  const checks = [];
  let bid, base, parts, verification;
  try {
    // First start: migrations, secrets (the bids' key-encryption key) and the demo city.
    const first = await startServer({ databaseUrl: database?.url, dataDir });
    await first.stop();
    const { projectId, bidders } = await seedRush({ dataDir, databaseUrl: database?.url, count: bids });
    const bodies = bidBodies(bidders, size);
    const megabytes = bodies.reduce((n, b) => n + b.body.length, 0) / 1e6;
    console.log(
      `request bodies: ${fixed(megabytes)} MB, ${fixed((megabytes / bodies.length) * 1000)} KB each`,
    );

    const server = await startServer({ databaseUrl: database?.url, dataDir });
    try {
      const bidsUrl = (id) => `${server.url}/api/v1/projects/${id}/bids`;
      // A short warm-up with the baseline's request (a bid cannot be sent twice).
      await rush(bidsUrl(MISSING_PROJECT), bodies.slice(0, 50), connections);
      // The bids before the baseline, so that each token's first use (the platform records it, once a
      // minute) falls in the bids' run, as it would at a real deadline.
      const rushed = await rush(bidsUrl(projectId), bodies, connections);
      const baseline = await rush(bidsUrl(MISSING_PROJECT), bodies, connections);
      console.log(`after the run: ${machine()}`);
      bid = summary(`bids: POST …/projects/{id}/bids, ${size} KB file`, rushed, 201);
      base = summary('baseline: same bodies, project missing (404)', baseline, 404);
      parts = quarters(rushed.results);

      // Every receipt, checked after the run (so the checking is not in the figures).
      verification = verifyAll(rushed.results, bodies, projectId);
      const { receipts } = verification;
      const positions = new Set(receipts.map((r) => r.record.logIndex));
      checks.push(['every receipt has its own log position', positions.size === receipts.length]);
      // The commitments are public records: 20 of them, read back through the public API.
      const sample = receipts.filter((_, k) => k % Math.ceil(receipts.length / 20) === 0);
      let published = 0;
      for (const r of sample) {
        const res = await fetch(`${server.url}/api/v1/records/${r.record.recordId}`);
        if (res.status === 200 && (await res.text()).includes(r.commitment)) published++;
      }
      checks.push([
        `${published} of ${sample.length} sampled commitments public`,
        published === sample.length,
      ]);
    } finally {
      await server.stop();
    }
    // Stored: one sealed bid per receipt, each with its sealed content and its sealed file.
    const stored = await storedBids(dataDir, database?.url, projectId);
    checks.push([
      `${stored.bids} sealed bids stored, with ${stored.parts} sealed parts`,
      stored.bids === bid.ok && stored.parts === 2 * bid.ok,
    ]);
  } finally {
    removeDir(dataDir);
    await database?.drop();
  }

  const { verified, failures } = verification;
  const met = bid.ok === bids && bid.seconds <= TARGET_SECONDS && verified === bids;
  printTable(
    [
      'requests',
      'count',
      'wall s',
      'per s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'expected',
      'others',
      'per s ÷ baseline',
      'client CPU s',
    ],
    [bid, base].map((r) => [
      r.name,
      r.ok + r.failed,
      fixed(r.seconds, 1),
      fixed(r.rate, 1),
      fixed(r.p50),
      fixed(r.p99),
      fixed(r.max),
      r.ok,
      r.failed,
      fixed(r.rate / base.rate, 3),
      fixed(r.clientCpu, 1),
    ]),
  );
  console.log();
  printTable(
    ['bids, in the order sent', 'per s', 'p50 ms', 'p99 ms'],
    parts.map((q) => [q.name, fixed(q.rate, 1), fixed(q.p50), fixed(q.p99)]),
  );
  console.log();
  console.log(`receipts verified: ${verified} of ${bids}`);
  for (const [what, n] of failures) console.log(`  ${n} × ${what}`);
  for (const [name, ok] of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  console.log(
    `target: all ${bids} bids accepted within ${TARGET_SECONDS} s, every receipt verifies: ` +
      `${met ? 'PASS' : 'FAIL'} (${fixed(bid.seconds, 1)} s, ${bid.ok} accepted, ${verified} verified)`,
  );
  return { ok: met && base.failed === 0 && checks.every(([, ok]) => ok), label, bid, base, verified };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: deadlineRushOptions });
  const { ok } = await runDeadlineRush({
    bids: Number(values.bids),
    size: Number(values.size),
    connections: Number(values.connections),
    postgres: values.postgres,
  });
  process.exitCode = ok ? 0 : 1;
}
