// Sealed envelopes (for bids): whoever holds a public key can seal; only the holder of the private key
// can open, and the private key is kept wrapped under the key-encryption key (KEK) from DATA_DIR.
//
// - A sealing key pair is X25519. Its private key is wrapped with AES-256-GCM under the KEK, bound by
//   the additional data to the context it was made for (a project id), so a wrapped key copied to
//   another project does not unwrap.
// - Sealing: a fresh X25519 key pair per envelope; ECDH with the sealing public key; HKDF-SHA256 over
//   the shared secret (salt = ephemeral public ‖ sealing public, info = "gongshi sealed v1") gives a
//   256-bit AES-GCM key; each part is sealed under it with its own random 96-bit nonce and the part's
//   name in the additional data (parts cannot be swapped). A part is stored as nonce ‖ ciphertext ‖ tag.
//
// Sealing needs only the public key: the code that accepts a bid never holds anything that opens one.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

const WRAP_PREFIX = 'gongshi.sealing-key.v1|';
const HKDF_INFO = Buffer.from('gongshi sealed v1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SealingError extends Error {}

function gcmSeal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

function gcmOpen(key: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  if (sealed.length < NONCE_BYTES + TAG_BYTES) throw new SealingError('sealed part too short');
  const nonce = sealed.subarray(0, NONCE_BYTES);
  const tag = sealed.subarray(sealed.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(NONCE_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
  } catch {
    throw new SealingError('sealed part fails authentication');
  }
}

function publicKeyFromRaw(raw: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw }, format: 'jwk' });
}

function rawPublicKey(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new SealingError('not an X25519 key');
  return jwk.x;
}

/**
 * A short public name of a key-encryption key (HMAC-SHA256 of a fixed label, 16 hex digits): stored
 * with each wrapped key, so a node holding another key says so instead of failing obscurely.
 */
export function keyEncryptionKeyId(kek: Buffer): string {
  return createHmac('sha256', kek).update('gongshi key-encryption key id').digest('hex').slice(0, 16);
}

export interface SealingKeyPair {
  /** The X25519 public key, 32 bytes, base64url (as in a JWK's `x`). */
  publicKey: string;
  /** The PKCS#8 private key sealed under the KEK, base64url. */
  wrappedPrivateKey: string;
}

export function newSealingKeyPair(kek: Buffer, context: string): SealingKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  return {
    publicKey: rawPublicKey(publicKey),
    wrappedPrivateKey: gcmSeal(kek, der, Buffer.from(WRAP_PREFIX + context)).toString('base64url'),
  };
}

/** The private key, unwrapped. Callers decide *when* this may happen (the bid opening, after the deadline). */
export function unwrapSealingKey(kek: Buffer, wrappedPrivateKey: string, context: string): KeyObject {
  const der = gcmOpen(kek, Buffer.from(wrappedPrivateKey, 'base64url'), Buffer.from(WRAP_PREFIX + context));
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function envelopeKey(shared: Buffer, ephemeralPublic: string, sealingPublic: string): Buffer {
  const salt = Buffer.concat([
    Buffer.from(ephemeralPublic, 'base64url'),
    Buffer.from(sealingPublic, 'base64url'),
  ]);
  return Buffer.from(hkdfSync('sha256', shared, salt, HKDF_INFO, 32));
}

export interface Envelope {
  /** The envelope's ephemeral X25519 public key, base64url. */
  ephemeralPublicKey: string;
  parts: Map<string, Buffer>;
}

/** Seals each named part for the holder of `sealingPublicKey`; `aad` binds the envelope to its record. */
export function seal(sealingPublicKey: string, aad: string, parts: ReadonlyMap<string, Buffer>): Envelope {
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralPublicKey = rawPublicKey(ephemeral.publicKey);
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: publicKeyFromRaw(sealingPublicKey),
  });
  const key = envelopeKey(shared, ephemeralPublicKey, sealingPublicKey);
  const sealed = new Map<string, Buffer>();
  for (const [name, bytes] of parts) sealed.set(name, gcmSeal(key, bytes, Buffer.from(`${aad}|${name}`)));
  return { ephemeralPublicKey, parts: sealed };
}

/** Opens an envelope's parts with the unwrapped private key; throws SealingError if any part was altered. */
export function openEnvelope(privateKey: KeyObject, aad: string, envelope: Envelope): Map<string, Buffer> {
  const sealingPublic = rawPublicKey(createPublicKey(privateKey));
  const shared = diffieHellman({ privateKey, publicKey: publicKeyFromRaw(envelope.ephemeralPublicKey) });
  const key = envelopeKey(shared, envelope.ephemeralPublicKey, sealingPublic);
  const opened = new Map<string, Buffer>();
  for (const [name, bytes] of envelope.parts)
    opened.set(name, gcmOpen(key, bytes, Buffer.from(`${aad}|${name}`)));
  return opened;
}

/**
 * A box for data its holder keeps the key to: AES-256-GCM under a fresh random 256-bit key that is handed
 * back and stored nowhere by the platform (a bid receipt kept in the database for its bidder, the key in
 * the bidder's browser). `aad` binds the box to what it belongs to. Returns the key base64url.
 */
export function boxForHolder(plaintext: Buffer, aad: string): { key: string; box: Buffer } {
  const key = randomBytes(32);
  return { key: key.toString('base64url'), box: gcmSeal(key, plaintext, Buffer.from(aad)) };
}

/** Opens a holder's box; throws SealingError for a wrong key, another `aad` or altered bytes. */
export function openHolderBox(key: string, box: Buffer, aad: string): Buffer {
  const raw = Buffer.from(key, 'base64url');
  if (raw.length !== 32) throw new SealingError('not a box key');
  return gcmOpen(raw, box, Buffer.from(aad));
}
