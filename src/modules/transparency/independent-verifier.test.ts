// docs/transparency-log.md is meant to be enough to verify a Gongshi log without this code base. The
// independent verifier in tools/independent-verifier was written from that page alone (Python,
// standard library only); here it checks a live server, and must fail on a tampered one.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness } from '../../testing/harness.js';

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'tools', 'independent-verifier', 'verify_log.py');

function python(args: string[]): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('python3', [SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, out }));
  });
}

describeEachDatabase('independent verifier (written from the docs alone)', (db) => {
  let h: Harness;
  let url: string;
  let dir: string;
  const ids: string[] = [];
  const sign = () => h.signTreeHead();
  const publishSome = async (n: number) => {
    for (let i = 0; i < n; i++)
      ids.push((await h.publishNotice(`s${ids.length}`, `第 ${ids.length} 条`, { n: ids.length })).recordId);
  };

  beforeAll(async () => {
    h = await startHarness(db());
    url = await h.app.listen({ port: 0, host: '127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'gongshi-pyverify-'));
    await publishSome(9);
    await sign();
  });
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agrees with the reference vectors and the document’s examples', async () => {
    const res = await python(['--self-test']);
    expect(res.out).not.toContain('FAIL');
    expect(res.code).toBe(0);
  });

  it('verifies the live log, its growth, and one record', async () => {
    const state = join(dir, 'state.json');
    const first = await python(['--url', url, '--state', state]);
    expect(first.code, first.out).toBe(0);
    await publishSome(8);
    h.clock.advance(10_000);
    await sign();
    const second = await python(['--url', url, '--state', state, '--record', ids[12]!]);
    expect(second.code, second.out).toBe(0);
  });

  it('fails on a leaf rewritten in the database', async () => {
    const k = h.platform.db.kysely;
    if (h.platform.db.dialect === 'postgres')
      await sql`drop trigger if exists log_entries_immutable on log_entries`.execute(k);
    else await sql`drop trigger if exists log_entries_no_update`.execute(k);
    const [row] = await k.selectFrom('log_entries').selectAll().where('idx', '=', 5).execute();
    await k
      .updateTable('log_entries')
      .set({ leaf: row!.leaf.replace('testNotice', 'forgedKind') })
      .where('idx', '=', 5)
      .execute();
    const res = await python(['--url', url]);
    expect(res.code).toBe(1);
    expect(res.out).toContain('FAIL');
    expect(res.out).toContain('5');
  });
});
