// A whole Gongshi (platform + HTTP app) on a test database, with a clock the test moves, and an agent
// that behaves like a browser (cookies, CSRF tokens from forms) for page tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp, createPlatform, type Platform } from '../app.js';
import { addMembership } from '../platform/auth/add-membership.js';
import { createApiToken } from '../platform/auth/create-api-token.js';
import { createOrganization } from '../platform/auth/create-organization.js';
import { createUser } from '../platform/auth/create-user.js';
import { ROLES_BY_KIND, SYSTEM, type OrganizationKind, type Role } from '../platform/access/roles.js';
import { loadConfig, type Config } from '../platform/config.js';
import { runUseCase, type Ctx } from '../platform/context.js';
import type { App } from '../platform/http/app-types.js';
import { publish, type PublicationReceipt } from '../platform/publish/publish.js';
import { issueTreeHead, type TreeHead } from '../platform/publish/tree-heads.js';
import { ManualClock } from '../platform/time/clock.js';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../platform/validation/uscc.js';
import type { TestDatabase } from './databases.js';
import './test-records.js';

export const TEST_START = '2026-11-26T02:00:00.000Z'; // 10:00 in Beijing

export interface TestUser {
  id: string;
  name: string;
  login: string;
  password: string;
  token: string;
  role: Role | null;
  organizationId: string | null;
}

export interface Harness {
  platform: Platform;
  app: App;
  clock: ManualClock;
  config: Config;
  test: TestDatabase;
  run<T>(fn: (ctx: Ctx) => Promise<T>): Promise<T>;
  /** A user holding `role` in a fresh organization of a kind that allows it; `null` for no role. */
  user(role: Role | null, overrides?: { password?: string }): Promise<TestUser>;
  agent(): Agent;
  /** Publishes a test record as the system (kind testNotice). */
  publishNotice(subjectId: string, title: string, content: unknown): Promise<PublicationReceipt>;
  /** Signs a tree head of the log as it is now (what the scheduler does every few seconds). */
  signTreeHead(): Promise<TreeHead | undefined>;
  close(): Promise<void>;
}

let counter = 0;

/** A file field of a multipart form. */
export interface FilePart {
  name: string;
  filename: string;
  content: Buffer | string;
  contentType: string;
}

const KIND_FOR_ROLE: Record<Role, OrganizationKind> = {
  administrator: 'bureau',
  purchaserStaff: 'purchaser',
  finance: 'bureau',
  civilAffairs: 'bureau',
  providerMember: 'socialOrganization',
  expert: 'agency',
  agency: 'agency',
  auditor: 'bureau',
};

