// gongshi verify-log: checks a Gongshi log over HTTP, trusting nothing the server says that it can check
// itself. Written only against the public API and docs/transparency-log.md, so it works against any
// server, including one it did not start.
//
//  (a) the latest signed tree head's Ed25519 signature, with the log's key (pinned with --key, and
//      remembered in --state so a changed key is noticed);
//  (b) every entry: its leaf hash, its position, and the root recomputed from all leaves against the
//      signed root — when they differ, consistency proofs narrow the first bad index down;
//  (c) with --state FILE: the new tree head extends the one verified last time (consistency proof);
//  (d) with --record ID: the record's content against its leaf, and the leaf's inclusion proof;
//      with --records: every record's content against its leaf.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { canonicalJson } from '../../platform/publish/canonical-json.js';
import {
  HexRootBuilder,
  RootBuilder,
  verifyConsistency,
  verifyInclusion,
} from '../../platform/publish/merkle.js';

export interface TreeHeadJson {
  tree_size: number;
  timestamp: number;
  root_hash: string;
  signature: string;
  key_id: string;
}

export interface VerifyOptions {
  url: string;
  stateFile?: string | undefined;
  recordId?: string | undefined;
  allRecords?: boolean;
  keyFile?: string | undefined;
  log?: (line: string) => void;
}

export interface VerifyResult {
  ok: boolean;
  /** The first index found to be wrong, when one is. */
  failedIndex?: number;
  message: string;
  treeHead?: TreeHeadJson;
}

class Failure extends Error {
  constructor(
    message: string,
    readonly index?: number,
  ) {
    super(message);
  }
}

const PAGE = 1000;

/** The exact bytes a tree head signature covers (docs/transparency-log.md §3). */
export function treeHeadBytes(h: Pick<TreeHeadJson, 'tree_size' | 'timestamp' | 'root_hash'>): Buffer {
  return Buffer.from(
    canonicalJson({ root_hash: h.root_hash, timestamp: h.timestamp, tree_size: h.tree_size }),
    'utf8',
  );
}

function keyIdOf(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

const isHex64 = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f]{64}$/.test(s);

/**
 * Checks a run of entries starting at `start`: each leaf's hash and position, feeding the root builder.
 * The leaf is RFC 8785 JSON whose members sort as contentHash, index, …; its 64-hex contentHash puts
 * `","index":<i>,` at a fixed offset, so the position is checked without parsing every leaf.
 */
export function checkEntries(
  entries: readonly { index: number; leaf: string; leaf_hash: string }[],
  start: number,
  builder: HexRootBuilder,
): void {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const index = start + i;
    if (e.index !== index) throw new Failure(`entry ${index} was served as index ${e.index}`, index);
    if (!e.leaf.startsWith(`","index":${index},`, 80) || !e.leaf.startsWith('{"contentHash":"')) {
      throw new Failure(`leaf ${index} does not name index ${index} in the documented form`, index);
    }
    const hash = builder.hashLeaf(e.leaf);
    if (hash !== e.leaf_hash) throw new Failure(`leaf ${index} does not hash to its leaf hash`, index);
    builder.push(hash);
  }
}

