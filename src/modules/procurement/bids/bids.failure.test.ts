// Sealed bids when a tender does not proceed, over the HTTP API on both databases: failure with too few
// responses and the ways forward the law gives (GPL Art 36, 37), a tampered bid and an unconfirmed
// consortium refused at the opening (GPR Art 22), the bidder's pages from the form to withdrawal and the
// department's restart, the sealed bids of a terminated procurement discarded, and no opening under
// another node's bid key. Shared set-up: bids.fixtures.ts.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import { openBids } from '../opening/open-bids.js';
import { biddingHelpers, PDF, startBiddingSuite, type BiddingSuite } from './bids.fixtures.js';
import type { BidReceipt } from './submit-bid.js';

describeEachDatabase('sealed bids and the opening', (db) => {
  let suite: BiddingSuite;
  let h: Harness;
  let staff: TestUser;
  const { api, provider, openProject, bid } = biddingHelpers(() => suite);

  beforeAll(async () => {
    suite = await startBiddingSuite(db());
    ({ h, staff } = suite);
  });
  afterAll(() => h.close());

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
    const refused = await api(
      'POST',
      `/api/v1/bids/${named.json<BidReceipt>().bidId}/confirmation`,
      { creditCommitment: true },
      p,
    );
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
    expect(refused.body).toContain('href="#field-creditCommitment"');
    const sealed = await agent.postMultipart(
      `/procurement/projects/${projectId}/bid`,
      { price1: '95,000.50', price2: '', statement: '每周上门两次', creditCommitment: 'true' },
      [{ name: 'file1', filename: '方案.pdf', content: pdf, contentType: 'application/pdf' }],
      { csrfFrom },
    );
    // Post, redirect, get (issue 13 §6): the receipt has its own address, and opens again on reload.
    expect(sealed.statusCode, sealed.body.slice(0, 2000)).toBe(303);
    const receiptUrl = sealed.headers.location as string;
    expect(receiptUrl).toMatch(/^\/procurement\/bids\/[^/]+\/receipt$/);
    const receiptCookie = sealed.cookies.find((c) => c.name === 'gongshi_receipt')!;
    expect(receiptCookie).toMatchObject({ path: receiptUrl, httpOnly: true, sameSite: 'Strict' });
    expect(receiptCookie.expires?.toISOString()).toBe('2026-10-29T16:00:00.000Z');
    const shown = await agent.get(receiptUrl);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers['cache-control']).toBe('no-store');
    expect(shown.body).toContain('下载回执');
    const download = /href="data:application\/json;base64,([^"]+)"/.exec(shown.body)![1]!;
    expect((await agent.get(receiptUrl)).body).toContain(download);
    const receipt = JSON.parse(Buffer.from(download, 'base64').toString()) as BidReceipt;
    // The database holds the receipt only boxed: no price, statement or salt in clear.
    const box = await h.platform.runtime.db.kysely
      .selectFrom('bid_receipt_boxes')
      .selectAll()
      .where('bid_id', '=', receipt.bidId)
      .executeTakeFirstOrThrow();
    const stored = Buffer.from(box.box);
    for (const secret of ['每周上门两次', receipt.salt, '9500050'])
      expect(stored.includes(Buffer.from(secret))).toBe(false);
    // Another browser of the same member, or a wrong key: explained, not shown; a stranger: not found.
    const otherBrowser = h.agent();
    await otherBrowser.logIn(p.login, p.password);
    const locked = await otherBrowser.get(receiptUrl);
    expect(locked.statusCode).toBe(200);
    expect(locked.body).toContain('回执只能在提交时使用的浏览器中打开');
    expect(locked.body).not.toContain(receipt.salt);
    const forged = await otherBrowser.request({
      method: 'GET',
      url: receiptUrl,
      cookies: { gongshi_receipt: receiptCookie.value.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) },
    });
    expect(forged.body).toContain('回执只能在提交时使用的浏览器中打开');
    const other = await provider('西城区旁观者社会工作服务中心');
    const stranger = h.agent();
    await stranger.logIn(other.login, other.password);
    const hidden = await stranger.request({
      method: 'GET',
      url: receiptUrl,
      cookies: { gongshi_receipt: receiptCookie.value },
    });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain(receipt.commitment);
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
    // A withdrawn bid's receipt box is deleted with its ciphertext: the page says so.
    const gone = await agent.get(receiptUrl);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('回执已不再保存');
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
});
