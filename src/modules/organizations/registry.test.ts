// The registry of social organizations, through the API and the pages, on both databases.
// Checks: the unified social credit code (GB 32100-2015, check character; domain guide §9) and GB/T 2260
// district codes; dates of past events not in the future; the registration authority is a bureau;
// the public part of a registration is published (architecture rule 8) and every change is kept in the
// history (before → after, who, when); grades are valid five years (民政部令第39号《社会组织评估管理办法》:
// validUntil = awardedOn + 5 years − 1 day); an import writes all rows or none (architecture rule 12)
// and reports each bad cell by row and column; only civil-affairs staff and administrators change the
// registry, and purchasers, finance and auditors read it (architecture rule 7).
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import type { Harness, TestUser } from '../../testing/harness.js';
import type { ErrorBody } from '../../testing/http.js';
import { orgCodeCheckCharacter, USCC_ALPHABET, usccCheckCharacter } from '../../platform/validation/uscc.js';
import { testUscc } from '../../testing/harness.js';
import { registrySuite } from './registry.fixtures.js';

describeEachDatabase('registry of social organizations', (db) => {
  const s = registrySuite(db);
  const { next, api, registration, register, entry, countOrganizations } = s;
  let h: Harness;
  let civil: TestUser;
  let staff: TestUser;
  let expert: TestUser;
  beforeAll(() => {
    ({ h, civil, staff, expert } = s.state);
  });

  describe('registering', () => {
    it('registers through the API and publishes the organization’s profile', async () => {
      const { id, body } = await register();
      const records = await api(
        'GET',
        `/api/v1/records?kind=organizationProfile&subject=${id}`,
        undefined,
        null,
      );
      const list = records.json<{ total: number; items: { title: string; kind: string }[] }>();
      expect(list.total).toBe(1);
      expect(list.items[0]!.title).toContain(body.name);
      const e = await entry(id);
      expect(e.organization).toMatchObject({ name: body.name, status: 'active' });
      expect(e.profile).toMatchObject({
        contactPhone: '010-65000000',
        serviceDomains: ['livelihood', 'community'],
      });
      expect(e.changes.map((c) => c.what)).toEqual(['registered']);
    });

    it('names the expected check character of a malformed credit code', async () => {
      const good = testUscc(next());
      const expected = good[17]!;
      const wrong = expected === '0' ? '1' : '0';
      expect(USCC_ALPHABET).toContain(wrong);
      const res = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ uscc: good.slice(0, 17) + wrong }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.details).toEqual([
        {
          field: 'uscc',
          message: `校验位不符：按前 17 位计算应为“${expected}”，实际是“${wrong}”。请核对代码。`,
        },
      ]);
    });

    it('registers a code whose inner GB 11714 check fails, with a warning to compare it with the certificate (domain guide §9)', async () => {
      const body8 = String(900_000 + next()).padStart(8, '0');
      const expected = orgCodeCheckCharacter(body8)!;
      const actual = expected === '0' ? '1' : '0';
      const first17 = `52110105${body8}${actual}`;
      const uscc = first17 + usccCheckCharacter(first17);
      const res = await api('POST', '/api/v1/registry/organizations', registration({ uscc }));
      expect(res.statusCode, res.body).toBe(201);
      const { id, warnings } = res.json<{ id: string; warnings: { field: string; message: string }[] }>();
      expect(warnings).toEqual([expect.objectContaining({ field: 'uscc' })]);
      expect(warnings[0]!.message).toContain(`应为“${expected}”，实为“${actual}”`);
      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const page = await agent.get(`/registry/${id}`);
      expect(page.body).toContain('GB 11714');
      // A code that passes both checks has no warning.
      const clean = await api('POST', '/api/v1/registry/organizations', registration());
      expect(clean.json<{ warnings: unknown[] }>().warnings).toEqual([]);
    });

    it('refuses a credit code registered already', async () => {
      const { body } = await register();
      const before = await countOrganizations();
      const res = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ uscc: body.uscc.toLowerCase() }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.details).toEqual([
        { field: 'uscc', message: '这个统一社会信用代码已登记在其他机构名下。' },
      ]);
      expect(await countOrganizations()).toBe(before);
    });

    it('refuses a founding date after today (Beijing)', async () => {
      const res = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ foundedOn: '2026-11-27' }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['foundedOn']);
      const today = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ foundedOn: '2026-11-26' }),
      );
      expect(today.statusCode).toBe(201);
    });

    it('refuses an unknown district code', async () => {
      const res = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ districtCode: '110199' }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.details).toEqual([
        { field: 'districtCode', message: '不认识行政区划代码 110199。' },
      ]);
    });

    it('refuses a registration authority that is not a bureau', async () => {
      const res = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ registrationAuthorityId: staff.organizationId }),
      );
      expect(res.statusCode).toBe(422);
      expect(res.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['registrationAuthorityId']);
    });

    it('refuses a bureau that is not a civil-affairs bureau (社会团体登记管理条例 Art 6)', async () => {
      const finance = await h.user('finance');
      const res = await api(
        'POST',
        '/api/v1/registry/organizations',
        registration({ registrationAuthorityId: finance.organizationId }),
      );
      expect(res.statusCode).toBe(422);
      const details = res.json<ErrorBody>().error.details;
      expect(details.map((d) => d.field)).toEqual(['registrationAuthorityId']);
      expect(details[0]!.message).toContain('民政局');
    });
  });

  describe('keeping the entry', () => {
    it('records every change of a registration with before and after, and publishes again', async () => {
      const { id, body } = await register();
      h.clock.advance(60_000);
      const res = await api('PATCH', `/api/v1/registry/organizations/${id}`, {
        ...body,
        name: `${body.name}（更名）`,
        contactPhone: '010-65000001',
        serviceDomains: ['charity'],
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<{ changed: string[] }>().changed.sort()).toEqual([
        // The API's field names, as in the request.
        'contactPhone',
        'name',
        'serviceDomains',
      ]);
      const e = await entry(id);
      expect(e.changes[0]).toMatchObject({
        what: 'updated',
        actorName: civil.name,
        changes: {
          contact_phone: ['010-65000000', '010-65000001'],
          name: [body.name, `${body.name}（更名）`],
        },
      });
      const same = await api('PATCH', `/api/v1/registry/organizations/${id}`, {
        ...body,
        name: `${body.name}（更名）`,
        contactPhone: '010-65000001',
        serviceDomains: ['charity'],
      });
      expect(same.json()).toEqual({ changed: [], warnings: [] });
      const records = await api(
        'GET',
        `/api/v1/records?kind=organizationProfile&subject=${id}`,
        undefined,
        null,
      );
      expect(records.json<{ total: number }>().total).toBe(2);

      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const page = await agent.get(`/registry/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('联系电话：010-65000000 → 010-65000001');
      expect(page.body).toContain('服务领域：民生保障、城乡社区服务 → 公益慈善');
      expect(page.body).toContain('修改登记信息');
    });

    it('keeps annual reports, compliance statements, grades and the roster', async () => {
      const { id } = await register();
      const base = `/api/v1/registry/organizations/${id}`;
      expect(
        (
          await api('POST', `${base}/annual-reports`, {
            year: 2025,
            submittedOn: '2026-03-01',
            inspectionResult: 'qualified',
          })
        ).statusCode,
      ).toBe(204);
      const future = await api('POST', `${base}/annual-reports`, { year: 2027, inspectionResult: 'pending' });
      expect(future.statusCode).toBe(422);
      expect(future.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['year']);
      expect(
        (
          await api('POST', `${base}/compliance`, {
            kind: 'tax',
            year: 2025,
            compliant: true,
            evidence: '无欠税证明',
          })
        ).statusCode,
      ).toBe(204);
      // The grade's validity defaults to five years less a day.
      expect(
        (
          await api('POST', `${base}/grades`, {
            grade: 4,
            awardedOn: '2024-03-01',
            reference: '京民社发〔2024〕1号',
          })
        ).statusCode,
      ).toBe(204);
      const backwards = await api('POST', `${base}/grades`, {
        grade: 5,
        awardedOn: '2025-01-01',
        validUntil: '2024-12-31',
        reference: 'x',
      });
      expect(backwards.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['validUntil']);
      const person = await api('POST', `${base}/people`, {
        name: '张三',
        position: 'chair',
        since: '2020-01-01',
      });
      expect(person.statusCode).toBe(201);
      const personId = person.json<{ id: string }>().id;
      expect((await api('POST', `${base}/people/${personId}/end`)).statusCode).toBe(204);
      expect((await api('POST', `${base}/people/${personId}/end`)).statusCode).toBe(204); // twice: one record
      expect((await api('POST', `${base}/people/00000000-0000-7000-8000-000000000000/end`)).statusCode).toBe(
        404,
      );

      const e = await entry(id);
      expect(e.annualReports).toMatchObject([{ year: 2025, inspectionResult: 'qualified' }]);
      expect(e.compliance).toMatchObject([{ kind: 'tax', year: 2025, compliant: true }]);
      expect(e.grades).toMatchObject([{ grade: 4, awardedOn: '2024-03-01', validUntil: '2029-02-28' }]);
      expect(e.people).toMatchObject([{ name: '张三', until: '2026-11-26' }]);
      expect(e.changes.map((c) => c.what).sort()).toEqual(
        ['annualReport', 'compliance', 'grade', 'person.added', 'person.ended', 'registered'].sort(),
      );
      const published = await api(
        'GET',
        `/api/v1/records?kind=organizationProfile&subject=${id}`,
        undefined,
        null,
      );
      // Registration, report, compliance and grade are public; the roster is not.
      expect(published.json<{ total: number }>().total).toBe(4);

      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const page = await agent.get(`/registry/${id}`);
      expect(page.body).toContain('4A（有效期至 2029-02-28）');
      expect(page.body).toContain('年检结论：合格');
      expect(page.body).toContain('人员卸任');
    });

    it('works as forms: problems shown in their section, then saved with a message', async () => {
      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const fields = {
        ...registration(),
        registrationAuthorityId: civil.organizationId!,
        serviceDomains: 'charity', // one checked box arrives as a single value
      };
      const bad = await agent.postForm(
        '/registry',
        { ...fields, uscc: '91110000600037341N', foundedOn: '2030-01-01' },
        {
          csrfFrom: '/registry/new',
        },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('href="#field-uscc"');
      expect(bad.body).toContain('href="#field-foundedOn"');
      expect(bad.body).toMatch(/value="charity" checked/);
      const ok = await agent.postForm('/registry', fields, { csrfFrom: '/registry/new' });
      expect(ok.statusCode).toBe(303);
      const url = ok.headers.location as string;
      const page = await agent.get(url);
      expect(page.body).toContain('已登记，登记信息已公示。');
      const id = url.split('/').pop()!;
      expect((await entry(id)).profile?.serviceDomains).toEqual(['charity']);

      const report = await agent.postForm(
        `${url}/annual-reports`,
        { year: '2025x', inspectionResult: 'qualified' },
        {
          csrfFrom: url,
        },
      );
      expect(report.statusCode).toBe(422);
      expect(report.body).toMatch(/<details open[^>]*>\s*<summary[^>]*>录入年度报告/);
      const saved = await agent.postForm(
        `${url}/compliance`,
        { kind: 'socialInsurance', year: '2025', compliant: 'false', evidence: '社保欠缴 2 个月' },
        { csrfFrom: url },
      );
      expect(saved.statusCode).toBe(303);
      expect((await entry(id)).compliance).toMatchObject([{ kind: 'socialInsurance', compliant: false }]);
      const person = await agent.postForm(
        `${url}/people`,
        { name: '李四', position: 'secretaryGeneral' },
        { csrfFrom: url },
      );
      expect(person.statusCode).toBe(303);
      const personId = (await entry(id)).people[0]!.id;
      const ended = await agent.postForm(`${url}/people/${personId}/end`, {}, { csrfFrom: url });
      expect(ended.statusCode).toBe(303);
      expect((await agent.get(url)).body).toContain('已记录卸任。');
      const status = await agent.postForm(url, { ...fields, status: 'inactive' }, { csrfFrom: url });
      expect(status.statusCode).toBe(303);
      expect((await entry(id)).organization.status).toBe('inactive');
    });
  });

  describe('who may', () => {
    it('lets purchasers read the registry but not change it', async () => {
      const { id } = await register();
      const agent = h.agent();
      await agent.logIn(staff.login, staff.password);
      const list = await agent.get('/registry');
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain('href="/registry/new"');
      expect(list.body).toContain('href="/registry/export.csv"');
      const page = await agent.get(`/registry/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain(`action="/registry/${id}/grades"`);
      const post = await agent.postForm('/registry', registration() as unknown as Record<string, string>, {
        csrfFrom: '/registry',
      });
      expect(post.statusCode).toBe(403);
      expect((await api('POST', '/api/v1/registry/organizations', registration(), staff)).statusCode).toBe(
        403,
      );
    });

    it('keeps experts out', async () => {
      const agent = h.agent();
      await agent.logIn(expert.login, expert.password);
      expect((await agent.get('/registry')).statusCode).toBe(403);
      expect((await api('GET', '/api/v1/registry/organizations', undefined, expert)).statusCode).toBe(403);
    });
  });
});
