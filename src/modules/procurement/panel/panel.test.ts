// The panel draw (issue 13 §2; docs/draw.md), over the HTTP API on both databases, told as two open
// tenders from their notice to the reveal: the seed committed before the deadline and refused after it;
// the draw after the opening, deterministic from the seed and the bid commitments (GPR Art 39); experts
// tied to a bidder within three years excluded (GPR Art 9); a decline and a granted recusal (GPR Art 9
// ¶2) invite the next expert in the order; too few experts is a 422 naming the rule; nothing of the panel
// leaks through any route before the reveal; the published record recomputes with the standalone tool
// (tools/draw-verifier) and `gongshi verify-draw`, and a changed seed, candidate list or beacon does not.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import {
  biddingHelpers,
  startBiddingSuite,
  type BiddingSuite,
  type Provider,
} from '../bids/bids.fixtures.js';
import { revealDraw } from './reveal-draw.js';
import { verifyDrawRecord } from './verify-draw.js';
import { declareTie, registerExpert, type Expert } from './panel.fixtures.js';

const TOOL = join(import.meta.dirname, '../../../../tools/draw-verifier/verify-draw.mjs');

interface Member {
  id: string;
  expertId: string;
  name: string;
  position: number;
  status: string;
}

describeEachDatabase('the panel draw', (db) => {
  let suite: BiddingSuite;
  let h: Harness;
  let finance: TestUser;
  const { api, provider, openProject, bid } = biddingHelpers(() => suite);
  const experts: Expert[] = [];
  let a: Provider, b: Provider, c: Provider, outsider: Provider;
  let projectId: string;
  let small: string;
  let late: string;
  let seed: string;
  let dir: string;

  beforeAll(async () => {
    suite = await startBiddingSuite(db());
    ({ h, finance } = suite);
    dir = mkdtempSync(join(tmpdir(), 'gongshi-draw-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await h.close();
  });

  const panel = async (id = projectId) => {
    const res = await api('GET', `/api/v1/projects/${id}/panel`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ panel: { status: string; id: string }; members: Member[] }>();
  };
  const expertOf = (m: Member) => experts.find((e) => e.expertId === m.expertId)!;
  const answer = (m: Member, body: Record<string, unknown>, who: TestUser = expertOf(m)) =>
    api('POST', `/api/v1/panel/invitations/${m.id}/answer`, body, who);

  it('registers the pool: experts of the role expert, with specialties and ties', async () => {
    [a, b, c, outsider] = await Promise.all([
      provider('朝阳区甲养老服务中心'),
      provider('朝阳区乙社会工作事务所'),
      provider('朝阳区丙社区服务中心'),
      provider('朝阳区丁志愿服务协会'),
    ]);
    h.clock.set('2026-10-09T01:00:00Z');
    for (const name of ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九'])
      experts.push(await registerExpert(h, finance, name));
    experts.push(await registerExpert(h, finance, '陈十', ['governance']));
    // A user without the role, and a second registration of the same user, are refused.
    const plain = await h.user(null);
    const refused = await api(
      'POST',
      '/api/v1/experts',
      { userId: plain.id, name: 'x', employer: 'y', specialties: ['livelihood'] },
      finance,
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json<ErrorBody>().error.details[0]!.field).toBe('userId');
    const twice = await api(
      'POST',
      '/api/v1/experts',
      { userId: experts[0]!.id, name: 'x', employer: 'y', specialties: ['livelihood'] },
      finance,
    );
    expect(twice.statusCode).toBe(409);
    // GPR Art 9: employment within 3 years counts; one that ended 4 years ago does not; family always.
    await declareTie(h, experts[0]!, a.orgId, 'employment', '2024-06-30');
    await declareTie(h, experts[1]!, b.orgId, 'boardSeat', '2022-06-30');
    await declareTie(h, experts[2]!, c.orgId, 'closeFamily');
    // An expert declares only their own ties.
    const foreign = await api(
      'POST',
      `/api/v1/experts/${experts[3]!.expertId}/ties`,
      { organizationId: a.orgId, kind: 'other' },
      experts[4],
    );
    expect(foreign.statusCode).toBe(403);
    // The same through the page's form (no JavaScript): empty dates are no dates.
    const agent = h.agent();
    await agent.logIn(experts[9]!.login, experts[9]!.password);
    const form = await agent.postForm(`/experts/${experts[9]!.expertId}/ties`, {
      organizationId: outsider.orgId,
      kind: 'other',
      startedOn: '',
      endedOn: '',
      note: '曾为该机构提供咨询',
    });
    expect(form.statusCode, form.body).toBe(303);
    const page = await agent.get('/experts/me');
    expect(page.body).toContain('朝阳区丁志愿服务协会');
    const badDate = await agent.postForm(`/experts/${experts[9]!.expertId}/availability`, {
      unavailableUntil: '2026-13-40',
    });
    expect(badDate.statusCode).toBe(422);
    expect(badDate.body).toContain('field-availability-unavailableUntil');
    const view = await api('GET', '/api/v1/experts/me', undefined, experts[0]);
    expect(view.json<{ ties: { kind: string }[] }>().ties.map((t) => t.kind)).toEqual(['employment']);
  });

  it('commits the seed before the deadline, publishing only its SHA-256; refuses it after', async () => {
    projectId = await openProject();
    small = await openProject();
    late = await openProject();
    h.clock.set('2026-10-10T02:00:00Z');
    const committed = await api('POST', `/api/v1/projects/${projectId}/panel/seed`);
    expect(committed.statusCode, committed.body).toBe(201);
    const c1 = committed.json<{
      seedCommitment: string;
      recordId: string;
      size: number;
      expertSeats: number;
    }>();
    // 87号令 第四十七条: at least 5, odd; experts at least two thirds.
    expect([c1.size, c1.expertSeats]).toEqual([5, 4]);
    expect((await api('POST', `/api/v1/projects/${projectId}/panel/seed`)).json<ErrorBody>().error.code).toBe(
      'seed_committed',
    );
    expect((await api('POST', `/api/v1/projects/${small}/panel/seed`)).statusCode).toBe(201);
    // Not the purchaser's project: refused.
    expect((await api('POST', `/api/v1/projects/${late}/panel/seed`, undefined, a)).statusCode).toBe(403);
    const record = await api('GET', `/api/v1/records/${c1.recordId}`, undefined, null);
    expect(record.json<{ kind: string; content: { seedCommitment: string } }>().content.seedCommitment).toBe(
      c1.seedCommitment,
    );

    h.clock.set('2026-10-20T02:00:00Z');
    for (const p of [a, b, c]) {
      expect((await bid(projectId, p)).statusCode).toBe(201);
      expect((await bid(small, p)).statusCode).toBe(201);
    }
    // Drawing before the opening is refused: the bids are not fixed yet.
    const early = await api('POST', `/api/v1/projects/${projectId}/panel/draw`);
    expect(early.statusCode).toBe(409);

    // After the deadline day, a commitment comes too late (the bids, hence the beacon, are fixed).
    h.clock.set('2026-10-29T16:00:01Z');
    const tooLate = await api('POST', `/api/v1/projects/${late}/panel/seed`);
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json<ErrorBody>().error.code).toBe('deadline_passed');
    h.clock.set('2026-10-29T16:00:05Z');
    expect(await h.platform.scheduler.tick()).toBeGreaterThan(0);
    expect((await api('GET', `/api/v1/projects/${projectId}`)).json<{ status: string }>().status).toBe(
      'opened',
    );
  });

  it('draws after the opening: tied experts excluded, the first seats invited, once', async () => {
    h.clock.set('2026-10-30T02:00:00Z');
    const drawn = await api('POST', `/api/v1/projects/${projectId}/panel/draw`);
    expect(drawn.statusCode, drawn.body).toBe(201);
    // Nine livelihood experts; 赵一 (employment, 2024) and 孙三 (family) excluded; 钱二's seat ended in 2022.
    expect(drawn.json()).toMatchObject({ invited: 4, candidates: 9, excluded: 2 });
    const again = await api('POST', `/api/v1/projects/${projectId}/panel/draw`);
    expect(again.statusCode).toBe(409);
    const { members } = await panel();
    expect(members.map((m) => m.position)).toEqual([1, 2, 3, 4]);
    expect(members.every((m) => m.status === 'invited')).toBe(true);
    const ids = members.map((m) => m.expertId);
    expect(ids).not.toContain(experts[0]!.expertId);
    expect(ids).not.toContain(experts[2]!.expertId);
    expect(ids).not.toContain(experts[9]!.expertId);
    seed = (
      await h.platform.db.kysely
        .selectFrom('evaluation_panels')
        .select('seed')
        .where('project_id', '=', projectId)
        .executeTakeFirstOrThrow()
    ).seed;
  });

  it('refuses a draw from too few experts with a 422 naming GPR Art 39', async () => {
    // Four of the seven eligible become unavailable: three remain for four seats.
    for (const e of [experts[3]!, experts[4]!, experts[5]!, experts[6]!]) {
      const res = await api(
        'PUT',
        `/api/v1/experts/${e.expertId}/availability`,
        { unavailableUntil: '2026-11-30' },
        e,
      );
      expect(res.statusCode, res.body).toBe(204);
    }
    const res = await api('POST', `/api/v1/projects/${small}/panel/draw`);
    expect(res.statusCode).toBe(422);
    expect(res.json<ErrorBody>().error.code).toBe('too_few_experts');
    expect(res.json<ErrorBody>().error.message).toContain('第三十九条');
    for (const e of [experts[3]!, experts[4]!, experts[5]!, experts[6]!])
      await api('PUT', `/api/v1/experts/${e.expertId}/availability`, { unavailableUntil: null }, e);
  });

  it('lets no one but the purchaser’s staff and the panel see the panel or the seed before the reveal', async () => {
    const { members } = await panel();
    const drawn = members.map(expertOf);
    const title = '望京街道居家养老上门服务';
    const notDrawn = experts.find((e) => !drawn.includes(e))!;
    const personas: (TestUser | null)[] = [
      null,
      a,
      outsider,
      finance,
      suite.civil,
      notDrawn,
      await h.user('purchaserStaff'),
      await h.user('auditor'),
      await h.user('agency'),
    ];
    const routes = h.app.routeTable.filter((r) => r.method === 'GET');
    const problems: string[] = [];
    for (const who of personas) {
      const agent = h.agent();
      if (who) await agent.logIn(who.login, who.password);
      for (const r of routes) {
        const id =
          r.url.startsWith('/experts/') || r.url.startsWith('/api/v1/experts/')
            ? drawn[0]!.expertId
            : r.url.includes('invitations')
              ? members[0]!.id
              : projectId;
        const url = r.url
          .replace(':id', id)
          .replace(/:[A-Za-z]+/g, '00000000-0000-7000-8000-000000000000')
          .replace('*', 'app.css');
        const res = url.startsWith('/api/')
          ? await h.app.inject({
              method: 'GET',
              url,
              ...(who ? { headers: { authorization: `Bearer ${who.token}` } } : {}),
            })
          : await agent.get(url);
        const body = res.body;
        if (body.includes(seed)) problems.push(`${url} as ${who?.role ?? 'anonymous'}: the seed`);
        if (members.some((m) => body.includes(m.id)))
          problems.push(`${url} as ${who?.role ?? 'anonymous'}: a member id`);
        const aboutProject = body.includes(projectId) || body.includes(title);
        if (aboutProject && drawn.some((e) => body.includes(e.expertId) || body.includes(e.expertName)))
          problems.push(`${url} as ${who?.role ?? 'anonymous'}: a drawn expert with the project`);
      }
    }
    expect(problems).toEqual([]);
    // The panel itself sees its invitation; the purchaser's staff see the panel.
    const mine = await api('GET', '/api/v1/panel/invitations', undefined, drawn[0]);
    expect(mine.json<{ items: { project: { id: string } }[] }>().items[0]!.project.id).toBe(projectId);
  }, 300_000);

  it('seats the panel: a confirmation needs the no-conflict declaration; a decline invites the next in order', async () => {
    let { members } = await panel();
    const [m1, m2, m3, m4] = members as [Member, Member, Member, Member];
    // Someone else's invitation does not exist for this expert.
    expect(
      (await answer(m1, { answer: 'confirm', noConflict: true, declaration: '无' }, expertOf(m2))).statusCode,
    ).toBe(404);
    const bare = await answer(m1, { answer: 'confirm', declaration: '无' });
    expect(bare.statusCode).toBe(422);
    expect(bare.json<ErrorBody>().error.details[0]!.field).toBe('noConflict');
    expect(bare.json<ErrorBody>().error.details[0]!.message).toContain('第九条');
    for (const m of [m1, m3, m4])
      expect(
        (await answer(m, { answer: 'confirm', noConflict: true, declaration: '本人与各投标人无利害关系' }))
          .statusCode,
      ).toBe(200);
    const declined = await answer(m2, { answer: 'decline', declaration: '出差' });
    expect(declined.json()).toMatchObject({ status: 'declined', panelSeated: false });
    expect((await answer(m2, { answer: 'confirm', noConflict: true, declaration: 'x' })).statusCode).toBe(
      409,
    );
    ({ members } = await panel());
    const m5 = members.find((m) => m.position === 5)!;
    expect(m5.status).toBe('invited');
    expect([m1, m2, m3, m4].map((m) => m.expertId)).not.toContain(m5.expertId);
    const seated = await answer(m5, { answer: 'confirm', noConflict: true, declaration: '无利害关系' });
    expect(seated.json()).toMatchObject({ status: 'confirmed', panelSeated: true });
    expect((await panel()).panel.status).toBe('seated');
  });

  it('takes a bidder’s recusal request without telling it who sits; the purchaser’s grant invites the next', async () => {
    const bad = await api(
      'POST',
      `/api/v1/projects/${projectId}/panel/recusals`,
      { organizationId: outsider.orgId, named: '钱二', reasons: '理由' },
      outsider,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json<ErrorBody>().error.details[0]!.field).toBe('organizationId');
    const asked = await api(
      'POST',
      `/api/v1/projects/${projectId}/panel/recusals`,
      { organizationId: a.orgId, named: '某高校专家', reasons: '与乙社会工作事务所负责人系亲属' },
      a,
    );
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = asked.json<{ id: string }>().id;
    const { members } = await panel();
    const target = members.find((m) => m.status === 'confirmed')!;
    const noMember = await api('POST', `/api/v1/projects/${projectId}/panel/recusals/${requestId}/decision`, {
      grant: true,
      note: '核实属实',
    });
    expect(noMember.json<ErrorBody>().error.details[0]!.field).toBe('memberId');
    const granted = await api('POST', `/api/v1/projects/${projectId}/panel/recusals/${requestId}/decision`, {
      grant: true,
      memberId: target.id,
      note: '核实属实',
    });
    expect(granted.json()).toMatchObject({ decision: 'granted', replacementInvited: true });
    expect(
      (
        await api('POST', `/api/v1/projects/${projectId}/panel/recusals/${requestId}/decision`, {
          grant: false,
          note: 'x',
        })
      ).statusCode,
    ).toBe(409);
    const after = await panel();
    expect(after.panel.status).toBe('drawing');
    expect(after.members.find((m) => m.id === target.id)!.status).toBe('recused');
    const m6 = after.members.find((m) => m.position === 6)!;
    // The bidder sees the decision, not the member.
    const mine = await api('GET', `/api/v1/projects/${projectId}/panel/recusals`, undefined, a);
    expect(mine.json<{ items: { decision: string }[] }>().items[0]!.decision).toBe('granted');
    expect(mine.body).not.toContain(target.expertId);
    expect(mine.body).not.toContain(expertOf(target).expertName);
    expect(
      (await answer(m6, { answer: 'confirm', noConflict: true, declaration: '无' })).json(),
    ).toMatchObject({ panelSeated: true });
  });

  it('reveals the draw; an outsider’s script, the CLI and the page recompute the same panel', async () => {
    h.clock.set('2026-11-05T02:00:00Z');
    const { recordId } = await h.run((ctx) => revealDraw(ctx, projectId));
    const record = await api('GET', `/api/v1/records/${recordId}`, undefined, null);
    expect(record.statusCode).toBe(200);
    const published = record.json<{
      kind: string;
      content: Record<string, unknown> & { panel: { name: string }[]; seed: string };
    }>();
    expect(published.kind).toBe('panelDraw');
    expect(published.content.seed).toBe(seed);
    const { members } = await panel();
    expect(published.content.panel.map((p) => p.name)).toEqual(
      members.filter((m) => m.status === 'confirmed').map((m) => m.name),
    );
    const file = join(dir, 'draw.json');
    writeFileSync(file, record.body);
    const run = (path: string) => spawnSync(process.execPath, [TOOL, path], { encoding: 'utf8' });
    const ok = run(file);
    expect(ok.status, ok.stdout + ok.stderr).toBe(0);
    for (const p of published.content.panel) expect(ok.stdout).toContain(p.name);
    expect((await verifyDrawRecord(file)).ok).toBe(true);

    // A changed seed fails its commitment; a changed seed with its own commitment, a candidate fewer, or
    // another beacon give another order.
    const tampered = (change: (c: Record<string, unknown>) => void) => {
      const c = structuredClone(published.content);
      change(c);
      const path = join(dir, `t-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(path, JSON.stringify({ ...published, content: c }));
      return run(path);
    };
    const flipped = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1);
    expect(tampered((c) => (c.seed = flipped(seed))).stdout).toContain('SHA-256(seed)');
    const otherSeed = tampered((c) => {
      c.seed = flipped(seed);
      c.seedCommitment = createHash('sha256')
        .update(Buffer.from(c.seed as string, 'hex'))
        .digest('hex');
    });
    expect(otherSeed.status).toBe(1);
    expect(otherSeed.stdout).toContain('order');
    // One drawn expert fewer among the candidates (an excluded one fewer would change nothing).
    const fewer = tampered(
      (c) => (c.candidates = (c.candidates as string[]).filter((x) => x !== (c.order as string[])[0])),
    );
    expect(fewer.status).toBe(1);
    const beacon = tampered((c) => {
      const inputs = c.beaconInputs as { commitment: string }[];
      inputs[0]!.commitment = flipped(inputs[0]!.commitment);
    });
    expect(beacon.stdout).toContain('beacon');

    // The public page recomputes it too; the API says so; the panel is now public.
    const page = await h.agent().get(`/procurement/projects/${projectId}/draw`);
    expect(page.body).toContain('复算结果一致');
    const view = (await api('GET', `/api/v1/projects/${projectId}/draw`, undefined, null)).json<{
      rounds: { reveal: { problems: string[] } }[];
    }>();
    expect(view.rounds[0]!.reveal.problems).toEqual([]);
    // Revealed twice: the same record.
    expect((await h.run((ctx) => revealDraw(ctx, projectId))).recordId).toBe(recordId);
  });
});
