// Secrets the platform needs: generated on first start into DATA_DIR/secrets (mode 0600) unless the
// operator supplies them. Several app nodes must share them (same DATA_DIR, or the variables).
import {
  generateKeyPairSync,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type Config } from './config.js';

export interface Secrets {
  /** Signs cookies and keys CSRF tokens. */
  sessionSecret: string;
  /** Ed25519 key that signs the transparency log's tree heads. */
  logSigningKey: KeyObject;
  logPublicKey: KeyObject;
  /**
   * 256-bit key-encryption key that wraps each project's bid-sealing key (src/platform/crypto/sealing.ts).
   * Without it no sealed bid can be opened, so it is kept apart from the database.
   */
  bidKeyEncryptionKey: Buffer;
}

function writeSecretFile(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
}

export function loadSecrets(config: Config): Secrets {
  const dir = join(config.dataDir, 'secrets');
  mkdirSync(dir, { recursive: true, mode: 0o700 });

  let sessionSecret = config.sessionSecret;
  if (sessionSecret === undefined) {
    const file = join(dir, 'session-secret');
    if (!existsSync(file)) writeSecretFile(file, randomBytes(48).toString('base64url') + '\n');
    sessionSecret = readFileSync(file, 'utf8').trim();
    if (sessionSecret.length < 32)
      throw new ConfigError('DATA_DIR', `${file} holds a secret shorter than 32 characters`);
  }

  let keyFile = config.logSigningKeyFile;
  if (keyFile === undefined) {
    keyFile = join(dir, 'log-signing-key.pem');
    if (!existsSync(keyFile)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      writeSecretFile(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    }
  } else if (!existsSync(keyFile)) {
    throw new ConfigError('LOG_SIGNING_KEY_FILE', `no such file: ${keyFile}`);
  }
  let logSigningKey: KeyObject;
  try {
    logSigningKey = createPrivateKey(readFileSync(keyFile));
  } catch {
    throw new ConfigError('LOG_SIGNING_KEY_FILE', `${keyFile} is not a PEM private key`);
  }
  if (logSigningKey.asymmetricKeyType !== 'ed25519') {
    throw new ConfigError('LOG_SIGNING_KEY_FILE', `${keyFile} must hold an Ed25519 key`);
  }
  return {
    sessionSecret,
    logSigningKey,
    logPublicKey: createPublicKey(logSigningKey),
    bidKeyEncryptionKey: loadBidKey(config, dir),
  };
}

/** The bid key's file name in DATA_DIR/secrets (when BID_KEY_FILE does not name another). */
export const BID_KEY_FILE_NAME = 'bid-key-encryption-key';

function loadBidKey(config: Config, dir: string): Buffer {
  let file = config.bidKeyFile;
  if (file === undefined) {
    file = join(dir, BID_KEY_FILE_NAME);
    if (!existsSync(file)) writeSecretFile(file, randomBytes(32).toString('base64') + '\n');
  } else if (!existsSync(file)) {
    throw new ConfigError('BID_KEY_FILE', `no such file: ${file}`);
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) {
    throw new ConfigError(
      config.bidKeyFile === undefined ? 'DATA_DIR' : 'BID_KEY_FILE',
      `${file} must hold 32 bytes in base64 (openssl rand -base64 32)`,
    );
  }
  return key;
}
