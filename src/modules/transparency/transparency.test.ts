// The transparency log's public API (issue: verifiable transparency log), on both databases: signed tree
// heads that verify with the published key; entries, audit paths and consistency paths that verify
// with RFC 9162's algorithms for every index and size; bad parameters refused with 422 naming them.
import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SYSTEM } from '../../platform/access/roles.js';
import { runUseCase } from '../../platform/context.js';
import { hashLeaf, rootOf, verifyConsistency, verifyInclusion } from '../../platform/publish/merkle.js';
import { publish } from '../../platform/publish/publish.js';
import { issueTreeHead, treeHeadMessage } from '../../platform/publish/tree-heads.js';
import { treeRoot } from '../../platform/publish/tree.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';

interface Head {
  tree_size: number;
  timestamp: number;
  root_hash: string;
  signature: string;
  key_id: string;
}
interface ErrorBody {
  error: { code: string; details: { field: string; message: string }[] };
}

describeEachDatabase('transparency log API', (db) => {
  let h: Harness;
  const heads: Head[] = [];
  const leafHashes: Buffer[] = [];

  const publishMany = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await runUseCase(h.platform.runtime, { actor: SYSTEM }, (ctx) =>
        publish(ctx, { kind: 'testNotice', subjectId: `s${i}`, title: `第 ${i} 条`, content: { i } }),
      );
      h.clock.advance(1000);
    }
  };
  const sign = () =>
    h.run((ctx) =>
      issueTreeHead(ctx, {
        signingKey: h.platform.secrets.logSigningKey,
        publicKey: h.platform.secrets.logPublicKey,
      }),
    );
  const get = async <T>(url: string) => {
    const res = await h.app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json<T>() };
  };

  beforeAll(async () => {
    h = await startHarness(db());
    expect((await get<ErrorBody>('/api/v1/log/sth')).status).toBe(404);
    await sign(); // the empty log
    for (const batch of [1, 2, 4, 6, 13]) {
      await publishMany(batch);
      await sign();
    }
    const size = 26;
    const entries = (
      await get<{ entries: { leaf: string; leaf_hash: string }[] }>(`/api/v1/log/entries?start=0&end=${size}`)
    ).body.entries;
    for (const e of entries) leafHashes.push(hashLeaf(e.leaf));
    for (const n of [0, 1, 3, 7, 13, 26])
      heads.push((await get<Head>(`/api/v1/log/sth?tree_size=${n}`)).body);
  });
  afterAll(() => h.close());

  it('signs each tree head with the published key, over the documented bytes', async () => {
    const key = (await get<{ key_id: string; public_key_pem: string; algorithm: string }>('/api/v1/log/key'))
      .body;
    expect(key.algorithm).toBe('Ed25519');
    const publicKey = createPublicKey(key.public_key_pem);
    const latest = (await get<Head>('/api/v1/log/sth')).body;
    expect(latest.tree_size).toBe(26);
    for (const head of [...heads, latest]) {
      expect(head.key_id).toBe(key.key_id);
      const bytes = Buffer.from(
        `{"root_hash":"${head.root_hash}","timestamp":${head.timestamp},"tree_size":${head.tree_size}}`,
      );
      expect(treeHeadMessage(head).equals(bytes)).toBe(true);
      expect(verify(null, bytes, publicKey, Buffer.from(head.signature, 'hex'))).toBe(true);
      expect(head.root_hash).toBe(rootOf(leafHashes.slice(0, head.tree_size)).toString('hex'));
    }
    expect(heads[0]!.root_hash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('does not sign again until the log grows', async () => {
    expect(await sign()).toBeUndefined();
  });

  it('keeps the stored tree equal to the tree recomputed from the leaves, at every size', async () => {
    for (let n = 0; n <= 26; n++) {
      expect((await treeRoot(db().db.kysely, n)).equals(rootOf(leafHashes.slice(0, n))), `size ${n}`).toBe(
        true,
      );
    }
  });

  it('serves audit paths that verify for every leaf of every signed size', async () => {
    for (const head of heads.filter((x) => x.tree_size > 0)) {
      for (let i = 0; i < head.tree_size; i++) {
        const { body } = await get<{ audit_path: string[]; leaf_hash: string }>(
          `/api/v1/log/proof/inclusion?index=${i}&tree_size=${head.tree_size}`,
        );
        expect(body.leaf_hash).toBe(leafHashes[i]!.toString('hex'));
        const path = body.audit_path.map((x) => Buffer.from(x, 'hex'));
        expect(
          verifyInclusion(leafHashes[i]!, i, head.tree_size, path, Buffer.from(head.root_hash, 'hex')),
          `${i}/${head.tree_size}`,
        ).toBe(true);
      }
    }
  });

  it('serves consistency paths that verify between every pair of signed sizes', async () => {
    for (const a of heads.filter((x) => x.tree_size > 0)) {
      for (const b of heads.filter((x) => x.tree_size >= a.tree_size)) {
        const { body } = await get<{ consistency_path: string[] }>(
          `/api/v1/log/proof/consistency?first=${a.tree_size}&second=${b.tree_size}`,
        );
        const path = body.consistency_path.map((x) => Buffer.from(x, 'hex'));
        expect(
          verifyConsistency(
            a.tree_size,
            b.tree_size,
            Buffer.from(a.root_hash, 'hex'),
            Buffer.from(b.root_hash, 'hex'),
            path,
          ),
          `${a.tree_size}->${b.tree_size}`,
        ).toBe(true);
      }
    }
  });

  it('serves the exact leaves', async () => {
    const { body } = await get<{ entries: { index: number; leaf: string; leaf_hash: string }[] }>(
      '/api/v1/log/entries?start=3&end=5',
    );
    expect(body.entries.map((e) => e.index)).toEqual([3, 4]);
    const leaf = JSON.parse(body.entries[0]!.leaf) as Record<string, unknown>;
    expect(Object.keys(leaf)).toEqual(['contentHash', 'index', 'kind', 'publishedAt', 'recordId']);
    expect(leaf.index).toBe(3);
  });

  it.each([
    ['/api/v1/log/entries?start=26&end=27', 'start'],
    ['/api/v1/log/entries?start=5&end=5', 'end'],
    ['/api/v1/log/entries?start=0&end=1001', 'end'],
    ['/api/v1/log/entries?start=-1&end=3', 'start'],
    ['/api/v1/log/entries?start=a&end=3', 'start'],
    ['/api/v1/log/proof/inclusion?index=26&tree_size=26', 'index'],
    ['/api/v1/log/proof/inclusion?index=0&tree_size=27', 'tree_size'],
    ['/api/v1/log/proof/inclusion?index=0&tree_size=0', 'tree_size'],
    ['/api/v1/log/proof/inclusion?tree_size=3', 'index'],
    ['/api/v1/log/proof/consistency?first=7&second=3', 'first'],
    ['/api/v1/log/proof/consistency?first=0&second=3', 'first'],
    ['/api/v1/log/proof/consistency?first=3&second=99', 'second'],
    ['/api/v1/log/sth?tree_size=99', 'tree_size'],
    ['/api/v1/log/sth?tree_size=1.5', 'tree_size'],
  ])('refuses %s with 422 naming %s', async (url, field) => {
    const { status, body } = await get<ErrorBody>(url);
    expect(status).toBe(422);
    expect(body.error.details.map((d) => d.field)).toContain(field);
  });

  it('answers 404 for a size at which nothing was signed', async () => {
    const { status, body } = await get<ErrorBody>('/api/v1/log/sth?tree_size=2');
    expect(status).toBe(404);
    expect(body.error.code).toBe('no_tree_head');
  });

  it('shows the log page and each record’s inclusion proof', async () => {
    const page = await h.app.inject({ method: 'GET', url: '/transparency' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(heads[heads.length - 1]!.root_hash);
    const recordId = (
      JSON.parse(
        (await get<{ entries: { leaf: string }[] }>('/api/v1/log/entries?start=5&end=6')).body.entries[0]!
          .leaf,
      ) as {
        recordId: string;
      }
    ).recordId;
    const proof = await h.app.inject({ method: 'GET', url: `/transparency/records/${recordId}` });
    expect(proof.statusCode).toBe(200);
    expect(proof.body).toContain('证明路径');
    const record = await h.app.inject({ method: 'GET', url: `/records/${recordId}` });
    expect(record.body).toContain(`/transparency/records/${recordId}`);
  });
});
