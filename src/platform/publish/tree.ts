// The log's Merkle tree as stored: appending leaves (and the complete subtrees they close), the root of
// any size, and audit and consistency paths, from stored subtree hashes — O(log n) lookups at any size.
import type { Executor } from '../db/database.js';
import type { LogEntryTable } from '../db/schema.js';
import {
  completeSubtrees,
  consistencyRanges,
  foldSubtrees,
  hashChildren,
  inclusionRanges,
  type LeafRange,
} from './merkle.js';
import { insertLogEntries, insertLogNodes, subtreeHashes, type SubtreeRef } from './publish.repository.js';

interface Node {
  level: number;
  index: number;
  hash: Buffer;
}

/** Resolves ranges to hashes with one round of lookups for all of them. */
async function rangeHashes(db: Executor, ranges: readonly LeafRange[]): Promise<Buffer[]> {
  const parts = ranges.map((r) => completeSubtrees(r));
  const refs: SubtreeRef[] = parts.flat();
  const stored = await subtreeHashes(db, refs);
  return parts.map((subtrees) =>
    foldSubtrees(
      subtrees.map((s) => {
        const hash = stored.get(`${s.level}:${s.index}`);
        if (hash === undefined) throw new Error(`the log has no subtree ${s.level}:${s.index}`);
        return Buffer.from(hash, 'hex');
      }),
    ),
  );
}

/** The root hash of the first `size` leaves. */
export async function treeRoot(db: Executor, size: number): Promise<Buffer> {
  const [root] = await rangeHashes(db, [{ start: 0, end: size }]);
  return root!;
}

/** RFC 9162 §2.1.3.1 audit path of leaf `index` in the tree of `size` leaves. */
export function inclusionPath(db: Executor, index: number, size: number): Promise<Buffer[]> {
  return rangeHashes(db, inclusionRanges(index, size));
}

/** RFC 9162 §2.1.4.1 consistency path from the tree of `first` leaves to the tree of `second`. */
export function consistencyPath(db: Executor, first: number, second: number): Promise<Buffer[]> {
  return rangeHashes(db, consistencyRanges(first, second));
}

/**
 * Appends leaves to a log of `size` leaves: writes the entries and every complete subtree they close.
 * Starts from the frontier (the complete subtrees of the current tree, at most log2 n hashes), so a
 * batch costs one lookup however large the log.
 */
export async function appendEntries(
  db: Executor,
  size: number,
  entries: readonly LogEntryTable[],
): Promise<void> {
  const frontierRefs = completeSubtrees({ start: 0, end: size });
  const stored = frontierRefs.length > 0 ? await subtreeHashes(db, frontierRefs) : new Map<string, string>();
  const stack: Node[] = frontierRefs.map((s) => {
    const hash = stored.get(`${s.level}:${s.index}`);
    if (hash === undefined) throw new Error(`the log has no subtree ${s.level}:${s.index}`);
    return { ...s, hash: Buffer.from(hash, 'hex') };
  });
  const created: { level: number; idx: number; hash: string }[] = [];
  entries.forEach((entry, i) => {
    if (Number(entry.idx) !== size + i)
      throw new Error(`log entry ${entry.idx} appended at position ${size + i}`);
    let node: Node = { level: 0, index: size + i, hash: Buffer.from(entry.leaf_hash, 'hex') };
    while (stack.length > 0 && stack[stack.length - 1]!.level === node.level) {
      const left = stack.pop()!;
      node = { level: node.level + 1, index: left.index / 2, hash: hashChildren(left.hash, node.hash) };
      created.push({ level: node.level, idx: node.index, hash: node.hash.toString('hex') });
    }
    stack.push(node);
  });
  await insertLogEntries(db, [...entries]);
  if (created.length > 0) await insertLogNodes(db, created);
}
