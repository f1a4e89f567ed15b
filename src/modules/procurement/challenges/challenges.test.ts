// Inquiries and challenges over the HTTP API on both databases (issue 13 §5): periods counted on working
// days across the National Day arrangement (hand-checked below, with the article each checks), a late
// challenge refused naming GPL Art 52 with nothing written, who may ask, challenge and answer, published
// answers, the signing suspended while a challenge may change the result (GPR Art 54), and the complaint
// window (GPL Art 55). Shared set-up: bids.fixtures.ts and challenges.fixtures.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../testing/databases.js';
import type { ErrorBody } from '../../../testing/http.js';
import type { Harness, TestUser } from '../../../testing/harness.js';
import { biddingHelpers, startBiddingSuite, type BiddingSuite } from '../bids/bids.fixtures.js';
import { awardedSingleSource, PDF } from './challenges.fixtures.js';

interface Questions {
  inquiries: { id: string; status: string; dueOn: string; answer: string | null; recordId: string | null }[];
  challenges: { id: string; status: string; dueOn: string; affectsResult: boolean }[];
  signing: { suspended: boolean; source: string; challenges: { id: string; reason: string }[] };
}

describeEachDatabase('inquiries and challenges', (db) => {
  let suite: BiddingSuite;
  let h: Harness;
  let staff: TestUser;
  let finance: TestUser;
  let otherStaff: TestUser;
  const { api, provider, openProject } = biddingHelpers(() => suite);

  beforeAll(async () => {
    suite = await startBiddingSuite(db());
    ({ h, staff, finance } = suite);
    otherStaff = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  const questions = async (id: string) =>
    (await api('GET', `/api/v1/projects/${id}/questions`, undefined, null)).json<Questions>();
  const record = async (id: string) =>
    (await api('GET', `/api/v1/records/${id}`, undefined, null)).json<{
      kind: string;
      content: Record<string, unknown>;
    }>();

  describe('inquiries', () => {
    it('anyone signed in asks; the department answers within 3 working days (GPR Art 52), published', async () => {
      const asker = await provider('朝阳区询问测试服务中心');
      const projectId = await openProject(); // the notice on Friday 2026-10-09
      const ask = (user: TestUser | null) =>
        api(
          'POST',
          `/api/v1/projects/${projectId}/inquiries`,
          { question: '服务对象是否包括失能老人？' },
          user,
        );
      expect((await ask(null)).statusCode).toBe(401);
      const asked = await api(
        'POST',
        `/api/v1/projects/${projectId}/inquiries`,
        { question: '服务对象是否包括失能老人？', organizationId: asker.orgId },
        asker,
      );
      expect(asked.statusCode, asked.body).toBe(201);
      // Friday 2026-10-09 + 3 working days: Saturday 10-10 is worked (调休 after National Day), then 10-12, 10-13.
      expect(asked.json()).toMatchObject({ dueOn: '2026-10-13' });
      const notMine = await api(
        'POST',
        `/api/v1/projects/${projectId}/inquiries`,
        { question: '？', organizationId: staff.organizationId },
        asker,
      );
      expect(notMine.json<ErrorBody>().error.details[0]!.field).toBe('organizationId');
      const { id } = asked.json<{ id: string }>();
      const answer = (user: TestUser) =>
        api(
          'POST',
          `/api/v1/projects/${projectId}/inquiries/${id}/answer`,
          { answer: '包括，详见采购需求第二节。' },
          user,
        );
      expect((await answer(asker)).statusCode).toBe(403);
      expect((await answer(otherStaff)).statusCode).toBe(403);
      expect(
        (await api('POST', `/api/v1/projects/${projectId}/inquiries/${id}/answer`, { answer: '' }))
          .statusCode,
      ).toBe(422);
      const answered = await answer(staff);
      expect(answered.statusCode, answered.body).toBe(200);
      expect((await answer(staff)).json<ErrorBody>().error.code).toBe('inquiry_answered');
      const published = await record(answered.json<{ recordId: string }>().recordId);
      expect(published.kind).toBe('inquiryAnswer');
      expect(published.content).toMatchObject({
        question: '服务对象是否包括失能老人？',
        answer: '包括，详见采购需求第二节。',
        dueOn: '2026-10-13',
        late: false,
      });
      expect(JSON.stringify(published.content)).not.toContain(asker.name);
      const listed = await questions(projectId);
      expect(listed.inquiries).toMatchObject([
        { id, status: 'answered', answer: '包括，详见采购需求第二节。' },
      ]);
      // The asker's organization hears of it.
      const agent = h.agent();
      await agent.logIn(asker.login, asker.password);
      expect((await agent.get('/inbox')).body).toContain('询问已经答复');
    });
  });

  describe('overdue answers', () => {
    it('an inquiry unanswered after 3 working days is flagged to the finance bureau (GPR Art 52)', async () => {
      const asker = await provider('朝阳区逾期询问服务中心');
      const projectId = await openProject(); // Friday 2026-10-09
      const asked = await api(
        'POST',
        `/api/v1/projects/${projectId}/inquiries`,
        { question: '逾期未答复的询问' },
        asker,
      );
      expect(asked.json()).toMatchObject({ dueOn: '2026-10-13' });
      const inbox = async () => {
        const agent = h.agent();
        await agent.logIn(finance.login, finance.password);
        return (await agent.get('/inbox')).body;
      };
      // On the due day nothing is flagged; the first moment after it (Beijing) the scheduler tells the bureau.
      h.clock.set('2026-10-13T15:59:00Z');
      await h.platform.scheduler.tick();
      expect(await inbox()).not.toContain('未在 2026-10-13 前答复');
      h.clock.set('2026-10-13T16:00:01Z');
      await h.platform.scheduler.tick();
      expect(await inbox()).toContain('未在 2026-10-13 前答复');
    });
  });

  describe('challenges', () => {
    it('to the documents: within 7 working days of obtaining them (GPL Art 52, GPR Art 53(1)); late → 422 naming the article, nothing written', async () => {
      const supplier = await provider('朝阳区文件质疑服务中心');
      const projectId = await openProject(); // notice and documents on Friday 2026-10-09
      const body = {
        subject: 'documents',
        knewOn: '2026-10-09',
        grounds: '评分标准第三项要求本区注册，排斥外区供应商，违反《政府采购法》第二十二条。',
        requests: '删除该评分项',
      };
      // Friday 10-09 + 7 working days: Sat 10-10 (调休), 10-12 … 10-16, Mon 10-19 — the window's last day.
      h.clock.set('2026-10-20T02:00:00Z');
      const late = await api('POST', `/api/v1/projects/${projectId}/challenges`, body, supplier);
      expect(late.statusCode).toBe(422);
      const error = late.json<ErrorBody>().error;
      expect(error.code).toBe('challenge_window_closed');
      expect(error.details[0]!.field).toBe('knewOn');
      expect(error.message).toContain('2026-10-19');
      expect(error.message).toContain('《政府采购法》第五十二条');
      expect((await questions(projectId)).challenges).toEqual([]);
      h.clock.set('2026-10-19T09:00:00Z'); // 17:00 in Beijing, the last day
      expect(
        (
          await api(
            'POST',
            `/api/v1/projects/${projectId}/challenges`,
            { ...body, knewOn: '2026-10-08' },
            supplier,
          )
        ).json<ErrorBody>().error.details[0]!.field,
      ).toBe('knewOn');
      expect(
        (
          await api(
            'POST',
            `/api/v1/projects/${projectId}/challenges`,
            { ...body, knewOn: undefined },
            supplier,
          )
        ).json<ErrorBody>().error.details[0]!.field,
      ).toBe('knewOn');
      // Wrong roles: a purchaser, an anonymous caller.
      expect((await api('POST', `/api/v1/projects/${projectId}/challenges`, body, staff)).statusCode).toBe(
        403,
      );
      expect((await api('POST', `/api/v1/projects/${projectId}/challenges`, body, null)).statusCode).toBe(
        401,
      );
      const filed = await api(
        'POST',
        `/api/v1/projects/${projectId}/challenges`,
        { ...body, evidence: [{ name: '评分标准.pdf', content: PDF('evidence').toString('base64') }] },
        supplier,
      );
      expect(filed.statusCode, filed.body).toBe(201);
      // Filed on Monday 10-19: 7 working days to answer (GPL Art 53) → Tuesday 10-28. Before the opening, a
      // challenge to the documents does not hold the signing.
      expect(filed.json()).toMatchObject({
        knewOn: '2026-10-09',
        windowUntil: '2026-10-19',
        dueOn: '2026-10-28',
        affectsResult: false,
      });
      const { id } = filed.json<{ id: string }>();
      expect((await questions(projectId)).signing.suspended).toBe(false);
      // The evidence: the challenger and the department read it; another supplier, nobody else.
      const stranger = await provider('朝阳区无关服务中心');
      expect((await api('GET', `/api/v1/challenges/${id}`, undefined, stranger)).statusCode).toBe(404);
      expect((await api('GET', `/api/v1/challenges/${id}`, undefined, otherStaff)).statusCode).toBe(404);
      expect((await api('GET', `/api/v1/challenges/${id}`, undefined, null)).statusCode).toBe(401);
      const detail = await api('GET', `/api/v1/challenges/${id}`, undefined, staff);
      expect(detail.json()).toMatchObject({ grounds: body.grounds, evidence: [{ name: '评分标准.pdf' }] });
      expect((await api('GET', `/api/v1/challenges/${id}`, undefined, finance)).statusCode).toBe(200);
      const file = await api('GET', `/api/v1/challenges/${id}/evidence/0`, undefined, supplier);
      expect(file.rawPayload.equals(PDF('evidence'))).toBe(true);
      // The answer: an effect for the documents only, and only when upheld (94号令 Art 16).
      const answer = (payload: Record<string, unknown>, user: TestUser = staff) =>
        api(
          'POST',
          `/api/v1/projects/${projectId}/challenges/${id}/answer`,
          { issue: '评分标准是否排斥外区供应商', answer: '经复核……', ...payload },
          user,
        );
      expect((await answer({ outcome: 'upheld' })).json<ErrorBody>().error.details[0]!.field).toBe('effect');
      expect(
        (await answer({ outcome: 'upheld', effect: 'otherSupplier' })).json<ErrorBody>().error.details[0]!
          .field,
      ).toBe('effect');
      expect((await answer({ outcome: 'rejected', effect: 'restart' })).statusCode).toBe(422);
      expect((await answer({ outcome: 'rejected' }, supplier)).statusCode).toBe(403);
      expect((await answer({ outcome: 'rejected' }, otherStaff)).statusCode).toBe(403);
      const upheld = await answer({
        outcome: 'upheld',
        effect: 'correctDocuments',
        answer: '质疑成立，删除该评分项并发布更正公告。',
      });
      expect(upheld.statusCode, upheld.body).toBe(200);
      expect((await answer({ outcome: 'rejected' })).json<ErrorBody>().error.code).toBe('challenge_closed');
      const published = await record(upheld.json<{ recordId: string }>().recordId);
      expect(published.kind).toBe('challengeAnswer');
      expect(published.content).toMatchObject({
        subject: 'documents',
        outcome: 'upheld',
        effect: { name: 'correctDocuments', source: expect.stringContaining('第十六条') as string },
        issue: '评分标准是否排斥外区供应商',
        dueOn: '2026-10-28',
        suspendedSigning: null,
      });
      // Neither the challenger nor its grounds are public.
      const text = JSON.stringify(published);
      expect(text).not.toContain('朝阳区文件质疑服务中心');
      expect(text).not.toContain('排斥外区供应商，违反');
      const agent = h.agent();
      await agent.logIn(supplier.login, supplier.password);
      expect((await agent.get('/inbox')).body).toContain('质疑成立');
      // A complaint may follow within 15 working days after the answer period (GPL Art 55): 10-28 + 15 WD.
      expect((await api('GET', `/api/v1/challenges/${id}`, undefined, supplier)).json()).toMatchObject({
        status: 'upheld',
        complaint: { from: '2026-10-28', until: '2026-11-18' },
      });
    });

    it('to the result: from the end of the 1-working-day result notice (GPR Art 53(3), 87号令 Art 69); only a bidder; suspends signing until answered (GPR Art 54)', async () => {
      const supplier = await provider('通州区唯一照护中心');
      const outsider = await provider('通州区另一照护中心');
      const projectId = await openProject('singleSource');
      const challenge = (user: TestUser, subject = 'result') =>
        api(
          'POST',
          `/api/v1/projects/${projectId}/challenges`,
          { subject, grounds: '成交价格高于市场价', requests: '重新开展采购活动' },
          user,
        );
      h.clock.set('2026-10-09T02:00:00Z');
      await awardedSingleSource(h, api, finance, supplier, projectId);
      // Awarded on Friday 10-16; the result notice's 1 working day ends Monday 10-19; the window runs
      // 7 working days from then: 10-20 … 10-28.
      h.clock.set('2026-10-20T02:00:00Z');
      const notParty = await challenge(outsider);
      expect(notParty.statusCode).toBe(403);
      expect(notParty.json<ErrorBody>().error.message).toContain('第十一条');
      const filed = await challenge(supplier);
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.json()).toMatchObject({
        knewOn: '2026-10-19',
        windowUntil: '2026-10-28',
        dueOn: '2026-10-29',
        affectsResult: true,
      });
      const { id } = filed.json<{ id: string }>();
      const suspension = (
        await api('GET', `/api/v1/projects/${projectId}/signing-suspension`, undefined, null)
      ).json<Questions['signing']>();
      expect(suspension).toMatchObject({
        suspended: true,
        source: '《政府采购法实施条例》第五十四条',
        challenges: [{ id, reason: 'awaitingAnswer' }],
      });
      h.clock.set('2026-10-29T02:00:00Z');
      const late = await challenge(supplier);
      expect(late.statusCode).toBe(422);
      expect(late.json<ErrorBody>().error.details[0]!.field).toBe('subject');
      // Rejected: the signing is free again; the answer says it held the signing.
      const rejected = await api('POST', `/api/v1/projects/${projectId}/challenges/${id}/answer`, {
        outcome: 'rejected',
        issue: '成交价格是否合理',
        answer: '成交价格低于预算且经协商下调，质疑不成立。',
      });
      expect(rejected.statusCode, rejected.body).toBe(200);
      expect((await record(rejected.json<{ recordId: string }>().recordId)).content).toMatchObject({
        outcome: 'rejected',
        effect: null,
        suspendedSigning: '《政府采购法实施条例》第五十四条',
      });
      expect((await questions(projectId)).signing.suspended).toBe(false);
    });

    it('an upheld challenge that voids the award keeps the signing suspended; a withdrawn one frees it', async () => {
      const supplier = await provider('顺义区照护中心');
      const projectId = await openProject('singleSource');
      h.clock.set('2026-10-09T02:00:00Z');
      await awardedSingleSource(h, api, finance, supplier, projectId);
      h.clock.set('2026-10-20T02:00:00Z');
      const file = (subject: string, knewOn?: string) =>
        api(
          'POST',
          `/api/v1/projects/${projectId}/challenges`,
          { subject, knewOn, grounds: '开标程序违法', requests: '重新评审' },
          supplier,
        );
      const withdrawn = (await file('procedure', '2026-10-16')).json<{
        id: string;
        affectsResult: boolean;
      }>();
      expect(withdrawn.affectsResult).toBe(true);
      expect(
        (await api('POST', `/api/v1/challenges/${withdrawn.id}/withdraw`, undefined, staff)).statusCode,
      ).toBe(403);
      expect(
        (await api('POST', `/api/v1/challenges/${withdrawn.id}/withdraw`, undefined, supplier)).statusCode,
      ).toBe(204);
      expect(
        (await api('POST', `/api/v1/challenges/${withdrawn.id}/withdraw`, undefined, supplier)).statusCode,
      ).toBe(409);
      expect((await questions(projectId)).signing.suspended).toBe(false);
      const { id } = (await file('result')).json<{ id: string }>();
      const upheld = await api('POST', `/api/v1/projects/${projectId}/challenges/${id}/answer`, {
        outcome: 'upheld',
        effect: 'restart',
        issue: '成交结果',
        answer: '质疑成立，重新开展采购活动。',
      });
      expect(upheld.statusCode, upheld.body).toBe(200);
      expect((await questions(projectId)).signing).toMatchObject({
        suspended: true,
        challenges: [{ id, reason: 'awardVoided' }],
      });
    });
  });

  describe('pages', () => {
    it('supplier: ask and challenge with evidence; purchaser: answer from its list, without JavaScript', async () => {
      const supplier = await provider('海淀区页面质疑服务中心');
      const projectId = await openProject();
      h.clock.set('2026-10-12T02:00:00Z');
      const page = `/procurement/projects/${projectId}`;
      // Anyone reads the section; a visitor is asked to sign in.
      expect((await h.agent().get(page)).body).toContain('登录后可以提出询问');
      const providerAgent = h.agent();
      await providerAgent.logIn(supplier.login, supplier.password);
      const empty = await providerAgent.postForm(`${page}/inquiries`, { question: '' }, { csrfFrom: page });
      expect(empty.statusCode).toBe(422);
      const asked = await providerAgent.postForm(
        `${page}/inquiries`,
        { question: '培训场地由谁提供？', organizationId: supplier.orgId },
        { csrfFrom: page },
      );
      expect(asked.statusCode, asked.body).toBe(303);
      const late = await providerAgent.postMultipart(
        `${page}/challenges`,
        { subject: 'documents', knewOn: '2026-09-01', grounds: '评分标准不合理', requests: '修改' },
        { name: 'evidence', filename: '', content: Buffer.alloc(0), contentType: 'application/octet-stream' },
        { csrfFrom: page },
      );
      expect(late.statusCode).toBe(422);
      const filed = await providerAgent.postMultipart(
        `${page}/challenges`,
        { subject: 'documents', knewOn: '2026-10-09', grounds: '评分标准不合理', requests: '修改' },
        { name: 'evidence', filename: '证明.pdf', content: PDF('page'), contentType: 'application/pdf' },
        { csrfFrom: page },
      );
      expect(filed.statusCode, filed.body).toBe(303);
      const challengePage = filed.headers.location as string;
      expect((await providerAgent.get(challengePage)).body).toContain('证明.pdf');
      expect((await providerAgent.get('/procurement/challenges/mine')).body).toContain(challengePage);
      const staffAgent = h.agent();
      await staffAgent.logIn(staff.login, staff.password);
      const list = (await staffAgent.get('/procurement/questions/to-answer')).body;
      expect(list).toContain(challengePage);
      expect(list).toContain('2026-10-15'); // the inquiry: Monday 10-12 + 3 working days
      const { inquiries } = await questions(projectId);
      const answered = await staffAgent.postForm(
        `${page}/inquiries/${inquiries[0]!.id}/answer`,
        { answer: '由采购人提供。' },
        { csrfFrom: page },
      );
      expect(answered.statusCode, answered.body).toBe(303);
      const challengeId = challengePage.split('/').at(-1)!;
      const refused = await staffAgent.postForm(
        `${page}/challenges/${challengeId}/answer`,
        { outcome: 'upheld', issue: '评分标准', answer: '成立' },
        { csrfFrom: challengePage },
      );
      expect(refused.statusCode).toBe(422);
      const done = await staffAgent.postForm(
        `${page}/challenges/${challengeId}/answer`,
        { outcome: 'rejected', issue: '评分标准是否合理', answer: '评分标准合理，质疑不成立。' },
        { csrfFrom: challengePage },
      );
      expect(done.statusCode, done.body).toBe(303);
      // The public section: the answer, the outcome; in English too.
      const zh = (await h.agent().get(page)).body;
      expect(zh).toContain('由采购人提供。');
      expect(zh).toContain('不成立');
      expect(zh).not.toContain('海淀区页面质疑服务中心');
      const en = await h.app.inject({ method: 'GET', url: page, cookies: { gongshi_lang: 'en' } });
      expect(en.body).toContain('Inquiries and challenges');
      expect(en.body).toContain('Rejected');
    });
  });
});