export async function startHarness(
  test: TestDatabase,
  env: Record<string, string> = {},
  options: { logStream?: Writable } = {},
): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongshi-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'false',
    SCHEDULER: 'false',
    LOGIN_RATE_PER_MINUTE: '100000',
    ...env,
  });
  const clock = new ManualClock(TEST_START);
  const platform = await createPlatform(config, {
    clock,
    db: test.db,
    log: { error: () => undefined, info: () => undefined },
  });
  // Quiet unless a test reads the log lines.
  const app = await buildApp(
    platform,
    options.logStream ? { logger: true, logStream: options.logStream } : { logger: false },
  );
  await app.ready();
  const run = <T>(fn: (ctx: Ctx) => Promise<T>) => runUseCase(platform.runtime, { actor: SYSTEM }, fn);

  return {
    platform,
    app,
    clock,
    config,
    test,
    run,
    async user(role, overrides = {}) {
      const n = ++counter;
      const password = overrides.password ?? `Test-password-${n}-xyz`;
      const name = `测试用户${n}`;
      const email = `user${n}-${Math.random().toString(36).slice(2, 8)}@gongshi.example`;
      return run(async (ctx) => {
        const { id } = await createUser(ctx, { name, email, password });
        let organizationId: string | null = null;
        if (role) {
          const kind = KIND_FOR_ROLE[role];
          if (!ROLES_BY_KIND[kind].includes(role))
            throw new Error(`test setup: ${role} not allowed in ${kind}`);
          const org = await createOrganization(ctx, {
            // Civil-affairs staff sit in a 民政局, the only kind of bureau that registers organizations.
            name: role === 'civilAffairs' ? `测试机构${n}民政局` : `测试机构${n}`,
            kind,
            ...(kind === 'purchaser' || kind === 'bureau' ? { level: 'city' as const } : {}),
            ...(kind === 'socialOrganization'
              ? { orgType: 'serviceAgency' as const, uscc: testUscc(n) }
              : {}),
          });
          organizationId = org.id;
          await addMembership(ctx, id, { organizationId, role });
        }
        const asUser: Ctx = {
          ...ctx,
          actor: { kind: 'user', userId: id, name, memberships: [], via: 'session' },
        };
        const { token } = await createApiToken(asUser, { name: 'test' });
        return { id, name, login: email, password, token, role, organizationId };
      });
    },
    agent: () => new Agent(app),
    publishNotice: (subjectId, title, content) =>
      run((ctx) => publish(ctx, { kind: 'testNotice', subjectId, title, content })),
    signTreeHead: () =>
      run((ctx) =>
        issueTreeHead(ctx, {
          signingKey: platform.secrets.logSigningKey,
          publicKey: platform.secrets.logPublicKey,
        }),
      ),
    async close() {
      await app.close();
      await platform.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A valid unified social credit code for test organization n (民政, social service agency, Chaoyang). */
export function testUscc(n: number): string {
  // Both checks pass (GB 32100 and the inner GB 11714), so no test meets a warning it did not ask for.
  const body = String(n).padStart(8, '0');
  const first17 = `52110105${body}${orgCodeCheckCharacter(body)!}`;
  return first17 + usccCheckCharacter(first17);
}

/** Cookies and CSRF tokens, like a browser: for testing pages and forms through `inject`. */
export class Agent {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly app: App) {}

  private remember(res: LightMyRequestResponse): void {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() <= 0))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  async request(options: InjectOptions): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      ...options,
      cookies: { ...Object.fromEntries(this.cookies), ...(options.cookies ?? {}) },
    });
    this.remember(res);
    return res;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request({ method: 'GET', url, headers });
  }

  /** The CSRF token of the form on `page` (default: a page every visitor can open). */
  async csrf(page = '/login'): Promise<string> {
    const res = await this.get(page);
    const match = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (!match) throw new Error(`no CSRF token on ${page} (status ${res.statusCode})`);
    return match[1]!;
  }

  async postForm(
    url: string,
    fields: Record<string, string | string[]>,
    options: { csrfFrom?: string; csrf?: string | null } = {},
  ) {
    const body = new URLSearchParams();
    const token =
      options.csrf === undefined
        ? await this.csrf(options.csrfFrom ?? (this.cookies.has('gongshi_session') ? '/account' : '/login'))
        : options.csrf;
    if (token !== null) body.append('_csrf', token);
    for (const [k, v] of Object.entries(fields))
      for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
  }

  /** A multipart form with one file, as a browser sends it; the CSRF token is fetched like postForm's. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    file: FilePart | FilePart[],
    options: { csrfFrom?: string; csrf?: string | null } = {},
  ) {
    const token =
      options.csrf === undefined
        ? await this.csrf(options.csrfFrom ?? (this.cookies.has('gongshi_session') ? '/account' : '/login'))
        : options.csrf;
    const boundary = `----gongshi-test-${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const part = (headers: string, body: Buffer) =>
      parts.push(Buffer.from(`--${boundary}\r\n${headers}\r\n\r\n`), body, Buffer.from('\r\n'));
    if (token !== null) part('Content-Disposition: form-data; name="_csrf"', Buffer.from(token));
    for (const [k, v] of Object.entries(fields))
      part(`Content-Disposition: form-data; name="${k}"`, Buffer.from(v));
    for (const f of Array.isArray(file) ? file : [file]) {
      part(
        `Content-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\n` +
          `Content-Type: ${f.contentType}`,
        Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    return this.request({
      method: 'POST',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat(parts),
    });
  }

  async logIn(login: string, password: string) {
    const res = await this.postForm('/login', { login, password });
    if (res.statusCode !== 303) throw new Error(`log-in failed with ${res.statusCode}`);
    return res;
  }
}
