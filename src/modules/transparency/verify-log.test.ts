// gongshi verify-log against a running server it did not start, on both databases: a sound log passes;
// a record or a leaf changed directly in the database fails and the verifier names the index; a deleted
// last leaf breaks consistency with the tree head verified before. The database's own guard against
// changes (triggers) is dropped first, as someone with full database rights could.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialectsUnderTest, openTestDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';
import { verifyLog } from './verify-log.js';

const CLI = join(import.meta.dirname, '..', '..', '..', 'dist', 'cli.js');

async function allowTampering(h: Harness): Promise<void> {
  const k = h.platform.db.kysely;
  for (const table of ['public_records', 'log_entries', 'log_nodes', 'log_tree_heads']) {
    if (h.platform.db.dialect === 'postgres') {
      await sql`drop trigger if exists ${sql.raw(`${table}_immutable`)} on ${sql.table(table)}`.execute(k);
    } else {
      await sql`drop trigger if exists ${sql.raw(`${table}_no_update`)}`.execute(k);
      await sql`drop trigger if exists ${sql.raw(`${table}_no_delete`)}`.execute(k);
    }
  }
}

function runCli(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'verify-log', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

for (const dialect of dialectsUnderTest()) {
  describe(`verify-log against a running server [${dialect}]`, () => {
    let test: Awaited<ReturnType<typeof openTestDatabase>>;
    let h: Harness;
    let url: string;
    let dir: string;
    const ids: string[] = [];

    const publishSome = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const r = await h.publishNotice(`s${ids.length}`, `公告 ${ids.length}`, {
          n: ids.length,
          text: '原文',
        });
        ids.push(r.recordId);
      }
    };
    const sign = () => h.signTreeHead();

    beforeEach(async () => {
      test = await openTestDatabase(dialect);
      h = await startHarness(test);
      url = await h.app.listen({ port: 0, host: '127.0.0.1' });
      dir = mkdtempSync(join(tmpdir(), 'gongshi-verify-'));
      ids.length = 0;
      await publishSome(11);
      await sign();
    });
    afterEach(async () => {
      await h.close();
      await test.drop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('passes a sound log through the real command line, and checks one record', async () => {
      expect(existsSync(CLI), 'dist/cli.js: run `npm run build` (npm test does)').toBe(true);
      const state = join(dir, 'state.json');
      const first = await runCli(['--url', url, '--state', state, '--record', ids[4]!]);
      expect(first.out).toContain('signature OK');
      expect(first.out).toContain('content matches leaf 4');
      expect(first.code).toBe(0);
      await publishSome(6);
      await sign();
      const second = await runCli(['--url', url, '--state', state, '--records']);
      expect(second.out).toContain('extends the tree head of size 11');
      expect(second.code).toBe(0);
      const bad = await runCli(['--url', 'not a url']);
      expect(bad.code).toBe(2);
    });

    it('names the index of a record whose content was changed in the database', async () => {
      await allowTampering(h);
      await h.platform.db.kysely
        .updateTable('public_records')
        .set({ content: '{"n":6,"text":"篡改"}' })
        .where('id', '=', ids[6]!)
        .execute();
      const result = await verifyLog({ url, allRecords: true });
      expect(result).toMatchObject({ ok: false, failedIndex: 6 });
      const one = await verifyLog({ url, recordId: ids[6]! });
      expect(one).toMatchObject({ ok: false, failedIndex: 6 });
      expect((await runCli(['--url', url, '--record', ids[6]!])).out).toContain('FAIL at index 6');
    });

    it('names the index of a leaf changed in the database', async () => {
      await allowTampering(h);
      const [row] = await h.platform.db.kysely
        .selectFrom('log_entries')
        .selectAll()
        .where('idx', '=', 3)
        .execute();
      await h.platform.db.kysely
        .updateTable('log_entries')
        .set({ leaf: row!.leaf.replace('"kind":"testNotice"', '"kind":"otherKind"') })
        .where('idx', '=', 3)
        .execute();
      const result = await verifyLog({ url });
      expect(result).toMatchObject({ ok: false, failedIndex: 3 });
    });

    it('names the index when a leaf and its stored hash were both rewritten', async () => {
      await allowTampering(h);
      const [row] = await h.platform.db.kysely
        .selectFrom('log_entries')
        .selectAll()
        .where('idx', '=', 8)
        .execute();
      const leaf = row!.leaf.replace('"kind":"testNotice"', '"kind":"otherKind"');
      const { hashLeaf } = await import('../../platform/publish/merkle.js');
      await h.platform.db.kysely
        .updateTable('log_entries')
        .set({ leaf, leaf_hash: hashLeaf(leaf).toString('hex') })
        .where('idx', '=', 8)
        .execute();
      const result = await verifyLog({ url });
      expect(result).toMatchObject({
        ok: false,
        failedIndex: 8,
        message: expect.stringContaining('signed root') as string,
      });
    });

    it('fails consistency when the last leaf is deleted after a verification', async () => {
      const state = join(dir, 'state.json');
      expect((await verifyLog({ url, stateFile: state })).ok).toBe(true);
      await allowTampering(h);
      const k = h.platform.db.kysely;
      const last = ids.length - 1;
      await k.deleteFrom('public_records').where('log_index', '=', last).execute();
      await k.deleteFrom('log_entries').where('idx', '=', last).execute();
      await k.deleteFrom('log_tree_heads').where('tree_size', '=', ids.length).execute();
      await sign(); // a fresh, validly signed head of the shortened log
      const result = await verifyLog({ url, stateFile: state });
      expect(result.ok).toBe(false);
      expect(result.message).toContain('shrank');
    });

    it('fails when the log key changes, and with a key that is not the server’s', async () => {
      const state = join(dir, 'state.json');
      expect((await verifyLog({ url, stateFile: state })).ok).toBe(true);
      const { generateKeyPairSync } = await import('node:crypto');
      const other = generateKeyPairSync('ed25519');
      const keyFile = join(dir, 'other.pem');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(keyFile, other.publicKey.export({ type: 'spki', format: 'pem' }));
      const pinned = await verifyLog({ url, keyFile });
      expect(pinned.ok).toBe(false);
      expect(pinned.message).toContain('different key');
    });
  });
}
