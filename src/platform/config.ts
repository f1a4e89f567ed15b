// The only reader of process.env (architecture rule 9). Everything is validated once, at start;
// a bad value stops start-up with a message naming the variable.
import { isAbsolute, resolve } from 'node:path';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  ocidPrefix: string;
  logLevel: LogLevel;
  demoData: boolean;
  /** Secret for signing cookies; generated into DATA_DIR when not given. */
  sessionSecret: string | undefined;
  /** PEM file of the Ed25519 key that signs the transparency log; generated into DATA_DIR when not given. */
  logSigningKeyFile: string | undefined;
  /** File with the 32-byte key (base64) that wraps bid-sealing keys; generated into DATA_DIR when not given. */
  bidKeyFile: string | undefined;
  /** Browser tests only: a file holding a clock offset in milliseconds (see OffsetFileClock). */
  testClockFile: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Whether cookies carry the Secure attribute. `auto`: when the request arrived over HTTPS. */
  cookieSecure: 'auto' | boolean;
  trustProxy: boolean;
  /** Whether this node runs the scheduler (every node may; they coordinate through the database). */
  scheduler: boolean;
  schedulerIntervalMs: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  /** Log-in attempts allowed per client address per minute. */
  loginRatePerMinute: number;
  /** A new signed tree head is issued when the log grew, at most this often. */
  treeHeadIntervalSeconds: number;
  /**
   * A fine from this amount (yuan) is a "较大数额罚款", a major violation under GPR Art 19 that bars
   * government purchase for 3 years. The amount is set by local rules; 200,000 yuan unless told.
   */
  largeFineYuan: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function get(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = get(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = get(env, name)?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDir = resolve(cwd, get(env, 'DATA_DIR') ?? './data');

  const port = integer(env, 'PORT', 3000, 0, 65535);

  const host = get(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:[\]-]+$/.test(host))
    throw new ConfigError('HOST', `is not a host name or address: "${host}"`);

  const databaseUrl = get(env, 'DATABASE_URL');
  let database: DatabaseConfig;
  if (databaseUrl === undefined) {
    database = { kind: 'sqlite', file: resolve(dataDir, 'gongshi.sqlite') };
  } else if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    try {
      new URL(databaseUrl);
    } catch {
      throw new ConfigError('DATABASE_URL', 'is not a valid postgres:// URL');
    }
    database = { kind: 'postgres', url: databaseUrl };
  } else if (databaseUrl.startsWith('sqlite:')) {
    const file = databaseUrl.slice('sqlite:'.length).replace(/^\/\//, '');
    if (file === '')
      throw new ConfigError('DATABASE_URL', 'sqlite: needs a file path, e.g. sqlite:./data/gongshi.sqlite');
    database = { kind: 'sqlite', file: isAbsolute(file) ? file : resolve(cwd, file) };
  } else {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// (or sqlite: followed by a file path)');
  }

  const ocidPrefix = get(env, 'OCID_PREFIX') ?? 'ocds-gsdemo';
  if (!/^ocds-[a-z0-9]{6}$/.test(ocidPrefix)) {
    throw new ConfigError(
      'OCID_PREFIX',
      `must be "ocds-" followed by 6 lowercase letters or digits, got "${ocidPrefix}"`,
    );
  }

  const logLevel = (get(env, 'LOG_LEVEL') ?? 'info').toLowerCase() as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);
  }

  const sessionSecret = get(env, 'SESSION_SECRET');
  if (sessionSecret !== undefined && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET', 'must be at least 32 characters long');
  }

  const logSigningKeyFile = get(env, 'LOG_SIGNING_KEY_FILE');
  const bidKeyFile = get(env, 'BID_KEY_FILE');
  const testClockFile = get(env, 'TEST_CLOCK_FILE');

  const cookieSecureRaw = (get(env, 'COOKIE_SECURE') ?? 'auto').toLowerCase();
  let cookieSecure: 'auto' | boolean;
  if (cookieSecureRaw === 'auto') cookieSecure = 'auto';
  else cookieSecure = boolean(env, 'COOKIE_SECURE', false);

  return {
    port,
    host,
    dataDir,
    database,
    ocidPrefix,
    logLevel,
    demoData: boolean(env, 'DEMO_DATA', true),
    sessionSecret,
    logSigningKeyFile: logSigningKeyFile === undefined ? undefined : resolve(cwd, logSigningKeyFile),
    bidKeyFile: bidKeyFile === undefined ? undefined : resolve(cwd, bidKeyFile),
    testClockFile: testClockFile === undefined ? undefined : resolve(cwd, testClockFile),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionAbsoluteHours: integer(env, 'SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 30),
    cookieSecure,
    trustProxy: boolean(env, 'TRUST_PROXY', false),
    scheduler: boolean(env, 'SCHEDULER', true),
    schedulerIntervalMs: integer(env, 'SCHEDULER_INTERVAL_SECONDS', 5, 1, 3600) * 1000,
    loginMaxFailures: integer(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockMinutes: integer(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginRatePerMinute: integer(env, 'LOGIN_RATE_PER_MINUTE', 20, 1, 100000),
    treeHeadIntervalSeconds: integer(env, 'LOG_TREE_HEAD_INTERVAL_SECONDS', 10, 1, 86400),
    largeFineYuan: integer(env, 'LARGE_FINE_YUAN', 200_000, 1, 1_000_000_000),
  };
}

/** Settings for the test suites; read here so that no other file touches process.env. */
export function testSettings(env: Env = process.env): {
  postgresUrl: string | undefined;
  requirePostgres: boolean;
} {
  const postgresUrl = get(env, 'TEST_DATABASE_URL');
  if (postgresUrl !== undefined && !/^postgres(ql)?:\/\//.test(postgresUrl)) {
    throw new ConfigError('TEST_DATABASE_URL', 'must be a postgres:// URL');
  }
  return { postgresUrl, requirePostgres: boolean(env, 'CI', false) };
}
