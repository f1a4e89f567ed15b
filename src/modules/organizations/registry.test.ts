// The registry of social organizations, through the API and the pages, on both databases.
// Checks: the unified social credit code (GB 32100-2015, check character; domain guide §9) and GB/T 2260
// district codes; dates of past events not in the future; the registration authority is a bureau;
// the public part of a registration is published (architecture rule 8) and every change is kept in the
// history (before → after, who, when); grades are valid five years (民政部令第39号《社会组织评估管理办法》:
// validUntil = awardedOn + 5 years − 1 day); an import writes all rows or none (architecture rule 12)
// and reports each bad cell by row and column; only civil-affairs staff and administrators change the
// registry, and purchasers, finance and auditors read it (architecture rule 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, testUscc, type Harness, type TestUser } from '../../testing/harness.js';
import { orgCodeCheckCharacter, USCC_ALPHABET, usccCheckCharacter } from '../../platform/validation/uscc.js';
import { COLUMNS, parseCsv, readSheet, toCsv, toXlsx } from './registry-sheet.js';

interface ErrorBody {
  error: { code: string; message: string; details: { field: string; message: string }[] };
}
interface Entry {
  organization: { id: string; name: string; status: string };
  profile: { contactPhone: string | null; serviceDomains: string[] } | null;
  annualReports: { year: number; inspectionResult: string }[];
  compliance: { kind: string; year: number; compliant: boolean }[];
  grades: { grade: number; awardedOn: string; validUntil: string }[];
  people: { id: string; name: string; until: string | null }[];
  changes: { what: string; actorName: string | null; changes: Record<string, unknown> }[];
}
interface Report {
  rows: number;
  creates: number;
  updates: number;
  problems: unknown[];
  committed: boolean;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HEADER = COLUMNS.map((c) => c.zh);

describeEachDatabase('registry of social organizations', (db) => {
  let h: Harness;
  let civil: TestUser;
  let staff: TestUser;
  let expert: TestUser;
  let authorityName: string;
  let serial = 700000;

  const api = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    payload?: object | string | Buffer,
    options: { user?: TestUser; contentType?: string } = {},
  ) =>
    h.app.inject({
      method,
      url,
      headers: {
        authorization: `Bearer ${(options.user ?? civil).token}`,
        ...(options.contentType ? { 'content-type': options.contentType } : {}),
      },
      ...(payload !== undefined ? { payload } : {}),
    });

  const registration = (overrides: Record<string, unknown> = {}) => {
    const n = ++serial;
    return {
      name: `北京市朝阳区测试社会工作服务中心${n}`,
      orgType: 'serviceAgency',
      uscc: testUscc(n),
      registrationLevel: 'district',
      districtCode: '110105',
      registrationAuthorityId: civil.organizationId,
      foundedOn: '2018-05-20',
      legalRepresentative: '王芳',
      contactName: '李明',
      contactPhone: '010-65000000',
      contactEmail: 'contact@example.cn',
      address: '朝阳区测试街道 1 号',
      serviceDomains: ['livelihood', 'community'],
      services: '社区居家养老服务',
      ...overrides,
    };
  };

  const register = async (overrides: Record<string, unknown> = {}) => {
    const body = registration(overrides);
    const res = await api('POST', '/api/v1/registry/organizations', body);
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json<{ id: string }>().id, body };
  };

  const entry = async (id: string) =>
    (await api('GET', `/api/v1/registry/organizations/${id}`)).json<Entry>();

