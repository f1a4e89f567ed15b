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
  return { sessionSecret, logSigningKey, logPublicKey: createPublicKey(logSigningKey) };
}
