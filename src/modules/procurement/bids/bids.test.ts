// Sealed bids and their opening (issue: Procurement I, items 3–5), over the HTTP API on both databases:
// eligible bidders only (S3), consortium (S9; GPL Art 24, GPR Art 22), prices within the lot budget
// (87号令 Art 63), late bids refused (87号令 Art 33), receipts that verify without the platform, no
// role reading a bid before the opening through any route, the scheduler's opening with commitments
// checked, failure with too few responses (GPL Art 36), and the single-source response and award
// after the pre-notice and the answered objections (GPR Art 38).
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembership } from '../../../platform/auth/add-membership.js';
import { canonicalJson } from '../../../platform/publish/canonical-json.js';
import { leafHash, sha256Hex } from '../../../platform/publish/hashing.js';
import { verifyInclusion } from '../../../platform/publish/merkle.js';
import { describeEachDatabase } from '../../../testing/databases.js';
import { apiClient, type ErrorBody } from '../../../testing/http.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../../testing/harness.js';
import { registerOrganization } from '../../organizations/index.js';
import { publishedIntention } from '../procurement.fixtures.js';
import { openBids } from '../opening/open-bids.js';
import type { BidReceipt } from './submit-bid.js';

const PDF = (marker: string) =>
  Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
let uscc = 950_000;

