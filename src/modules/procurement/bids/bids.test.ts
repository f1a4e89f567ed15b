// Sealed bids and their opening (issue: Procurement I, items 3–5), over the HTTP API on both databases,
// told as one open tender from its notice to its opening: eligible bidders only (S3), consortium (S9;
// GPL Art 24, GPR Art 22), prices within the lot budget (87号令 Art 63), late bids refused (87号令
// Art 33), receipts that verify without the platform, no role reading a bid before the opening through
// any route, and the scheduler's opening with commitments checked. The rest of the bid suite:
// bids.failure.test.ts (too few responses, restart, termination) and bids.methods.test.ts (single
// source, invited tender); their shared set-up is in bids.fixtures.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { organizationLifecycle } from '../../../platform/auth/organizations.lifecycle.js';
import { transition } from '../../../platform/lifecycle/lifecycle.js';
import { canonicalJson } from '../../../platform/publish/canonical-json.js';
import { leafHash, sha256Hex } from '../../../platform/publish/hashing.js';
import { verifyInclusion } from '../../../platform/publish/merkle.js';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import { biddingHelpers, PDF, startBiddingSuite, type BiddingSuite } from './bids.fixtures.js';
import type { BidReceipt } from './submit-bid.js';

describeEachDatabase('sealed bids and the opening', (db) => {
  let suite: BiddingSuite;
  let h: Harness;
  let staff: TestUser;
  let civil: TestUser;
  let finance: TestUser;
  const { api, provider, openProject, bid } = biddingHelpers(() => suite);

  beforeAll(async () => {
    suite = await startBiddingSuite(db());
    ({ h, staff, civil, finance } = suite);
  });
  afterAll(() => h.close());

  describe('an open tender from notice to opening', () => {
    let projectId: string;
    const receipts: BidReceipt[] = [];
    const MARKER = 'SEALED-MARKER-7Q2X';
    let a: Awaited<ReturnType<typeof provider>>;
    let b: Awaited<ReturnType<typeof provider>>;
    let c: Awaited<ReturnType<typeof provider>>;
    let d: Awaited<ReturnType<typeof provider>>;

    it('accepts sealed bids from eligible providers and refuses bad ones, naming the rule', async () => {
      projectId = await openProject();
      [a, b, c, d] = await Promise.all([
        provider('朝阳区甲养老服务中心'),
        provider('朝阳区乙社会工作事务所'),
        provider('朝阳区丙社区服务中心'),
        provider('朝阳区丁志愿服务协会'),
      ]);
      h.clock.set('2026-10-20T02:00:00Z');
      const file = PDF(MARKER);
      const first = await bid(projectId, a, {
        statement: `服务方案 ${MARKER}`,
        lots: [
          { number: 1, priceFen: 9_876_543 },
          { number: 2, priceFen: 7_000_000 },
        ],
        files: [{ name: '方案.pdf', content: file.toString('base64'), sha256: sha256Hex(file) }],
      });
      expect(first.statusCode, first.body).toBe(201);
      receipts.push(first.json<BidReceipt>());

      // The receipt verifies without the platform: commitment, record content, leaf, inclusion proof.
      const r = receipts[0]!;
      expect(
        sha256Hex(Buffer.concat([Buffer.from(canonicalJson(r.content)), Buffer.from(r.salt, 'hex')])),
      ).toBe(r.commitment);
      expect(r.record.contentHash).toBe(
        sha256Hex(canonicalJson({ commitment: r.commitment, sealedAt: r.content.sealedAt })),
      );
      expect(JSON.parse(r.record.leaf)).toMatchObject({
        index: r.record.logIndex,
        contentHash: r.record.contentHash,
      });
      expect(leafHash(r.record.leaf)).toBe(r.record.leafHash);
      expect(
        verifyInclusion(
          Buffer.from(r.record.leafHash, 'hex'),
          r.record.logIndex,
          r.inclusion.treeSize,
          r.inclusion.path.map((p) => Buffer.from(p, 'hex')),
          Buffer.from(r.inclusion.rootHash, 'hex'),
        ),
      ).toBe(true);
      // The published commitment names neither the project nor the bidder.
      const published = await api('GET', `/api/v1/records/${r.record.recordId}`, undefined, null);
      expect(published.body).not.toContain(projectId);
      expect(published.body).not.toContain(a.orgId);

      // A second bid by the same supplier: 409, replace or withdraw instead (GPR Art 22).
      const twice = await bid(projectId, a);
      expect(twice.statusCode).toBe(409);
      expect(twice.json<ErrorBody>().error.code).toBe('duplicate_bid');

      // Over the lot's budget (87号令 Art 63), a lot that does not exist, a disguised file, an altered upload.
      const over = await bid(projectId, b, {
        lots: [
          { number: 2, priceFen: 8_000_001 },
          { number: 3, priceFen: 1 },
        ],
      });
      expect(over.statusCode).toBe(422);
      expect(over.json<ErrorBody>().error.details.map((x) => x.field)).toEqual([
        'lots.0.priceFen',
        'lots.1.number',
      ]);
      expect(over.json<ErrorBody>().error.details[0]!.message).toContain('第六十三条');
      const disguised = await bid(projectId, b, {
        files: [{ name: 'a.pdf', content: Buffer.from('MZ not a pdf').toString('base64') }],
      });
      expect(disguised.json<ErrorBody>().error.details.map((x) => x.field)).toEqual(['files.0']);
      const notBase64 = await bid(projectId, b, { files: [{ name: 'a.pdf', content: 'JVBERi0x%%%' }] });
      expect(notBase64.json<ErrorBody>().error.details.map((x) => x.field)).toEqual(['files.0.content']);
      const altered = await bid(projectId, b, {
        files: [{ name: 'a.pdf', content: file.toString('base64'), sha256: 'a'.repeat(64) }],
      });
      expect(altered.statusCode).toBe(422);
      expect(altered.json<ErrorBody>().error.code).toBe('document_hash_mismatch');
      // Without the credit commitment (信用承诺) of GPL Art 22 ¶1, nothing is sealed.
      const uncommitted = await bid(projectId, b, { creditCommitment: false });
      expect(uncommitted.statusCode).toBe(422);
      expect(uncommitted.json<ErrorBody>().error.details).toEqual([
        expect.objectContaining({ field: 'creditCommitment' }),
      ]);
      expect(uncommitted.json<ErrorBody>().error.details[0]!.message).toContain(
        '《政府采购法》第二十二条第一款',
      );

      // An organization whose registration is revoked is refused with its reasons (S3).
      await h.run((ctx) =>
        transition(ctx, organizationLifecycle, { id: d.orgId, status: 'active' }, 'deactivate'),
      );
      const ineligible = await bid(projectId, d);
      expect(ineligible.statusCode).toBe(422);
      expect(ineligible.json<ErrorBody>().error).toMatchObject({ code: 'bidder_ineligible' });
      expect(ineligible.json<ErrorBody>().error.details[0]).toEqual({
        field: 'organizationId',
        message: '登记已注销或停用。',
      });
      // ... also as a consortium member.
      const withIneligible = await bid(projectId, b, { consortium: [d.uscc] });
      expect(withIneligible.json<ErrorBody>().error.details[0]!.field).toBe('consortium.0');
      // Purchasers, finance, administrators do not bid.
      expect((await bid(projectId, staff)).statusCode).toBe(403);
      // Nothing of the refused bids was written.
      const count = await h.run((ctx) =>
        ctx.trx
          .selectFrom('bids')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('project_id', '=', projectId)
          .executeTakeFirstOrThrow(),
      );
      expect(Number(count.n)).toBe(1);

      // A consortium: b leads with c; c may then not bid alone (GPR Art 22).
      const consortium = await bid(projectId, b, {
        consortium: [c.uscc],
        lots: [{ number: 1, priceFen: 9_000_000 }],
      });
      expect(consortium.statusCode, consortium.body).toBe(201);
      receipts.push(consortium.json<BidReceipt>());
      expect(consortium.json<BidReceipt>().content.bidders.map((x) => x.role)).toEqual(['lead', 'member']);
      // c is only named: until one of its people confirms, it takes part in nothing (and the lead
      // learns nothing of c's own bids). It confirms; then it may not bid alone.
      // Confirming is the member's own credit commitment: without it, refused naming the article.
      const memberUncommitted = await api(
        'POST',
        `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`,
        { creditCommitment: false },
        c,
      );
      expect(memberUncommitted.statusCode).toBe(422);
      expect(memberUncommitted.json<ErrorBody>().error.details[0]).toMatchObject({
        field: 'creditCommitment',
      });
      const confirmed = await api(
        'POST',
        `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`,
        { creditCommitment: true },
        c,
      );
      expect(confirmed.statusCode, confirmed.body).toBe(204);
      expect(
        (
          await api(
            'POST',
            `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`,
            { creditCommitment: true },
            c,
          )
        ).statusCode,
      ).toBe(409);
      // Only a named member learns the bid exists.
      expect(
        (
          await api(
            'POST',
            `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`,
            { creditCommitment: true },
            a,
          )
        ).statusCode,
      ).toBe(404);
      const alone = await bid(projectId, c);
      expect(alone.statusCode).toBe(409);
      expect(alone.json<ErrorBody>().error.message).toBe(
        '本组织已作为联合体成员参加了这个项目，不得再单独或另组联合体参加（《政府采购法实施条例》第二十二条）。',
      );
    });

    it('lets a bidder replace and withdraw until the deadline, and refuses late bids (87号令 Art 33)', async () => {
      const e = await provider('朝阳区戊养老服务中心');
      const f = await provider('朝阳区己社会工作服务社');
      const eBid = (await bid(projectId, e)).json<BidReceipt>();
      const replaced = await api(
        'POST',
        `/api/v1/bids/${eBid.bidId}/replacement`,
        { lots: [{ number: 1, priceFen: 9_100_000 }], statement: '更新后的方案', creditCommitment: true },
        e,
      );
      expect(replaced.statusCode, replaced.body).toBe(201);
      expect(replaced.json<BidReceipt>().replaces).toBe(eBid.bidId);
      receipts.push(replaced.json<BidReceipt>());
      // Someone else's bid cannot be replaced or withdrawn, nor learnt of.
      expect(
        (await api('DELETE', `/api/v1/bids/${replaced.json<BidReceipt>().bidId}`, undefined, f)).statusCode,
      ).toBe(404);
      const fBid = (await bid(projectId, f)).json<BidReceipt>();
      expect((await api('DELETE', `/api/v1/bids/${fBid.bidId}`, undefined, f)).statusCode).toBe(204);
      expect((await api('DELETE', `/api/v1/bids/${fBid.bidId}`, undefined, f)).statusCode).toBe(409);
      const mine = (await api('GET', '/api/v1/bids/mine', undefined, f)).json<
        { status: string; commitment: string }[]
      >();
      expect(mine).toEqual([expect.objectContaining({ status: 'withdrawn', commitment: fBid.commitment })]);

      // 23:59 Beijing on the deadline day is in time; midnight is late.
      h.clock.set('2026-10-29T15:59:00Z');
      const g = await provider('朝阳区庚社区服务中心');
      const lastMinute = await bid(projectId, g, { lots: [{ number: 2, priceFen: 7_500_000 }] });
      expect(lastMinute.statusCode).toBe(201);
      receipts.push(lastMinute.json<BidReceipt>());
      h.clock.set('2026-10-29T16:00:00Z');
      const late = await bid(projectId, f);
      expect(late.statusCode).toBe(409);
      expect(late.json<ErrorBody>().error).toMatchObject({ code: 'bid_late' });
      expect(late.json<ErrorBody>().error.message).toContain('第三十三条');
      expect(
        (
          await api(
            'POST',
            `/api/v1/bids/${lastMinute.json<BidReceipt>().bidId}/replacement`,
            { lots: [{ number: 2, priceFen: 1 }], statement: 'x', creditCommitment: true },
            g,
          )
        ).statusCode,
      ).toBe(409);
    });

    it('lets no role read a bid before the opening, through any route', async () => {
      h.clock.set('2026-10-29T15:00:00Z');
      const personas: (TestUser | null)[] = [null, staff, civil, finance, a, b];
      for (const role of ['administrator', 'expert', 'agency', 'auditor', 'providerMember'] as const)
        personas.push(await h.user(role));
      const fileSha = receipts[0]!.content.files[0]!.sha256;
      const ids = [projectId, receipts[0]!.bidId, receipts[0]!.record.recordId];
      const gets = h.app.routeTable.filter((r) => r.method === 'GET');
      const leaks: string[] = [];
      let requests = 0;
      for (const route of gets) {
        const candidates = route.url.includes(':') ? ids : [''];
        for (const id of candidates) {
          const url = route.url
            .replace(':sha256', fileSha)
            .replace(':year', '2026')
            .replace(':locale', 'zh-CN')
            .replace(/:[A-Za-z]+/g, id)
            .replace('*', 'app.css');
          for (const p of personas) {
            const res = await api('GET', url, undefined, p);
            requests++;
            if (res.statusCode >= 500) leaks.push(`${url}: ${res.statusCode}`);
            const text = res.rawPayload.toString('latin1') + res.body;
            if (text.includes(MARKER) || res.body.includes('9876543') || res.body.includes('98,765.43'))
              leaks.push(`${url} as ${p?.role ?? 'anonymous'}`);
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(requests).toBeGreaterThan(500);
      // The purchaser is told why: still sealed.
      const sealed = await api('GET', `/api/v1/projects/${projectId}/bids`);
      expect(sealed.statusCode).toBe(409);
      expect(sealed.json<ErrorBody>().error.code).toBe('bids_sealed');
      // At rest, nothing readable: not in the bids, their parts, the document store or the public records.
      const rows = await h.run(async (ctx) => [
        ...(await ctx.trx.selectFrom('bid_parts').selectAll().execute()).map((x) =>
          Buffer.from(x.sealed).toString('latin1'),
        ),
        ...(await ctx.trx.selectFrom('bids').selectAll().execute()).map((x) => JSON.stringify(x)),
        ...(await ctx.trx.selectFrom('documents').select('bytes').execute()).map((x) =>
          Buffer.from(x.bytes).toString('latin1'),
        ),
        ...(await ctx.trx.selectFrom('public_records').select('content').execute()).map((x) => x.content),
      ]);
      expect(rows.filter((x) => x.includes(MARKER) || x.includes('9876543'))).toEqual([]);
    }, 240_000);

    it('opens at the deadline: commitments checked, prices read out, every commitment accounted for', async () => {
      h.clock.set('2026-10-29T15:59:59Z');
      await h.platform.scheduler.tick();
      expect((await api('GET', `/api/v1/projects/${projectId}`)).json<{ status: string }>().status).toBe(
        'open',
      );
      h.clock.set('2026-10-29T16:00:05Z');
      expect(await h.platform.scheduler.tick()).toBeGreaterThan(0);
      const view = (await api('GET', `/api/v1/projects/${projectId}`, undefined, null)).json<{
        status: string;
        timeline: { kind: string; recordId: string }[];
      }>();
      expect(view.status).toBe('opened');
      const opening = view.timeline.find((t) => t.kind === 'opening')!;
      const record = (await api('GET', `/api/v1/records/${opening.recordId}`, undefined, null)).json<{
        content: {
          bids: {
            commitment: string;
            verification: string;
            lots: { number: number; priceFen?: number }[];
            disclosure: { content: unknown; salt: string } | null;
            bidders: { name: string; role: string }[];
          }[];
          notOpened: { commitment: string; status: string }[];
          lots: { number: number; responses: number; outcome: string }[];
        };
      }>().content;
      expect(record.bids.map((x) => x.verification)).toEqual([
        'verified',
        'verified',
        'verified',
        'verified',
      ]);
      // Anyone can recompute each commitment from what the opening discloses.
      for (const x of record.bids) {
        expect(
          createHash('sha256')
            .update(canonicalJson(x.disclosure!.content))
            .update(Buffer.from(x.disclosure!.salt, 'hex'))
            .digest('hex'),
        ).toBe(x.commitment);
      }
      const byCommitment = (n: number) => record.bids.find((x) => x.commitment === receipts[n]!.commitment)!;
      expect(byCommitment(0).lots).toEqual([
        { number: 1, priceFen: 9_876_543 },
        { number: 2, priceFen: 7_000_000 },
      ]);
      expect(byCommitment(1).bidders.map((x) => x.role)).toEqual(['lead', 'member']);
      expect(record.notOpened.map((x) => x.status).sort()).toEqual(['replaced', 'withdrawn']);
      // Lot 1: a, b+c, e — 3 responses; lot 2: a, g — too few, it fails (GPL Art 36) with its ways forward.
      expect(record.lots.map((l) => [l.number, l.responses, l.outcome])).toEqual([
        [1, 3, 'proceeds'],
        [2, 2, 'failed'],
      ]);
      expect(view.timeline.map((t) => t.kind)).toContain('failure');
      // Now the department reads the bids, statement and files included.
      const opened = await api('GET', `/api/v1/projects/${projectId}/bids`);
      expect(opened.statusCode).toBe(200);
      const first = opened
        .json<{ commitment: string; statement: string; files: { url: string }[] }[]>()
        .find((x) => x.commitment === receipts[0]!.commitment)!;
      expect(first.statement).toContain(MARKER);
      const agent = h.agent();
      await agent.logIn(staff.login, staff.password);
      const download = await agent.get(first.files[0]!.url);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.toString('latin1')).toContain(MARKER);
      const viaApi = await api(
        'GET',
        first.files[0]!.url.replace('/procurement/projects/', '/api/v1/projects/'),
      );
      expect(viaApi.statusCode).toBe(200);
      expect(viaApi.headers['x-content-sha256']).toBe(receipts[0]!.content.files[0]!.sha256);
      // ... and nobody else does.
      expect((await api('GET', `/api/v1/projects/${projectId}/bids`, undefined, finance)).statusCode).toBe(
        403,
      );
    });
  });
});
