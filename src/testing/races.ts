// The concurrency walk (brief rule 9: two identical requests at once give one effect). For a
// state-changing route, a scenario builds the state a request needs and names the request; the walk
// sends it once on one fresh copy of that state, then RACE_COPIES times at once on another, and compares:
// every table must have grown by exactly what the single request made it grow (one record, one log leaf,
// one status change's event), no answer may be a 5xx, and — unless the route is idempotent by nature —
// exactly one answer is a success and the others are refusals (409 or 422). src/concurrency.test.ts
// checks that every state-changing route is covered by a scenario in some `*.races.test.ts`.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './databases.js';
import { startHarness, type FilePart, type Harness, type TestUser } from './harness.js';

/** How many identical requests are sent at once. */
export const RACE_COPIES = 8;

export interface RaceRequest {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** Sent as `Authorization: Bearer`; or an agent's session (page forms) through `form`. */
  user?: TestUser;
  payload?: unknown;
  /** Further headers (a raw upload's content-type). */
  headers?: Record<string, string>;
  /**
   * The client's address, for a public route limited per address (objections: 10 a minute): each
   * scenario's copies come from one address, as a double click does, without using up another's quota.
   */
  remoteAddress?: string;
  /** The same Idempotency-Key on every copy (for creates, which no row or unique key can hold). */
  idempotent?: boolean;
  /** A page form: posted by a logged-in browser agent with one `_submission` key, as a double click (with `file`, as multipart). */
  form?: { agentOf: TestUser; fields: Record<string, string | string[]>; file?: FilePart };
}

export interface RaceScenario {
  /** `METHOD /url/:param` exactly as registered. */
  route: string;
  /** Page routes that run the same use-case (their forms carry a one-time `_submission` key). */
  twins?: string[];
  /** Builds fresh state and the request to repeat; called once per run. */
  prepare(h: Harness): Promise<RaceRequest>;
  /**
   * 'once' (default): one success, the rest refused. 'idempotent': several may succeed (marking a
   * message read twice) but the effect is still one.
   */
  outcome?: 'once' | 'idempotent';
}

/**
 * Tables whose growth is not one request's effect: the Merkle tree's inner nodes and signed heads grow
 * with the log's shape, and SQLite's full-text index keeps its own shadow tables.
 */
const UNCOUNTED = (name: string) =>
  name.startsWith('kysely_') || name === 'log_nodes' || name === 'log_tree_heads' || /_fts(_|$)/.test(name);

async function tableNames(h: Harness): Promise<string[]> {
  const db = h.platform.db.kysely;
  if (h.platform.db.dialect === 'postgres') {
    const rows = await sql<{
      name: string;
    }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
    return rows.rows.map((r) => r.name).filter((n) => !UNCOUNTED(n));
  }
  const rows = await sql<{
    name: string;
  }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db);
  return rows.rows.map((r) => r.name).filter((n) => !UNCOUNTED(n));
}

/** Rows per table: what a request added (or removed) shows as a difference. */
async function census(h: Harness, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    const r = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(t)}`.execute(
      h.platform.db.kysely,
    );
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

function difference(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [t, n] of Object.entries(after)) if (n !== before[t]) out[t] = n - (before[t] ?? 0);
  return out;
}

// One logged-in agent per user, shared by the copies of a race: the copies start at once, so the log-in
// itself is shared (a promise), or each copy would log in and add a session of its own to the count.
const agents = new WeakMap<TestUser, Promise<ReturnType<Harness['agent']>>>();

async function send(
  h: Harness,
  request: RaceRequest,
  key: string,
  formSubmission: string,
): Promise<LightMyRequestResponse> {
  if (request.form) {
    const user = request.form.agentOf;
    let loggedIn = agents.get(user);
    if (!loggedIn) {
      const fresh = h.agent();
      loggedIn = fresh.logIn(user.login, user.password).then(() => fresh);
      agents.set(user, loggedIn);
    }
    const agent = await loggedIn;
    const fields = { ...request.form.fields, _submission: formSubmission };
    if (request.form.file) {
      const single: Record<string, string> = {};
      for (const [k, v] of Object.entries(fields)) single[k] = Array.isArray(v) ? v.join(',') : v;
      return agent.postMultipart(request.url, single, request.form.file);
    }
    return agent.postForm(request.url, fields);
  }
  return h.app.inject({
    method: request.method,
    url: request.url,
    ...(request.remoteAddress ? { remoteAddress: request.remoteAddress } : {}),
    headers: {
      ...request.headers,
      ...(request.user ? { authorization: `Bearer ${request.user.token}` } : {}),
      ...(request.idempotent ? { 'idempotency-key': key } : {}),
    },
    ...(request.payload !== undefined ? { payload: request.payload as Record<string, unknown> } : {}),
  });
}

let addresses = 0;
/** A loopback address of its own (127.0.x.y) for a scenario's anonymous requests. */
export function clientAddress(): string {
  addresses++;
  return `127.0.${(addresses >> 8) & 255}.${addresses & 255 || 1}`;
}

function summary(res: LightMyRequestResponse): string {
  return `${res.statusCode} ${res.body.slice(0, 300)}`;
}

/** Runs each scenario once and RACE_COPIES times at once, on each database under test. */
export function describeRaces(title: string, scenarios: readonly RaceScenario[]): void {
  describeEachDatabase(`${title}: identical requests at once have one effect`, (db) => {
    let h: Harness;
    let tables: string[];
    beforeAll(async () => {
      h = await startHarness(db());
      tables = await tableNames(h);
    });
    afterAll(() => h.close());

    for (const scenario of scenarios) {
      it(scenario.route, async () => {
        const single = await scenario.prepare(h);
        const beforeOne = await census(h, tables);
        const one = await send(h, single, randomUUID(), randomUUID());
        expect(one.statusCode, `a single request must succeed: ${summary(one)}`).toBeLessThan(400);
        const effect = difference(beforeOne, await census(h, tables));

        const raced = await scenario.prepare(h);
        const beforeRace = await census(h, tables);
        const key = randomUUID();
        const submission = randomUUID();
        const answers = await Promise.all(
          Array.from({ length: RACE_COPIES }, () => send(h, raced, key, submission)),
        );
        const raceEffect = difference(beforeRace, await census(h, tables));

        const crashed = answers.filter((a) => a.statusCode >= 500).map(summary);
        expect(crashed, 'no copy may fail with a 5xx').toEqual([]);
        const succeeded = answers.filter((a) => a.statusCode < 400);
        if ((scenario.outcome ?? 'once') === 'once') {
          expect(succeeded.length, answers.map(summary).join('\n')).toBe(1);
          const refused = answers.filter((a) => a.statusCode >= 400).map((a) => a.statusCode);
          for (const status of refused) expect([409, 422]).toContain(status);
        } else {
          expect(succeeded.length).toBeGreaterThanOrEqual(1);
        }
        expect(raceEffect, 'the copies together changed what one request changes').toEqual(effect);
      });
    }
  });
}