export async function verifyLog(options: VerifyOptions): Promise<VerifyResult> {
  const log = options.log ?? (() => undefined);
  const base = options.url.replace(/\/+$/, '');
  const get = async <T>(path: string): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { headers: { accept: 'application/json' } });
    } catch (error) {
      throw new Failure(
        `cannot reach ${base}${path}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const text = await res.text();
    if (!res.ok) throw new Failure(`${path} answered ${res.status}: ${text.slice(0, 300)}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new Failure(`${path} did not answer JSON`);
    }
  };

  let head: TreeHeadJson | undefined;
  try {
    // (a) key and signature
    const keyInfo = await get<{ key_id: string; public_key_pem: string }>('/api/v1/log/key');
    const key = createPublicKey(options.keyFile ? readFileSync(options.keyFile) : keyInfo.public_key_pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Failure('the log key is not an Ed25519 key');
    const id = keyIdOf(key);
    if (options.keyFile && id !== keyIdOf(createPublicKey(keyInfo.public_key_pem))) {
      throw new Failure('the server publishes a different key than the one given with --key');
    }
    const state =
      options.stateFile && existsSync(options.stateFile)
        ? (JSON.parse(readFileSync(options.stateFile, 'utf8')) as { key_id: string; tree_head: TreeHeadJson })
        : undefined;
    if (state && state.key_id !== id)
      throw new Failure(`the log key changed since the last verification (was ${state.key_id})`);

    head = await get<TreeHeadJson>('/api/v1/log/sth');
    if (!Number.isSafeInteger(head.tree_size) || head.tree_size < 0 || !isHex64(head.root_hash)) {
      throw new Failure('the tree head is malformed');
    }
    if (head.key_id !== id)
      throw new Failure(`the tree head names key ${head.key_id}, not the log key ${id}`);
    if (
      !/^[0-9a-f]{128}$/.test(head.signature) ||
      !verify(null, treeHeadBytes(head), key, Buffer.from(head.signature, 'hex'))
    ) {
      throw new Failure(`the signature of the tree head of size ${head.tree_size} does not verify`);
    }
    log(
      `tree head: ${head.tree_size} entries, root ${head.root_hash}, signed ${new Date(head.timestamp).toISOString()} — signature OK`,
    );
    const n = head.tree_size;

    // (b) every entry, and the root
    const builder = new HexRootBuilder();
    const leafHashes: Buffer[] = [];
    const leaves: string[] = [];
    for (let start = 0; start < n; start += PAGE) {
      const end = Math.min(n, start + PAGE);
      const page = await get<{ entries: { index: number; leaf: string; leaf_hash: string }[] }>(
        `/api/v1/log/entries?start=${start}&end=${end}`,
      );
      if (page.entries.length !== end - start) {
        throw new Failure(
          `the log served ${page.entries.length} entries for ${start}..${end - 1}`,
          start + page.entries.length,
        );
      }
      checkEntries(page.entries, start, builder);
      for (const e of page.entries) {
        leafHashes.push(Buffer.from(e.leaf_hash, 'hex'));
        if (options.allRecords || options.recordId) leaves.push(e.leaf);
      }
    }
    const root = Buffer.from(builder.root(), 'hex');
    if (!root.equals(Buffer.from(head.root_hash, 'hex'))) {
      const bad = await firstBadIndex(leafHashes, head, get);
      throw new Failure(
        `the leaves do not hash to the signed root; the first leaf that differs is ${bad}`,
        bad,
      );
    }
    log(`entries: all ${n} leaves hash to the signed root — OK`);

    // (c) the new head extends the last verified one
    if (state) {
      const old = state.tree_head;
      if (n < old.tree_size) throw new Failure(`the log shrank from ${old.tree_size} to ${n} entries`, n);
      if (n > old.tree_size && head.timestamp <= old.timestamp) {
        throw new Failure(
          `the tree head of ${n} entries is not later than the one of ${old.tree_size} verified before`,
        );
      }
      if (old.tree_size > 0 && n > old.tree_size) {
        const proof = await get<{ consistency_path: string[] }>(
          `/api/v1/log/proof/consistency?first=${old.tree_size}&second=${n}`,
        );
        const ok = verifyConsistency(
          old.tree_size,
          n,
          Buffer.from(old.root_hash, 'hex'),
          root,
          proof.consistency_path.map((h) => Buffer.from(h, 'hex')),
        );
        if (!ok)
          throw new Failure(
            `the log of ${n} entries does not extend the one of ${old.tree_size} verified before`,
            old.tree_size - 1,
          );
      } else if (n === old.tree_size && old.root_hash !== head.root_hash) {
        throw new Failure(`the log of ${n} entries has a different root than when verified before`);
      }
      log(`consistency: extends the tree head of size ${old.tree_size} verified before — OK`);
    }

    // (d) records against their leaves
    const checkRecord = async (recordId: string, expectIndex?: number) => {
      const record = await get<{
        id: string;
        kind: string;
        canonicalContent: string;
        contentHash: string;
        publishedAt: string;
        logIndex: number;
      }>(`/api/v1/records/${encodeURIComponent(recordId)}`);
      const index = record.logIndex;
      if (expectIndex !== undefined && index !== expectIndex)
        throw new Failure(`record ${recordId} claims index ${index}`, expectIndex);
      if (!Number.isSafeInteger(index) || index < 0 || index >= n) {
        throw new Failure(
          `record ${recordId} (index ${index}) is not covered by the signed tree head of ${n} entries yet`,
          index,
        );
      }
      const leaf = JSON.parse(leaves[index]!) as Record<string, unknown>;
      const contentHash = createHash('sha256').update(record.canonicalContent, 'utf8').digest('hex');
      if (contentHash !== leaf.contentHash)
        throw new Failure(`record ${recordId}: its content does not match leaf ${index}`, index);
      if (
        leaf.recordId !== recordId ||
        leaf.kind !== record.kind ||
        leaf.publishedAt !== record.publishedAt
      ) {
        throw new Failure(`record ${recordId}: its id, kind or time does not match leaf ${index}`, index);
      }
      if (canonicalJson(leaf) !== leaves[index])
        throw new Failure(`leaf ${index} is not canonical JSON`, index);
      const proof = await get<{ audit_path: string[] }>(
        `/api/v1/log/proof/inclusion?index=${index}&tree_size=${n}`,
      );
      const included = verifyInclusion(
        leafHashes[index]!,
        index,
        n,
        proof.audit_path.map((h) => Buffer.from(h, 'hex')),
        root,
      );
      if (!included) throw new Failure(`the inclusion proof of leaf ${index} does not verify`, index);
      return index;
    };
    if (options.recordId) {
      const index = await checkRecord(options.recordId);
      log(`record ${options.recordId}: content matches leaf ${index}; inclusion proof verifies — OK`);
    }
    if (options.allRecords) {
      for (let i = 0; i < n; i++) {
        const leaf = JSON.parse(leaves[i]!) as { recordId: string };
        await checkRecord(leaf.recordId, i);
      }
      log(`records: all ${n} records match their leaves — OK`);
    }

    if (options.stateFile) {
      writeFileSync(options.stateFile, JSON.stringify({ key_id: id, tree_head: head }, null, 2) + '\n');
    }
    return { ok: true, message: `verified ${n} entries`, treeHead: head };
  } catch (error) {
    if (error instanceof Failure) {
      return {
        ok: false,
        message: error.message,
        ...(error.index !== undefined ? { failedIndex: error.index } : {}),
        ...(head ? { treeHead: head } : {}),
      };
    }
    throw error;
  }
}

