// RFC 9162 §2.1 (RFC 6962) Merkle trees, checked against the Certificate Transparency reference vectors
// (published with transparency-dev/merkle) and, for every tree size up to 64, against the definition.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_ROOT,
  completeSubtrees,
  consistencyRanges,
  foldSubtrees,
  hashChildren,
  hashLeaf,
  HexRootBuilder,
  inclusionRanges,
  rootOf,
  splitPoint,
  verifyConsistency,
  verifyInclusion,
  type LeafRange,
} from './merkle.js';

const hex = (b: Buffer) => b.toString('hex');
const unhex = (s: string) => Buffer.from(s, 'hex');

const CT_DATA = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map(unhex);
const CT_LEAVES = CT_DATA.map((d) => hashLeaf(d));
const CT_ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

/** MTH by the definition (RFC 9162 §2.1.1), recursively: the reference the fast code is checked against. */
function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return createHash('sha256').digest();
  if (leaves.length === 1) return leaves[0]!;
  const k = splitPoint(leaves.length);
  return hashChildren(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

const rangeHash = (leaves: readonly Buffer[]) => (r: LeafRange) => mth(leaves.slice(r.start, r.end));

describe('RFC 9162 Merkle tree', () => {
  it('matches the reference root of every size 0..8', () => {
    expect(hex(EMPTY_ROOT)).toBe(CT_ROOTS[0]);
    for (let n = 0; n <= 8; n++) expect(hex(rootOf(CT_LEAVES.slice(0, n))), `size ${n}`).toBe(CT_ROOTS[n]);
  });

  it('matches the reference audit paths', () => {
    const path = (i: number, n: number) => inclusionRanges(i, n).map(rangeHash(CT_LEAVES)).map(hex);
    expect(path(0, 8)).toEqual([
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(path(5, 8)).toEqual([
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  it('matches the reference consistency paths', () => {
    const proof = (m: number, n: number) => consistencyRanges(m, n).map(rangeHash(CT_LEAVES)).map(hex);
    expect(proof(2, 8)).toEqual([
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ]);
    expect(proof(6, 8)).toEqual([
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ]);
  });

  const many = Array.from({ length: 64 }, (_, i) => hashLeaf(`leaf ${i}`));
  const roots = Array.from({ length: 65 }, (_, n) => mth(many.slice(0, n)));

  it('builds every root 0..64 like the definition, and every range a path needs from complete subtrees', () => {
    for (let n = 0; n <= 64; n++) expect(rootOf(many.slice(0, n)).equals(roots[n]!)).toBe(true);
    const ranges: LeafRange[] = [];
    for (let n = 1; n <= 64; n++) {
      ranges.push({ start: 0, end: n });
      for (let i = 0; i < n; i++) ranges.push(...inclusionRanges(i, n), ...consistencyRanges(i + 1, n));
    }
    for (const r of ranges) {
      const parts = completeSubtrees(r).map((s) =>
        mth(many.slice(s.index * 2 ** s.level, (s.index + 1) * 2 ** s.level)),
      );
      expect(foldSubtrees(parts).equals(mth(many.slice(r.start, r.end))), `${r.start}..${r.end}`).toBe(true);
    }
  });

  it('computes the same leaf hashes and roots on hex strings (the fast verifier path)', () => {
    const texts = Array.from({ length: 64 }, (_, i) => `{"index":${i},"名称":"公示"}`);
    for (let n = 0; n <= 64; n++) {
      const builder = new HexRootBuilder();
      for (const text of texts.slice(0, n)) {
        const h = builder.hashLeaf(text);
        expect(h).toBe(hashLeaf(text).toString('hex'));
        builder.push(h);
      }
      expect(builder.root()).toBe(rootOf(texts.slice(0, n).map((t) => hashLeaf(t))).toString('hex'));
    }
  });

  it('verifies every inclusion proof in every size up to 64, and refuses altered ones', () => {
    for (let n = 1; n <= 64; n++) {
      for (let i = 0; i < n; i++) {
        const path = inclusionRanges(i, n).map(rangeHash(many));
        expect(verifyInclusion(many[i]!, i, n, path, roots[n]!), `${i}/${n}`).toBe(true);
        expect(verifyInclusion(many[(i + 1) % 64]!, i, n, path, roots[n]!)).toBe(false);
        if (path.length > 0) {
          const bad = path.map((p) => Buffer.from(p));
          bad[0]![0]! ^= 1;
          expect(verifyInclusion(many[i]!, i, n, bad, roots[n]!)).toBe(false);
          expect(verifyInclusion(many[i]!, i, n, path.slice(1), roots[n]!)).toBe(false);
        }
        expect(verifyInclusion(many[i]!, i, n, [...path, many[0]!], roots[n]!)).toBe(false);
      }
    }
    expect(verifyInclusion(many[0]!, 1, 1, [], roots[1]!)).toBe(false);
  });

  it('verifies every consistency proof for 1 ≤ m ≤ n ≤ 64, and refuses altered ones', () => {
    for (let n = 1; n <= 64; n++) {
      for (let m = 1; m <= n; m++) {
        const path = consistencyRanges(m, n).map(rangeHash(many));
        expect(verifyConsistency(m, n, roots[m]!, roots[n]!, path), `${m}->${n}`).toBe(true);
        if (m < n) {
          const bad = path.map((p) => Buffer.from(p));
          bad[bad.length - 1]![5]! ^= 1;
          expect(verifyConsistency(m, n, roots[m]!, roots[n]!, bad)).toBe(false);
          expect(verifyConsistency(m, n, roots[m]!, roots[n]!, path.slice(0, -1))).toBe(false);
          // A different history of the first m leaves is not consistent.
          expect(verifyConsistency(m, n, hashLeaf('forged'), roots[n]!, path)).toBe(false);
        }
      }
    }
    expect(verifyConsistency(0, 8, EMPTY_ROOT, roots[8]!, [])).toBe(false);
    expect(verifyConsistency(8, 4, roots[8]!, roots[4]!, [])).toBe(false);
  });
});