describeEachDatabase('sealed bids and the opening', (db) => {
  let h: Harness;
  let staff: TestUser;
  let civil: TestUser;
  let finance: TestUser;
  let intentionId: string;

  const api = apiClient(
    () => h.app,
    () => staff,
  );

  /** A registered (eligible) social organization and a member of it. */
  async function provider(name: string): Promise<TestUser & { uscc: string; orgId: string }> {
    const code = testUscc(++uscc);
    const user = await h.user(null);
    const orgId = await h.run(async (ctx) => {
      const { id } = await registerOrganization(ctx, {
        name,
        orgType: 'serviceAgency',
        uscc: code,
        registrationLevel: 'district',
        districtCode: '110105',
        registrationAuthorityId: civil.organizationId!,
      });
      await addMembership(ctx, user.id, { organizationId: id, role: 'providerMember' });
      return id;
    });
    return { ...user, uscc: code, orgId, organizationId: orgId };
  }

  async function openProject(method = 'openTender', deadline = '2026-10-29'): Promise<string> {
    h.clock.set('2026-10-09T02:00:00Z');
    const created = await api('POST', '/api/v1/projects', {
      intentionId,
      title: '望京街道居家养老上门服务',
      method,
      lots: [
        { title: '望京西园片区', budgetFen: 10_000_000 },
        { title: '望京东园片区', budgetFen: 8_000_000 },
      ],
    });
    const { id } = created.json<{ id: string }>();
    if (method !== 'singleSource') {
      const notice = await api('POST', `/api/v1/projects/${id}/notice`, { deadline, text: '采购公告正文' });
      expect(notice.statusCode, notice.body).toBe(201);
    }
    return id;
  }

  const bid = (projectId: string, user: TestUser, body: Record<string, unknown> = {}) =>
    api(
      'POST',
      `/api/v1/projects/${projectId}/bids`,
      { lots: [{ number: 1, priceFen: 9_500_000 }], statement: '服务方案：每周上门两次', ...body },
      user,
    );

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    civil = await h.user('civilAffairs');
    finance = await h.user('finance');
    intentionId = await publishedIntention(h, staff, 100);
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

      // An organization whose registration is revoked is refused with its reasons (S3).
      await h.run((ctx) =>
        ctx.trx.updateTable('organizations').set({ status: 'inactive' }).where('id', '=', d.orgId).execute(),
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
      const confirmed = await api(
        'POST',
        `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`,
        {},
        c,
      );
      expect(confirmed.statusCode, confirmed.body).toBe(204);
      expect(
        (await api('POST', `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`, {}, c))
          .statusCode,
      ).toBe(409);
      // Only a named member learns the bid exists.
      expect(
        (await api('POST', `/api/v1/bids/${consortium.json<BidReceipt>().bidId}/confirmation`, {}, a))
          .statusCode,
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
        { lots: [{ number: 1, priceFen: 9_100_000 }], statement: '更新后的方案' },
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
            { lots: [{ number: 2, priceFen: 1 }], statement: 'x' },
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

  it('fails a tender with too few responses and publishes the ways forward the law gives (GPL Art 36)', async () => {
    const projectId = await openProject();
    const p = await provider('海淀区独家养老服务中心');
    h.clock.set('2026-10-20T02:00:00Z');
    expect((await bid(projectId, p)).statusCode).toBe(201);
    // The stored ciphertext of a second bid is altered: the opening refuses it, it does not crash.
    const q = await provider('海淀区第二养老服务中心');
    const tampered = (await bid(projectId, q)).json<BidReceipt>();
    await h.run(async (ctx) => {
      const part = await ctx.trx
        .selectFrom('bid_parts')
        .selectAll()
        .where('bid_id', '=', tampered.bidId)
        .executeTakeFirstOrThrow();
      const bytes = Buffer.from(part.sealed);
      bytes[20] = bytes[20]! ^ 0xff;
      await ctx.trx
        .updateTable('bid_parts')
        .set({ sealed: bytes })
        .where('bid_id', '=', tampered.bidId)
        .where('name', '=', part.name)
        .execute();
    });
    // Naming as a member an organization that bids itself: accepted (the lead learns nothing); the
    // member cannot confirm (GPR Art 22); the consortium's bid is invalid at the opening.
    const r = await provider('海淀区联合体牵头服务中心');
    const named = await bid(projectId, r, { consortium: [p.uscc] });
    expect(named.statusCode, named.body).toBe(201);
    const refused = await api('POST', `/api/v1/bids/${named.json<BidReceipt>().bidId}/confirmation`, {}, p);
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.message).toContain('第二十二条');
    h.clock.set('2026-10-30T00:00:00Z');
    await h.platform.scheduler.tick();
    const view = (await api('GET', `/api/v1/projects/${projectId}`, undefined, null)).json<{
      status: string;
      timeline: { kind: string; recordId: string }[];
    }>();
    expect(view.status).toBe('failed');
    const failure = view.timeline.find((t) => t.kind === 'failure')!;
    const content = (await api('GET', `/api/v1/records/${failure.recordId}`, undefined, null)).json<{
      content: {
        waysForward: { path: string; methods?: string[]; source: string }[];
        lots: { responses: number }[];
      };
    }>().content;
    expect(content.lots.map((l) => l.responses)).toEqual([1, 0]);
    expect(content.waysForward.map((w) => w.path)).toEqual(['retender', 'changeMethod']);
    // The basis to tender again or change the method is GPL Art 37 (Art 36 ¶2 only asks for the reasons).
    expect(content.waysForward.map((w) => w.source)).toEqual([
      expect.stringContaining('《政府采购法》第三十七条'),
      expect.stringContaining('《政府采购法》第三十七条'),
    ]);
    expect(JSON.stringify(content.waysForward)).not.toContain('第三十六条');
    const opened = (await api('GET', `/api/v1/projects/${projectId}/bids`)).json<
      { verification: string }[]
    >();
    expect(opened.map((x) => x.verification).sort()).toEqual([
      'membersUnconfirmed',
      'unreadable',
      'verified',
    ]);
  });

  it('single source: only the approved supplier responds; no award before the pre-notice ran and objections are answered', async () => {
    const supplier = await provider('通州区唯一失智照护中心');
    const stranger = await provider('通州区另一服务中心');
    const projectId = await openProject('singleSource');
    expect(
      (
        await api('POST', `/api/v1/projects/${projectId}/single-source`, {
          supplierId: supplier.orgId,
          ground: 'soleSupplier',
          justification: '辖区内唯一具备失智老人照护资质的机构',
        })
      ).statusCode,
    ).toBe(204);
    const decided = await api(
      'POST',
      `/api/v1/projects/${projectId}/single-source/decision`,
      { approve: true, note: '同意' },
      finance,
    );
    expect(decided.statusCode, decided.body).toBe(200);
    const { objectionsUntil } = decided.json<{ objectionsUntil: string }>();
    const refused = await bid(projectId, stranger);
    expect(refused.statusCode).toBe(403);
    expect(refused.json<ErrorBody>().error.message).toContain('通州区唯一失智照护中心');
    h.clock.set(`${objectionsUntil}T02:00:00Z`);
    const supplierAgent = h.agent();
    await supplierAgent.logIn(supplier.login, supplier.password);
    expect((await supplierAgent.get('/procurement/opportunities')).body).toContain(
      `/procurement/projects/${projectId}`,
    );
    expect((await supplierAgent.get('/inbox')).body).toContain('请在');
    const strangerAgent = h.agent();
    await strangerAgent.logIn(stranger.login, stranger.password);
    expect((await strangerAgent.get('/procurement/opportunities')).body).not.toContain(
      `/procurement/projects/${projectId}`,
    );
    const strangerForm = await strangerAgent.get(`/procurement/projects/${projectId}/bid`);
    expect(strangerForm.body).toContain(
      '单一来源采购只接受财政部门批准的供应商（通州区唯一失智照护中心）的响应',
    );
    expect(strangerForm.body).not.toContain('name="statement"');
    const partial = await bid(projectId, supplier, { lots: [{ number: 1, priceFen: 9_000_000 }] });
    expect(partial.json<ErrorBody>().error.details.map((x) => x.field)).toEqual(['lots']);
    const response = await bid(projectId, supplier, {
      lots: [
        { number: 1, priceFen: 5_000_000 },
        { number: 2, priceFen: 4_000_000 },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const objection = await api(
      'POST',
      `/api/v1/projects/${projectId}/objections`,
      { text: '还有其他机构具备资质' },
      null,
    );
    expect(objection.statusCode).toBe(201);
    // The day after the pre-notice: the response is opened; the award waits for the answer.
    h.clock.set(`${objectionsUntil}T16:00:01Z`);
    await h.platform.scheduler.tick();
    expect((await api('GET', `/api/v1/projects/${projectId}`)).json<{ status: string }>().status).toBe(
      'opened',
    );
    const early = await api('POST', `/api/v1/projects/${projectId}/award`, {
      priceFen: 8_800_000,
      text: '经协商',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('award_not_allowed');
    h.clock.set(`${objectionsUntil}T18:00:00Z`);
    const { id: objectionId } = objection.json<{ id: string }>();
    expect(
      (
        await api('POST', `/api/v1/projects/${projectId}/objections/${objectionId}/answer`, {
          text: '经核实，其他机构不具备资质',
        })
      ).statusCode,
    ).toBeLessThan(300);
    const tooHigh = await api('POST', `/api/v1/projects/${projectId}/award`, {
      priceFen: 9_000_001,
      text: '经协商',
    });
    expect(tooHigh.json<ErrorBody>().error.details[0]!.field).toBe('priceFen');
    const award = await api('POST', `/api/v1/projects/${projectId}/award`, {
      priceFen: 8_800_000,
      text: '经协商，价格下调',
    });
    expect(award.statusCode, award.body).toBe(201);
    const view = (await api('GET', `/api/v1/projects/${projectId}`, undefined, null)).json<{
      status: string;
      timeline: { kind: string }[];
    }>();
    expect(view.status).toBe('awarded');
    expect(view.timeline.map((t) => t.kind)).toEqual(['singleSource', 'opening', 'award']);
  });

  it('works through the pages: bid form, refusals next to their fields, the receipt, withdrawal, opened bids, restart', async () => {
    const projectId = await openProject();
    const p = await provider('西城区页面测试养老服务中心');
    h.clock.set('2026-10-20T02:00:00Z');
    const agent = h.agent();
    await agent.logIn(p.login, p.password);
    const project = await agent.get(`/procurement/projects/${projectId}`);
    expect(project.body).toContain(`/procurement/projects/${projectId}/bid`);
    const form = await agent.get(`/procurement/projects/${projectId}/bid`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('北京时间 2026-10-30 00:00');
    const csrfFrom = `/procurement/projects/${projectId}/bid`;
    const pdf = PDF('page');
    // Over budget and a disguised file: both named, next to the fields they concern, nothing written.
    const refused = await agent.postMultipart(
      `/procurement/projects/${projectId}/bid`,
      { price1: '100,001', statement: '方案' },
      [
        { name: 'file1', filename: '方案.pdf', content: pdf, contentType: 'application/pdf' },
        { name: 'file2', filename: '假.pdf', content: 'MZ', contentType: 'application/pdf' },
      ],
      { csrfFrom },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#field-price1"');
    expect(refused.body).toContain('href="#field-file2"');
    expect(refused.body).toContain('第六十三条');
    const sealed = await agent.postMultipart(
      `/procurement/projects/${projectId}/bid`,
      { price1: '95,000.50', price2: '', statement: '每周上门两次' },
      [{ name: 'file1', filename: '方案.pdf', content: pdf, contentType: 'application/pdf' }],
      { csrfFrom },
    );
    expect(sealed.statusCode, sealed.body.slice(0, 2000)).toBe(201);
    expect(sealed.body).toContain('下载回执');
    const receipt = JSON.parse(
      Buffer.from(/href="data:application\/json;base64,([^"]+)"/.exec(sealed.body)![1]!, 'base64').toString(),
    ) as BidReceipt;
    expect(receipt.content.lots).toEqual([{ number: 1, priceFen: 9_500_050 }]);
    expect(receipt.content.files.map((f) => f.name)).toEqual(['方案.pdf']);
    // The form now offers to replace it; the list shows it; withdrawing works.
    expect((await agent.get(csrfFrom)).body).toContain('name="replaces"');
    const mine = await agent.get('/procurement/bids/mine');
    expect(mine.body).toContain(receipt.commitment.slice(0, 16));
    const withdrawn = await agent.postForm(
      `/procurement/bids/${receipt.bidId}/withdraw`,
      {},
      { csrfFrom: '/procurement/bids/mine' },
    );
    expect(withdrawn.statusCode).toBe(303);
    expect((await agent.get('/procurement/bids/mine')).body).toContain('已撤回');
    // After the deadline (no bids): the department sees the failure and opens a new procurement.
    h.clock.set('2026-10-30T00:00:00Z');
    await h.platform.scheduler.tick();
    const staffAgent = h.agent();
    await staffAgent.logIn(staff.login, staff.password);
    const opened = await staffAgent.get(`/procurement/projects/${projectId}/bids`);
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('截止时没有收到响应文件');
    const badRestart = await staffAgent.postForm(
      `/procurement/projects/${projectId}/restart`,
      { path: 'changeMethod', method: 'competitiveConsultation', approvalReference: '' },
      { csrfFrom: `/procurement/projects/${projectId}/bids` },
    );
    expect(badRestart.statusCode).toBe(422);
    expect(badRestart.body).toContain('href="#field-restart-approvalReference"');
    const restarted = await staffAgent.postForm(
      `/procurement/projects/${projectId}/restart`,
      { path: 'changeMethod', method: 'competitiveConsultation', approvalReference: '京财采〔2026〕12号' },
      { csrfFrom: `/procurement/projects/${projectId}/bids` },
    );
    expect(restarted.statusCode).toBe(303);
    const next = restarted.headers.location!.split('/').at(-1)!;
    const again = await api('POST', `/api/v1/projects/${projectId}/restart`, { path: 'retender' });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('already_restarted');
    const view = (await api('GET', `/api/v1/projects/${next}`)).json<{
      method: string;
      followsProjectId: string;
      lots: unknown[];
    }>();
    expect(view).toMatchObject({ method: 'competitiveConsultation', followsProjectId: projectId });
    expect(view.lots).toHaveLength(2);
    // Its notice publishes the basis: which project it follows, the way forward, the approval.
    h.clock.set('2026-11-02T02:00:00Z');
    const notice = await api('POST', `/api/v1/projects/${next}/notice`, {
      deadline: '2026-11-16',
      text: '重新采购',
    });
    expect(notice.statusCode, notice.body).toBe(201);
    const record = (
      await api('GET', `/api/v1/records/${notice.json<{ recordId: string }>().recordId}`, undefined, null)
    ).json<{
      content: { follows: { followsProjectId: string; approvalReference: string; source: string } };
    }>();
    expect(record.content.follows).toMatchObject({
      followsProjectId: projectId,
      approvalReference: '京财采〔2026〕12号',
    });
    expect(record.content.follows.source).toContain('第四十三条');
  });

  it('discards the sealed bids of a terminated procurement, and refuses to open under another bid key', async () => {
    const projectId = await openProject();
    const p = await provider('丰台区终止测试服务中心');
    h.clock.set('2026-10-20T02:00:00Z');
    const receipt = (await bid(projectId, p)).json<BidReceipt>();
    const terminated = await api('POST', `/api/v1/projects/${projectId}/termination`, {
      text: '预算调整，终止采购',
    });
    expect(terminated.statusCode, terminated.body).toBe(201);
    const record = (
      await api('GET', `/api/v1/records/${terminated.json<{ recordId: string }>().recordId}`, undefined, null)
    ).json<{ content: { discarded: { commitment: string }[] } }>();
    expect(record.content.discarded).toEqual([expect.objectContaining({ commitment: receipt.commitment })]);
    const rows = await h.run(async (ctx) => ({
      bid: await ctx.trx
        .selectFrom('bids')
        .select('status')
        .where('id', '=', receipt.bidId)
        .executeTakeFirstOrThrow(),
      parts: await ctx.trx
        .selectFrom('bid_parts')
        .select('name')
        .where('bid_id', '=', receipt.bidId)
        .execute(),
    }));
    expect(rows).toEqual({ bid: { status: 'discarded' }, parts: [] });

    // A node holding another key-encryption key does not open (the task is retried elsewhere).
    const other = await openProject();
    h.clock.set('2026-10-20T02:00:00Z');
    await bid(other, p);
    h.clock.set('2026-10-30T00:00:00Z');
    const elsewhere = await h.run((ctx) => openBids(ctx, other, randomBytes(32)));
    expect(elsewhere.nextCheckAt?.toISOString()).toBe('2026-10-30T00:10:00.000Z');
    expect((await api('GET', `/api/v1/projects/${other}`)).json<{ status: string }>().status).toBe('open');
    await h.platform.scheduler.tick();
    // The platform's own key opens it (one response: the tender then fails for too few).
    const opened = (await api('GET', `/api/v1/projects/${other}/bids`)).json<{ verification: string }[]>();
    expect(opened.map((x) => x.verification)).toEqual(['verified']);
  });

  it('invited tender: at least three invited suppliers (GPL Art 34), and only they may respond', async () => {
    h.clock.set('2026-10-09T02:00:00Z');
    const created = await api('POST', '/api/v1/projects', {
      intentionId,
      title: '邀请招标测试项目',
      method: 'invitedTender',
      lots: [{ title: '全区', budgetFen: 10_000_000 }],
    });
    const projectId = created.json<{ id: string }>().id;
    const [x, y, z, outsider] = await Promise.all([
      provider('东城区受邀一号'),
      provider('东城区受邀二号'),
      provider('东城区受邀三号'),
      provider('东城区未受邀'),
    ]);
    const notice = () =>
      api('POST', `/api/v1/projects/${projectId}/notice`, { deadline: '2026-10-29', text: '邀请招标' });
    const none = await notice();
    expect(none.statusCode).toBe(422);
    expect(none.json<ErrorBody>().error.details[0]).toEqual({
      field: 'suppliers',
      message: '邀请招标至少邀请 3 家供应商（《政府采购法》第三十四条）。',
    });
    const two = await api('PUT', `/api/v1/projects/${projectId}/invitations`, {
      suppliers: [x.uscc, y.uscc],
      basis: '采购人和评审专家书面推荐',
    });
    expect(two.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['suppliers']);
    // Through the page: the refusal next to the field, then the list saved.
    const staffAgent = h.agent();
    await staffAgent.logIn(staff.login, staff.password);
    const refused = await staffAgent.postForm(
      `/procurement/projects/${projectId}/invitations`,
      { suppliers: `${x.uscc}\n${x.uscc}\n${y.uscc}`, basis: '书面推荐' },
      { csrfFrom: `/procurement/projects/${projectId}` },
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('href="#field-invite-suppliers"');
    const saved = await staffAgent.postForm(
      `/procurement/projects/${projectId}/invitations`,
      {
        suppliers: `${x.uscc}\n${y.uscc}\n${z.uscc}`,
        basis: '采购人和评审专家书面推荐（朝民采推〔2026〕3号）',
      },
      { csrfFrom: `/procurement/projects/${projectId}` },
    );
    expect(saved.statusCode).toBe(303);
    const published = await notice();
    expect(published.statusCode, published.body).toBe(201);
    const record = (
      await api('GET', `/api/v1/records/${published.json<{ recordId: string }>().recordId}`, undefined, null)
    ).json<{ content: { invitations: { count: number; basis: string } } }>();
    expect(record.content.invitations).toMatchObject({
      count: 3,
      basis: '采购人和评审专家书面推荐（朝民采推〔2026〕3号）',
    });
    // Who is invited is not public before the opening.
    expect(JSON.stringify(record)).not.toContain(x.uscc);
    h.clock.set('2026-10-20T02:00:00Z');
    const refusedBid = await bid(projectId, outsider);
    expect(refusedBid.statusCode).toBe(403);
    expect(refusedBid.json<ErrorBody>().error.message).toBe('邀请招标只接受受邀供应商的响应文件。');
    expect((await bid(projectId, x)).statusCode).toBe(201);
    const invitedAgent = h.agent();
    await invitedAgent.logIn(y.login, y.password);
    expect((await invitedAgent.get('/procurement/opportunities')).body).toContain(
      `/procurement/projects/${projectId}`,
    );
    expect((await invitedAgent.get('/inbox')).body).toContain('邀请招标测试项目');
    const outsiderAgent = h.agent();
    await outsiderAgent.logIn(outsider.login, outsider.password);
    expect((await outsiderAgent.get('/procurement/opportunities')).body).not.toContain(
      `/procurement/projects/${projectId}`,
    );
    expect((await outsiderAgent.get(`/procurement/projects/${projectId}/bid`)).body).toContain(
      '邀请招标只接受受邀供应商的响应文件。',
    );
  });
});