  const countOrganizations = async () =>
    Number(
      (
        await h.run((ctx) =>
          ctx.trx
            .selectFrom('organizations')
            .select(({ fn }) => fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow(),
        )
      ).n,
    );

  /** A sheet row (in COLUMNS order) for a new organization. */
  const sheetRow = (overrides: Record<string, string> = {}) => {
    const n = ++serial;
    const values: Record<string, string> = {
      name: `北京市海淀区测试协会${n}`,
      nameEn: '',
      orgType: '社会团体',
      uscc: testUscc(n),
      registrationLevel: '区级',
      districtCode: '110108',
      registrationAuthority: authorityName,
      foundedOn: '2015-01-08',
      legalRepresentative: '赵敏',
      contactName: '',
      contactPhone: '010-82000000',
      contactEmail: '',
      address: '',
      serviceDomains: '社会治理、公益慈善',
      services: '',
      ...overrides,
    };
    return COLUMNS.map((c) => values[c.key] ?? '');
  };

  beforeAll(async () => {
    h = await startHarness(db());
    civil = await h.user('civilAffairs');
    staff = await h.user('purchaserStaff');
    expert = await h.user('expert');
    authorityName = (
      await h.run((ctx) =>
        ctx.trx
          .selectFrom('organizations')
          .select('name')
          .where('id', '=', civil.organizationId!)
          .executeTakeFirstOrThrow(),
      )
    ).name;
  });
  afterAll(() => h.close());

  describe('registering', () => {
    it('registers through the API and publishes the organization’s profile', async () => {
      const { id, body } = await register();
      const records = await h.app.inject({
        method: 'GET',
        url: `/api/v1/records?kind=organizationProfile&subject=${id}`,
      });
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
      const good = testUscc(++serial);
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
      const body8 = String(900_000 + ++serial).padStart(8, '0');
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
      const records = await h.app.inject({
        method: 'GET',
        url: `/api/v1/records?kind=organizationProfile&subject=${id}`,
      });
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
      const published = await h.app.inject({
        method: 'GET',
        url: `/api/v1/records?kind=organizationProfile&subject=${id}`,
      });
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

  describe('import and export', () => {
    it('exports the registry and imports the export back as a dry run: no problems, all updates', async () => {
      await register();
      const exported = await api('GET', '/api/v1/registry/export?format=csv');
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-disposition']).toBe('attachment; filename="registry-2026-11-26.csv"');
      const rows = parseCsv(exported.body);
      expect(rows[0]).toEqual(HEADER);
      const n = rows.length - 1;
      expect(n).toBeGreaterThan(0);
      const before = await countOrganizations();
      const dry = await api('POST', '/api/v1/registry/import', exported.rawPayload, {
        contentType: 'text/csv',
      });
      expect(dry.statusCode, dry.body).toBe(200);
      expect(dry.json<Report>()).toMatchObject({
        rows: n,
        creates: 0,
        updates: n,
        problems: [],
        committed: false,
      });
      expect(await countOrganizations()).toBe(before);

      const agent = h.agent();
      await agent.logIn(staff.login, staff.password);
      const page = await agent.get('/registry/export.csv');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-disposition']).toBe('attachment; filename="registry-2026-11-26.csv"');
      expect(page.headers['content-type']).toContain('text/csv');
    });

    it('refuses a sheet with bad rows, listing row and column, and writes nothing', async () => {
      const csv = toCsv([
        HEADER,
        sheetRow(),
        sheetRow({ uscc: '52110105000000001X' }),
        sheetRow({ districtCode: '110199' }),
        sheetRow({ registrationLevel: '区级', districtCode: '110000' }), // the use-case's rule, found in the dry run
      ]);
      const before = await countOrganizations();
      const res = await api('POST', '/api/v1/registry/import?commit=true', csv, { contentType: 'text/csv' });
      expect(res.statusCode).toBe(422);
      const error = res.json<ErrorBody>().error;
      expect(error.code).toBe('import_invalid');
      expect(error.details.map((d) => d.field)).toEqual([
        'row 3: uscc',
        'row 4: districtCode',
        'row 5: districtCode',
      ]);
      expect(error.details[0]!.message).toContain('校验位不符');
      expect(error.details[1]!.message).toBe('不认识行政区划代码 110199。');
      expect(await countOrganizations()).toBe(before);
    });

    it('refuses a cell with a control character, and a CSV that is not UTF-8, naming the row', async () => {
      const csv = toCsv([HEADER, sheetRow(), sheetRow({ address: '北京市\u0000朝阳区' })]);
      const before = await countOrganizations();
      const res = await api('POST', '/api/v1/registry/import?commit=true', csv, { contentType: 'text/csv' });
      expect(res.statusCode).toBe(422);
      const error = res.json<ErrorBody>().error;
      expect(error.code).toBe('import_invalid');
      expect(error.details).toEqual([
        { field: 'row 3: address', message: '含有无法保存的控制字符（U+0000）。' },
      ]);
      expect(await countOrganizations()).toBe(before);

      const good = Buffer.from(toCsv([HEADER, sheetRow()]));
      const notUtf8 = await api(
        'POST',
        '/api/v1/registry/import',
        Buffer.concat([good, Buffer.from('名称,'), Buffer.from([0xc3, 0x28]), Buffer.from('\r\n')]),
        { contentType: 'text/csv' },
      );
      expect(notUtf8.statusCode).toBe(422);
      const details = notUtf8.json<ErrorBody>().error.details;
      expect(details.map((d) => d.field)).toEqual(['file']);
      expect(details[0]!.message).toContain('第 3 行起');
    });

    it('reports a failed inner GB 11714 check as a warning by row, and imports the row all the same', async () => {
      const body8 = String(800_000 + ++serial).padStart(8, '0');
      const expected = orgCodeCheckCharacter(body8)!;
      const actual = expected === '0' ? '1' : '0';
      const first17 = `52110108${body8}${actual}`;
      const uscc = first17 + usccCheckCharacter(first17);
      const res = await api(
        'POST',
        '/api/v1/registry/import',
        toCsv([HEADER, sheetRow(), sheetRow({ uscc })]),
        {
          contentType: 'text/csv',
        },
      );
      expect(res.statusCode, res.body).toBe(200);
      const report = res.json<Report & { warnings: { row: number; column: string; message: string }[] }>();
      expect(report.problems).toEqual([]);
      expect(report.warnings).toEqual([expect.objectContaining({ row: 3, column: 'uscc' })]);
      expect(report.warnings[0]!.message).toContain(`“${expected}”`);
    });

    it('imports a valid sheet: creates the organizations and publishes them', async () => {
      const first = sheetRow();
      const second = sheetRow({ orgType: 'foundation', registrationLevel: '市级', districtCode: '110000' });
      const before = await countOrganizations();
      const res = await api('POST', '/api/v1/registry/import?commit=true', toCsv([HEADER, first, second]), {
        contentType: 'text/csv; charset=utf-8',
      });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Report>()).toMatchObject({ rows: 2, creates: 2, updates: 0, committed: true });
      expect(await countOrganizations()).toBe(before + 2);
      const found = await api('GET', `/api/v1/registry/organizations?q=${encodeURIComponent(first[0]!)}`);
      expect(found.json<{ items: { uscc: string }[] }>().items).toMatchObject([{ uscc: first[3] }]);
    });

    it('updates only the columns a sheet has: the others keep their values', async () => {
      const { id, body } = await register();
      const required = [
        'name',
        'orgType',
        'uscc',
        'registrationLevel',
        'districtCode',
        'registrationAuthority',
      ];
      const csv = toCsv([
        required.map((k) => COLUMNS.find((c) => c.key === k)!.zh),
        [`${body.name}（新名）`, '社会服务机构', body.uscc, '区级', '110105', authorityName],
      ]);
      const res = await api('POST', '/api/v1/registry/import?commit=true', csv, { contentType: 'text/csv' });
      expect(res.json<Report>()).toMatchObject({ creates: 0, updates: 1, committed: true });
      const e = await entry(id);
      expect(e.organization.name).toBe(`${body.name}（新名）`);
      expect(e.profile).toMatchObject({
        contactPhone: '010-65000000',
        serviceDomains: ['livelihood', 'community'],
      });
      expect(Object.keys(e.changes.find((c) => c.what === 'updated')!.changes)).toEqual(['name']);
    });

    it('keeps spreadsheet formulas inert in CSV exports, and reads them back unchanged', async () => {
      const services = '=HYPERLINK("http://evil.example","点击")';
      const row = sheetRow({ services, legalRepresentative: '@赵敏' });
      const csv = toCsv([HEADER, row]);
      expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""点击"")"`);
      expect(csv).toContain(`'@赵敏`);
      expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
      expect((await readSheet(Buffer.from(csv))).rows[0]).toMatchObject({
        services,
        legalRepresentative: '@赵敏',
      });
      // An apostrophe before anything else is data, and stays.
      expect(
        (await readSheet(Buffer.from(toCsv([HEADER, sheetRow({ services: "'quoted'" })])))).rows[0],
      ).toMatchObject({
        services: "'quoted'",
      });
    });

    it('reads Excel workbooks: an .xlsx round trip', async () => {
      const row = sheetRow({ foundedOn: '2019-12-31' });
      const book = await toXlsx([HEADER, row]);
      expect((await readSheet(book)).rows[0]).toMatchObject({ uscc: row[3], foundedOn: '2019-12-31' });
      const res = await api('POST', '/api/v1/registry/import?commit=true', book, { contentType: XLSX });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Report>()).toMatchObject({ creates: 1, committed: true });

      const exported = await api('GET', '/api/v1/registry/export?format=xlsx');
      expect(exported.headers['content-type']).toBe(XLSX);
      const again = await api('POST', '/api/v1/registry/import', exported.rawPayload, { contentType: XLSX });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<Report>()).toMatchObject({ creates: 0, problems: [] });
    });

    it('refuses what is not a sheet, and a body that is not a file', async () => {
      const garbage = await api('POST', '/api/v1/registry/import', Buffer.from('PK\u0003\u0004garbage'), {
        contentType: XLSX,
      });
      expect(garbage.statusCode).toBe(422);
      expect(garbage.json<ErrorBody>().error.details).toMatchObject([{ field: 'file' }]);
      const gbk = await api('POST', '/api/v1/registry/import', Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a]), {
        contentType: 'text/csv',
      });
      expect(gbk.json<ErrorBody>().error.details[0]!.message).toContain('UTF-8');
      const json = await api('POST', '/api/v1/registry/import', { rows: [] });
      expect(json.statusCode).toBe(415);
    });

    it('stages an upload from the page, then imports it on confirmation by the same user only', async () => {
      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const missing = await agent.postMultipart(
        '/registry/import',
        {},
        { name: 'file', filename: '', content: '', contentType: 'application/octet-stream' },
        { csrfFrom: '/registry/import' },
      );
      expect(missing.statusCode).toBe(422);
      expect(missing.body).toContain('请选择要上传的文件。');
      const notUtf8 = await agent.postMultipart(
        '/registry/import',
        {},
        {
          name: 'file',
          filename: 'gbk.csv',
          content: Buffer.from([0xc3, 0xfb, 0xb3, 0xc6]),
          contentType: 'text/csv',
        },
        { csrfFrom: '/registry/import' },
      );
      expect(notUtf8.statusCode).toBe(422);
      expect(notUtf8.body).toContain('CSV UTF-8');

      const bad = await agent.postMultipart(
        '/registry/import',
        {},
        {
          name: 'file',
          filename: 'bad.csv',
          content: toCsv([HEADER, sheetRow({ orgType: '公司' })]),
          contentType: 'text/csv',
        },
        { csrfFrom: '/registry/import' },
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('<td>类型</td>');
      expect(bad.body).toContain('不认识“公司”。');
      expect(bad.body).not.toContain('/confirm');

      // Another civil-affairs user, who will try to confirm someone else's upload.
      const other = await h.user('civilAffairs');
      const otherAgent = h.agent();
      await otherAgent.logIn(other.login, other.password);

      const rows = [sheetRow(), sheetRow()];
      const before = await countOrganizations();
      const staged = await agent.postMultipart(
        '/registry/import',
        {},
        { name: 'file', filename: 'orgs.csv', content: toCsv([HEADER, ...rows]), contentType: 'text/csv' },
        { csrfFrom: '/registry/import' },
      );
      expect(staged.statusCode).toBe(200);
      expect(staged.body).toContain('共 2 行：新登记 2 个，更新 0 个。');
      expect(staged.body).toContain('确认导入 2 行');
      const confirm = /action="(\/registry\/import\/[^"]+\/confirm)"/.exec(staged.body)![1]!;
      expect(await countOrganizations()).toBe(before);

      expect((await otherAgent.postForm(confirm, {}, { csrfFrom: '/registry' })).statusCode).toBe(404);

      const done = await agent.postForm(confirm, {}, { csrfFrom: '/registry' });
      expect(done.statusCode).toBe(303);
      expect(done.headers.location).toBe('/registry');
      expect((await agent.get('/registry')).body).toContain('导入完成：新登记 2 个，更新 0 个。');
      expect(await countOrganizations()).toBe(before + 2);
      expect((await agent.postForm(confirm, {}, { csrfFrom: '/registry' })).statusCode).toBe(404);
    });

