// RFC 9162 §2.1 Merkle trees: the hashes, the audit and consistency paths, and their verification.
// Pure functions over 32-byte hashes (Buffers); the server builds paths from stored subtree hashes, the
// verifier (gongshi verify-log, or anyone's own implementation) checks them.
import { createHash, hash as oneShotHash } from 'node:crypto';

export const HASH_SIZE = 32;

/** SHA-256 of the empty string: the root of the empty tree. */
export const EMPTY_ROOT = createHash('sha256').digest();

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** Leaf hash: SHA-256(0x00 ‖ leaf bytes). */
export function hashLeaf(leaf: Uint8Array | string): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(leaf).digest();
}

/** Interior node: SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/** The largest power of two smaller than n (n > 1): RFC 9162's split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * The root of a tree from its leaf hashes, in one pass with a stack of complete subtrees (at most
 * log2 n hashes held), so a million leaves take a million node hashes and no recursion.
 */
export class RootBuilder {
  private readonly stack: Buffer[] = [];
  private count = 0;

  push(leafHash: Buffer): void {
    let node = leafHash;
    let n = this.count;
    // Each trailing 1 bit of the old count is a complete subtree of equal size to merge with.
    while (n % 2 === 1) {
      node = hashChildren(this.stack.pop()!, node);
      n = (n - 1) / 2;
    }
    this.stack.push(node);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The root of the leaves pushed so far: the complete subtrees folded from the right. */
  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let node = this.stack[this.stack.length - 1]!;
    for (let i = this.stack.length - 2; i >= 0; i--) node = hashChildren(this.stack[i]!, node);
    return node;
  }
}

/**
 * The same computation on lowercase-hex hashes, for verifying whole logs fast: one-shot SHA-256 into hex
 * (no Buffer per hash) over one reused input buffer, children decoded into it in place.
 */
export class HexRootBuilder {
  private readonly stack: string[] = [];
  private count = 0;
  private readonly node = Buffer.alloc(1 + 2 * HASH_SIZE);

  /** SHA-256(0x00 ‖ UTF-8 of leaf), lowercase hex. (U+0000 is the single byte 0x00 in UTF-8.) */
  hashLeaf(leaf: string): string {
    return oneShotHash('sha256', `\u0000${leaf}`, 'hex');
  }

  private children(left: string, right: string): string {
    this.node[0] = 0x01;
    this.node.write(left, 1, HASH_SIZE, 'hex');
    this.node.write(right, 1 + HASH_SIZE, HASH_SIZE, 'hex');
    return oneShotHash('sha256', this.node, 'hex');
  }

  push(leafHashHex: string): void {
    let node = leafHashHex;
    let n = this.count;
    while (n % 2 === 1) {
      node = this.children(this.stack.pop()!, node);
      n = (n - 1) / 2;
    }
    this.stack.push(node);
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  root(): string {
    if (this.stack.length === 0) return EMPTY_ROOT.toString('hex');
    let node = this.stack[this.stack.length - 1]!;
    for (let i = this.stack.length - 2; i >= 0; i--) node = this.children(this.stack[i]!, node);
    return node;
  }
}

export function rootOf(leafHashes: readonly Buffer[]): Buffer {
  const builder = new RootBuilder();
  for (const h of leafHashes) builder.push(h);
  return builder.root();
}

/** A range of leaves [start, end) whose subtree hash a path needs. */
export interface LeafRange {
  start: number;
  end: number;
}

/** RFC 9162 §2.1.3.1 PATH(m, D[start:end]): the ranges whose hashes make the audit path, leaf to root. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const out: LeafRange[] = [];
  const walk = (m: number, start: number, end: number) => {
    const n = end - start;
    if (n <= 1) return;
    const k = splitPoint(n);
    if (m < k) {
      walk(m, start, start + k);
      out.push({ start: start + k, end });
    } else {
      walk(m - k, start + k, end);
      out.push({ start, end: start + k });
    }
  };
  walk(index, 0, size);
  return out;
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]): the ranges whose hashes make the consistency path. */
export function consistencyRanges(first: number, second: number): LeafRange[] {
  const out: LeafRange[] = [];
  const sub = (m: number, start: number, end: number, whole: boolean) => {
    const n = end - start;
    if (m === n) {
      if (!whole) out.push({ start, end });
      return;
    }
    const k = splitPoint(n);
    if (m <= k) {
      sub(m, start, start + k, whole);
      out.push({ start: start + k, end });
    } else {
      sub(m - k, start + k, end, false);
      out.push({ start, end: start + k });
    }
  };
  if (first > 0 && first < second) sub(first, 0, second, true);
  return out;
}

/**
 * The complete subtrees (aligned power-of-two blocks, as [level, index]) that make up a range, largest
 * first: what a log stores, so that a range's hash needs at most 2·log2 n stored hashes. Folding them
 * from the right gives the range's hash for every range a tree head or a path needs (prefixes [0, n)
 * and the ranges of inclusionRanges and consistencyRanges), since those start on a boundary of their
 * own left part.
 */
export function completeSubtrees(range: LeafRange): { level: number; index: number }[] {
  const out: { level: number; index: number }[] = [];
  let start = range.start;
  while (start < range.end) {
    let level = 0;
    // Grow the block while it stays aligned and inside the range.
    while (start % 2 ** (level + 1) === 0 && start + 2 ** (level + 1) <= range.end) level++;
    out.push({ level, index: start / 2 ** level });
    start += 2 ** level;
  }
  return out;
}

/** The hash of a range from the hashes of its complete subtrees (left to right). */
export function foldSubtrees(hashes: readonly Buffer[]): Buffer {
  if (hashes.length === 0) return EMPTY_ROOT;
  let node = hashes[hashes.length - 1]!;
  for (let i = hashes.length - 2; i >= 0; i--) node = hashChildren(hashes[i]!, node);
  return node;
}

function isHash(b: unknown): b is Buffer {
  return Buffer.isBuffer(b) && b.length === HASH_SIZE;
}

/** RFC 9162 §2.1.3.2: does `path` prove that `leafHash` is leaf `index` of the tree of `size` with `root`? */
export function verifyInclusion(
  leafHash: Buffer,
  index: number,
  size: number,
  path: readonly Buffer[],
  root: Buffer,
): boolean {
  if (!isHash(leafHash) || !isHash(root) || !path.every(isHash)) return false;
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 §2.1.4.2: does `path` prove the tree of `second` leaves extends the tree of `first` leaves? */
export function verifyConsistency(
  first: number,
  second: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  path: readonly Buffer[],
): boolean {
  if (!isHash(firstRoot) || !isHash(secondRoot) || !path.every(isHash)) return false;
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 1 || first > second)
    return false;
  if (first === second) return path.length === 0 && firstRoot.equals(secondRoot);
  const proof = [...path];
  // If first is a power of two, the first tree's root is itself the first node of the path.
  if ((first & (first - 1)) === 0) proof.unshift(firstRoot);
  if (proof.length === 0) return false;
  let fn = first - 1;
  let sn = second - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = proof[0]!;
  let sr = proof[0]!;
  for (const c of proof.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}
