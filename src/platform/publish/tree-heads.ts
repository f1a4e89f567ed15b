// Signed tree heads (STH): {tree_size, timestamp, root_hash}, signed with the log's Ed25519 key. The
// signed bytes are the UTF-8 of the RFC 8785 canonical JSON of exactly those three members, e.g.
//   {"root_hash":"5dc9…4328","timestamp":1795744800000,"tree_size":8}
// (hash lowercase hex, timestamp milliseconds since 1970-01-01 UTC). Signature and key id are lowercase
// hex; the key id is the SHA-256 of the public key's DER SubjectPublicKeyInfo. See docs/transparency-log.md.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import type { Ctx } from '../context.js';
import type { Executor } from '../db/database.js';
import { lockNamed } from '../db/locks.js';
import type { LogTreeHeadTable } from '../db/schema.js';
import { canonicalJson } from './canonical-json.js';
import { countLogEntries, insertTreeHead, latestTreeHead, treeHeadOfSize } from './publish.repository.js';
import { treeRoot } from './tree.js';

export interface TreeHead {
  tree_size: number;
  timestamp: number;
  root_hash: string;
  signature: string;
  key_id: string;
}

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** The exact bytes that are signed. */
export function treeHeadMessage(head: Pick<TreeHead, 'tree_size' | 'timestamp' | 'root_hash'>): Buffer {
  return Buffer.from(
    canonicalJson({ root_hash: head.root_hash, timestamp: head.timestamp, tree_size: head.tree_size }),
    'utf8',
  );
}

export function verifyTreeHead(head: TreeHead, publicKey: KeyObject): boolean {
  if (!/^[0-9a-f]{128}$/.test(head.signature)) return false;
  try {
    return verify(null, treeHeadMessage(head), publicKey, Buffer.from(head.signature, 'hex'));
  } catch {
    return false;
  }
}

function view(row: LogTreeHeadTable): TreeHead {
  return {
    tree_size: Number(row.tree_size),
    timestamp: Number(row.timestamp),
    root_hash: row.root_hash,
    signature: row.signature,
    key_id: row.key_id,
  };
}

export interface LogKeys {
  signingKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * Signs a tree head for the log as it is now, unless the latest one already covers every leaf. Several
 * nodes may try at once; the log lock makes one of them do it.
 */
export async function issueTreeHead(ctx: Ctx, keys: LogKeys): Promise<TreeHead | undefined> {
  await lockNamed(ctx.trx, ctx.dialect, 'gongshi.log');
  const size = await countLogEntries(ctx.trx);
  const latest = await latestTreeHead(ctx.trx);
  if (latest && Number(latest.tree_size) >= size) return undefined;
  const root = (await treeRoot(ctx.trx, size)).toString('hex');
  const timestamp = Math.max(ctx.now.getTime(), latest ? Number(latest.timestamp) + 1 : 0);
  const message = treeHeadMessage({ tree_size: size, timestamp, root_hash: root });
  const head: TreeHead = {
    tree_size: size,
    timestamp,
    root_hash: root,
    signature: sign(null, message, keys.signingKey).toString('hex'),
    key_id: keyId(keys.publicKey),
  };
  await insertTreeHead(ctx.trx, head);
  return head;
}

export async function getLatestTreeHead(db: Executor): Promise<TreeHead | undefined> {
  const row = await latestTreeHead(db);
  return row ? view(row) : undefined;
}

export async function getTreeHead(db: Executor, size: number): Promise<TreeHead | undefined> {
  const row = await treeHeadOfSize(db, size);
  return row ? view(row) : undefined;
}