    it('keeps a staged upload for an hour only', async () => {
      const agent = h.agent();
      await agent.logIn(civil.login, civil.password);
      const staged = await agent.postMultipart(
        '/registry/import',
        {},
        {
          name: 'file',
          filename: 'orgs.xlsx',
          content: await toXlsx([HEADER, sheetRow()]),
          contentType: XLSX,
        },
        { csrfFrom: '/registry/import' },
      );
      expect(staged.statusCode).toBe(200);
      const confirm = /action="(\/registry\/import\/[^"]+\/confirm)"/.exec(staged.body)![1]!;
      // An hour and a minute later (the session is kept alive in between; it ends after 30 idle minutes).
      for (let i = 0; i < 3; i++) {
        h.clock.advance(20 * 60_000 + 20_000);
        expect((await agent.get('/registry')).statusCode).toBe(200);
      }
      // The scheduler's housekeeping removes it, with nobody uploading again.
      const pendingId = /\/registry\/import\/([^/]+)\/confirm/.exec(confirm)![1]!;
      const stored = () =>
        h.run((ctx) =>
          ctx.trx.selectFrom('org_pending_imports').select('id').where('id', '=', pendingId).execute(),
        );
      expect(await stored()).toHaveLength(1);
      await h.platform.scheduler.tick();
      expect(await stored()).toHaveLength(0);
      const late = await agent.postForm(confirm, {}, { csrfFrom: '/registry' });
      expect(late.statusCode).toBe(404);
      expect(late.body).toContain('已过期');
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
      expect(
        (await api('POST', '/api/v1/registry/organizations', registration(), { user: staff })).statusCode,
      ).toBe(403);
    });

    it('keeps experts out', async () => {
      const agent = h.agent();
      await agent.logIn(expert.login, expert.password);
      expect((await agent.get('/registry')).statusCode).toBe(403);
      expect(
        (await api('GET', '/api/v1/registry/organizations', undefined, { user: expert })).statusCode,
      ).toBe(403);
    });
  });
});