/**
 * The signed root and the leaves disagree: find the first leaf m-1 such that the first m leaves are no
 * longer consistent with the signed tree (binary search, one consistency proof per step).
 */
async function firstBadIndex(
  leafHashes: readonly Buffer[],
  head: TreeHeadJson,
  get: <T>(path: string) => Promise<T>,
): Promise<number> {
  const signedRoot = Buffer.from(head.root_hash, 'hex');
  const consistent = async (m: number): Promise<boolean> => {
    const builder = new RootBuilder();
    for (let i = 0; i < m; i++) builder.push(leafHashes[i]!);
    if (m === head.tree_size) return builder.root().equals(signedRoot);
    try {
      const proof = await get<{ consistency_path: string[] }>(
        `/api/v1/log/proof/consistency?first=${m}&second=${head.tree_size}`,
      );
      return verifyConsistency(
        m,
        head.tree_size,
        builder.root(),
        signedRoot,
        proof.consistency_path.map((h) => Buffer.from(h, 'hex')),
      );
    } catch {
      return false;
    }
  };
  // Invariant: prefixes shorter than `lo` are consistent; the prefix of `hi` leaves is not.
  let lo = 1;
  let hi = head.tree_size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await consistent(mid)) lo = mid + 1;
    else hi = mid;
  }
  return hi - 1;
}
