// Import and export of the registry as a sheet (CSV or .xlsx), through the API and the pages, on both
// databases: an import writes all rows or none (architecture rule 12) and reports each bad cell by row
// and column; a checked upload waits an hour for its confirmation, then is removed.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import type { Harness, TestUser } from '../../testing/harness.js';
import type { ErrorBody } from '../../testing/http.js';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../../platform/validation/uscc.js';
import { COLUMNS, parseCsv, readSheet, toCsv, toXlsx } from './registry-sheet.js';
import { HEADER, registrySuite, XLSX, type Report } from './registry.fixtures.js';

describeEachDatabase('registry import and export', (db) => {
  const s = registrySuite(db);
  const { next, api, upload, register, entry, countOrganizations, sheetRow } = s;
  let h: Harness;
  let civil: TestUser;
  let staff: TestUser;
  let authorityName: string;
  beforeAll(() => {
    ({ h, civil, staff, authorityName } = s.state);
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
      const dry = await upload('/api/v1/registry/import', exported.rawPayload, 'text/csv');
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
      const res = await upload('/api/v1/registry/import?commit=true', csv, 'text/csv');
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
      const res = await upload('/api/v1/registry/import?commit=true', csv, 'text/csv');
      expect(res.statusCode).toBe(422);
      const error = res.json<ErrorBody>().error;
      expect(error.code).toBe('import_invalid');
      expect(error.details).toEqual([
        { field: 'row 3: address', message: '含有无法保存的控制字符（U+0000）。' },
      ]);
      expect(await countOrganizations()).toBe(before);

      const good = Buffer.from(toCsv([HEADER, sheetRow()]));
      const notUtf8 = await upload(
        '/api/v1/registry/import',
        Buffer.concat([good, Buffer.from('名称,'), Buffer.from([0xc3, 0x28]), Buffer.from('\r\n')]),
        'text/csv',
      );
      expect(notUtf8.statusCode).toBe(422);
      const details = notUtf8.json<ErrorBody>().error.details;
      expect(details.map((d) => d.field)).toEqual(['file']);
      expect(details[0]!.message).toContain('第 3 行起');
    });

    it('reports a failed inner GB 11714 check as a warning by row, and imports the row all the same', async () => {
      const body8 = String(800_000 + next()).padStart(8, '0');
      const expected = orgCodeCheckCharacter(body8)!;
      const actual = expected === '0' ? '1' : '0';
      const first17 = `52110108${body8}${actual}`;
      const uscc = first17 + usccCheckCharacter(first17);
      const res = await upload(
        '/api/v1/registry/import',
        toCsv([HEADER, sheetRow(), sheetRow({ uscc })]),
        'text/csv',
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
      const res = await upload(
        '/api/v1/registry/import?commit=true',
        toCsv([HEADER, first, second]),
        'text/csv; charset=utf-8',
      );
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
      const res = await upload('/api/v1/registry/import?commit=true', csv, 'text/csv');
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
      const res = await upload('/api/v1/registry/import?commit=true', book, XLSX);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Report>()).toMatchObject({ creates: 1, committed: true });

      const exported = await api('GET', '/api/v1/registry/export?format=xlsx');
      expect(exported.headers['content-type']).toBe(XLSX);
      const again = await upload('/api/v1/registry/import', exported.rawPayload, XLSX);
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json<Report>()).toMatchObject({ creates: 0, problems: [] });
    });

    it('refuses what is not a sheet, and a body that is not a file', async () => {
      const garbage = await upload('/api/v1/registry/import', Buffer.from('PK\u0003\u0004garbage'), XLSX);
      expect(garbage.statusCode).toBe(422);
      expect(garbage.json<ErrorBody>().error.details).toMatchObject([{ field: 'file' }]);
      const gbk = await upload(
        '/api/v1/registry/import',
        Buffer.from([0xc3, 0xfb, 0xb3, 0xc6, 0x0a]),
        'text/csv',
      );
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
});
