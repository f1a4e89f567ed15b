// Passwords are hashed with argon2id (OWASP's minimum: 19 MiB, 2 passes, 1 lane).
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { randomBytes, randomInt } from 'node:crypto';

const ARGON2ID = 2 as Algorithm; // Algorithm.Argon2id; a const enum cannot be read under isolatedModules
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real check, so that an unknown log-in name cannot be told apart from a
 * wrong password by how long the answer takes.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** Why a new password is refused, as a message key, or undefined when it is acceptable. */
export function passwordProblem(
  password: string,
  personal: readonly (string | null | undefined)[] = [],
): string | undefined {
  if (password.length < PASSWORD_MIN_LENGTH) return 'validation.passwordTooShort';
  if (password.length > PASSWORD_MAX_LENGTH) return 'validation.passwordTooLong';
  if (new Set(password).size < 4) return 'validation.passwordTooSimple';
  const lower = password.toLowerCase();
  for (const item of personal) {
    if (item && item.length >= 4 && lower.includes(item.toLowerCase())) return 'validation.passwordPersonal';
  }
  return undefined;
}

/** A readable random password for new accounts and demo log-ins: 4 groups of 4 characters. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 16; i++) {
    out += alphabet[randomInt(alphabet.length)];
    if (i % 4 === 3 && i < 15) out += '-';
  }
  return out;
}
