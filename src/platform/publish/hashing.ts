import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** RFC 9162 §2.1.1 leaf hash: SHA-256(0x00 ‖ leaf bytes). */
export function leafHash(leaf: string): string {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(leaf, 'utf8')
    .digest('hex');
}

export const ZERO_HASH = '0'.repeat(64);

/** Each log entry's chain hash commits to every entry before it: SHA-256(previous chain ‖ leaf hash). */
export function chainHash(previous: string, leaf: string): string {
  return createHash('sha256')
    .update(Buffer.from(previous, 'hex'))
    .update(Buffer.from(leaf, 'hex'))
    .digest('hex');
}
