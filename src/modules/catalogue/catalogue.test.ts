// The guidance catalogue (S4; 京财综〔2017〕2254号 三.2), its negative-list check (财政部令第102号 第十条)
// and its versions, over the HTTP API and the pages, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../testing/databases.js';
import { startHarness, type Harness, type TestUser } from '../../testing/harness.js';
import { apiClient, type ErrorBody } from '../../testing/http.js';

interface CatalogueBody {
  id: string;
  status: string;
  version: number;
  items: { id: string; code: string; depth: number; purchasable: boolean; negativeSource: string | null }[];
  versions: { id: string; version: number; status: string }[];
  recordId: string | null;
}
interface Overview {
  departments: {
    catalogueId: string;
    departmentId: string;
    version: number;
    purchasable: number;
    excluded: number;
    itemsByDomain: Record<string, { code: string }[]>;
  }[];
}

const item = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  name: `养老服务事项 ${code}`,
  domain: 'livelihood',
  forSocialOrganizations: true,
  negativeCheck: 'none',
  negativeReason: '属于政府职责范围内、适合社会力量承担的公共服务，不在负面清单中',
  purchasable: true,
  ...extra,
});

describeEachDatabase('guidance catalogue', (db) => {
  let h: Harness;
  let staff: TestUser;
  let otherStaff: TestUser;

  const api = apiClient(
    () => h.app,
    () => staff,
  );
  const newDraft = async (year = 2026, user = staff) => {
    const res = await api('POST', '/api/v1/catalogues', { departmentId: user.organizationId, year }, user);
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; version: number; copiedItems: number }>();
  };

  beforeAll(async () => {
    h = await startHarness(db());
    staff = await h.user('purchaserStaff');
    otherStaff = await h.user('purchaserStaff');
  });
  afterAll(() => h.close());

  describe('drafting', () => {
    it('builds a tree of items; the code, the parent and the depth are checked', async () => {
      const { id, version } = await newDraft(2025);
      expect(version).toBe(1);
      const parent = await api('POST', `/api/v1/catalogues/${id}/items`, item('A01', { name: '养老服务' }));
      expect(parent.statusCode, parent.body).toBe(201);
      const parentId = parent.json<{ id: string }>().id;
      const child = await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('A01.01', { parentId, community: true }),
      );
      expect(child.statusCode).toBe(201);
      const childId = child.json<{ id: string }>().id;
      const grandchild = await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('A01.01.1', { parentId: childId }),
      );
      expect(grandchild.statusCode).toBe(201);
      // A fourth level, a code already used (case does not matter), an unknown parent, a bad code.
      const tooDeep = await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('A01.01.1.1', {
          parentId: grandchild.json<{ id: string }>().id,
        }),
      );
      expect(tooDeep.statusCode).toBe(422);
      expect(tooDeep.json<ErrorBody>().error.details).toEqual([
        { field: 'parentId', message: '事项最多分 3 级。' },
      ]);
      const taken = await api('POST', `/api/v1/catalogues/${id}/items`, item('a01', { parentId: 'nope' }));
      expect(taken.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['code', 'parentId']);
      const badCode = await api('POST', `/api/v1/catalogues/${id}/items`, item('A 01'));
      expect(badCode.statusCode).toBe(422);
      expect(badCode.json<ErrorBody>().error.details[0]!.field).toBe('code');
      // An item cannot move under its own item.
      const cycle = await api(
        'PUT',
        `/api/v1/catalogues/${id}/items/${parentId}`,
        item('A01', { parentId: childId }),
      );
      expect(cycle.json<ErrorBody>().error.details).toEqual([
        { field: 'parentId', message: '事项不能放在它自己或它的下级事项下面。' },
      ]);
      // A parent with items under it is removed only after them.
      const busy = await api('DELETE', `/api/v1/catalogues/${id}/items/${parentId}`);
      expect(busy.statusCode).toBe(409);

      const view = (await api('GET', `/api/v1/catalogues/${id}`)).json<CatalogueBody>();
      expect(view.items.map((i) => [i.code, i.depth])).toEqual([
        ['A01', 1],
        ['A01.01', 2],
        ['A01.01.1', 3],
      ]);
    });

    it('refuses a purchasable item on the negative list (102号令 Art 10), naming the ground, and writes nothing', async () => {
      const { id } = await newDraft(2024);
      const res = await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('B01', {
          name: '街道办事处窗口人员劳务派遣',
          negativeCheck: 'staffing',
          negativeReason: '属于劳务派遣用工',
        }),
      );
      expect(res.statusCode).toBe(422);
      const detail = res.json<ErrorBody>().error.details[0]!;
      expect(detail.field).toBe('purchasable');
      expect(detail.message).toContain('人员聘用、劳务派遣或公益性岗位');
      expect(detail.message).toContain('财政部令第102号）第十条');
      expect((await api('GET', `/api/v1/catalogues/${id}`)).json<CatalogueBody>().items).toEqual([]);
      // Recorded as "may not be bought", it is accepted, with its source.
      const excluded = await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('B01', { negativeCheck: 'staffing', negativeReason: '属于劳务派遣用工', purchasable: false }),
      );
      expect(excluded.statusCode).toBe(201);
      const [saved] = (await api('GET', `/api/v1/catalogues/${id}`)).json<CatalogueBody>().items;
      expect(saved).toMatchObject({ purchasable: false });
      expect(saved!.negativeSource).toContain('第十条');
      // A purchasable item must say who may provide it; the reason is required.
      const nobody = await api('POST', `/api/v1/catalogues/${id}/items`, {
        ...item('B02', { forSocialOrganizations: false }),
        negativeReason: '',
      });
      expect(
        nobody
          .json<ErrorBody>()
          .error.details.map((d) => d.field)
          .sort(),
      ).toEqual(['negativeReason']);
      const nobody2 = await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('B02', { forSocialOrganizations: false }),
      );
      expect(nobody2.json<ErrorBody>().error.details.map((d) => d.field)).toEqual(['forSocialOrganizations']);
    });

    it('refuses other departments, a second draft, a year too far ahead and a department that is not one', async () => {
      const { id } = await newDraft(2023);
      expect((await api('POST', `/api/v1/catalogues/${id}/items`, item('C01'), otherStaff)).statusCode).toBe(
        403,
      );
      expect((await api('GET', `/api/v1/catalogues/${id}`, undefined, otherStaff)).statusCode).toBe(404);
      expect((await api('GET', `/api/v1/catalogues/${id}`, undefined, null)).statusCode).toBe(404);
      const theirs = await api('POST', '/api/v1/catalogues', {
        departmentId: otherStaff.organizationId,
        year: 2023,
      });
      expect(theirs.statusCode).toBe(403);
      const second = await api('POST', '/api/v1/catalogues', {
        departmentId: staff.organizationId,
        year: 2023,
      });
      expect(second.statusCode).toBe(409);
      expect(second.json<ErrorBody>().error.code).toBe('catalogue_draft_exists');
      const late = await api('POST', '/api/v1/catalogues', {
        departmentId: staff.organizationId,
        year: 2028,
      });
      expect(late.json<ErrorBody>().error.details).toEqual([
        { field: 'year', message: '最晚只能编制 2027 年的目录。' },
      ]);
      const provider = await h.user('providerMember');
      const notDepartment = await api('POST', '/api/v1/catalogues', {
        departmentId: provider.organizationId,
        year: 2026,
      });
      expect(notDepartment.statusCode).toBe(422);
      expect(notDepartment.json<ErrorBody>().error.details[0]!.field).toBe('departmentId');
      // Anonymous callers and providers may not draft at all.
      expect(
        (await api('POST', '/api/v1/catalogues', { departmentId: staff.organizationId, year: 2026 }, null))
          .statusCode,
      ).toBe(401);
      expect(
        (
          await api(
            'POST',
            '/api/v1/catalogues',
            { departmentId: staff.organizationId, year: 2026 },
            provider,
          )
        ).statusCode,
      ).toBe(403);
    });
  });

  describe('publishing and versions', () => {
    it('publishes a version through publish(); it never changes; the next version copies it and supersedes it', async () => {
      const { id } = await newDraft(2026);
      expect((await api('POST', `/api/v1/catalogues/${id}/publish`)).json<ErrorBody>().error.code).toBe(
        'catalogue_empty',
      );
      await api('POST', `/api/v1/catalogues/${id}/items`, item('A01', { community: true }));
      await api('POST', `/api/v1/catalogues/${id}/items`, item('A02', { domain: 'governance' }));
      await api(
        'POST',
        `/api/v1/catalogues/${id}/items`,
        item('Z01', { negativeCheck: 'goodsOrWorks', negativeReason: '属于工程', purchasable: false }),
      );
      const published = await api('POST', `/api/v1/catalogues/${id}/publish`);
      expect(published.statusCode, published.body).toBe(201);
      const { recordId } = published.json<{ recordId: string }>();
      const record = (await api('GET', `/api/v1/records/${recordId}`, undefined, null)).json<{
        kind: string;
        content: {
          year: number;
          version: number;
          items: { code: string; negativeList: { ground: string | null } }[];
        };
      }>();
      expect(record.kind).toBe('catalogue');
      expect(record.content.items.map((i) => [i.code, i.negativeList.ground])).toEqual([
        ['A01', null],
        ['A02', null],
        ['Z01', 'goodsOrWorks'],
      ]);
      // Published: public, and frozen.
      expect((await api('GET', `/api/v1/catalogues/${id}`, undefined, null)).statusCode).toBe(200);
      const frozen = await api('POST', `/api/v1/catalogues/${id}/items`, item('A03'));
      expect(frozen.statusCode).toBe(409);
      expect(frozen.json<ErrorBody>().error.code).toBe('catalogue_published');

      // Version 2 starts as a copy; publishing it supersedes version 1.
      const next = await newDraft(2026);
      expect(next).toMatchObject({ version: 2, copiedItems: 3 });
      await api('POST', `/api/v1/catalogues/${next.id}/items`, item('A03', { domain: 'charity' }));
      const second = (await api('POST', `/api/v1/catalogues/${next.id}/publish`)).json<{
        recordId: string;
      }>();
      const secondRecord = (await api('GET', `/api/v1/records/${second.recordId}`, undefined, null)).json<{
        supersedes: string | null;
      }>();
      expect(secondRecord.supersedes).toBe(recordId);

      // The city's view shows the latest version only, with its counts and items by domain.
      const overview = (await api('GET', '/api/v1/catalogues?year=2026', undefined, null)).json<Overview>();
      const mine = overview.departments.filter((d) => d.departmentId === staff.organizationId);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ catalogueId: next.id, version: 2, purchasable: 3, excluded: 1 });
      expect(mine[0]!.itemsByDomain.charity!.map((i) => i.code)).toEqual(['A03']);
      // Version 1 stays readable, as it was.
      const first = (await api('GET', `/api/v1/catalogues/${id}`, undefined, null)).json<CatalogueBody>();
      expect(first.items.map((i) => i.code)).toEqual(['A01', 'A02', 'Z01']);
      expect(first.versions.map((v) => v.version)).toEqual([2, 1]);
    });
  });

  describe('pages', () => {
    it('drafts through forms: a refused item is shown again with its problems; the overview lists the departments', async () => {
      const agent = h.agent();
      await agent.logIn(otherStaff.login, otherStaff.password);
      const created = await agent.postForm(
        '/catalogues/mine',
        { departmentId: otherStaff.organizationId!, year: '2026', note: '首次编制' },
        { csrfFrom: '/catalogues/mine' },
      );
      expect(created.statusCode, created.body).toBe(303);
      const page = created.headers.location as string;
      expect((await agent.get(page)).body).toContain('这是草稿');
      const refused = await agent.postForm(
        `${page}/items`,
        {
          code: 'D01',
          name: '社区养老驿站运营',
          domain: 'livelihood',
          negativeCheck: 'coreDuties',
          negativeReason: '',
          purchasable: 'true',
          forSocialOrganizations: 'true',
        },
        { csrfFrom: page },
      );
      expect(refused.statusCode).toBe(422);
      expect(refused.body).toContain('核对理由');
      expect(refused.body).toContain('社区养老驿站运营'); // nothing typed is lost
      const added = await agent.postForm(
        `${page}/items`,
        {
          code: 'D01',
          name: '社区养老驿站运营',
          domain: 'livelihood',
          community: 'true',
          negativeCheck: 'none',
          negativeReason: '社区养老服务属于公共服务，适合由社会组织承接',
          purchasable: 'true',
          forSocialOrganizations: 'true',
        },
        { csrfFrom: page },
      );
      expect(added.statusCode).toBe(303);
      expect((await agent.postForm(`${page}/publish`, {}, { csrfFrom: page })).statusCode).toBe(303);
      const overview = await h.app.inject({ method: 'GET', url: '/catalogues?year=2026' });
      expect(overview.statusCode).toBe(200);
      expect(overview.body).toContain('社区养老驿站运营');
      expect(overview.body).toContain('各部门可购买事项对照');
      const english = await h.app.inject({
        method: 'GET',
        url: '/catalogues?year=2026',
        cookies: { gongshi_lang: 'en' },
      });
      expect(english.body).toContain('Purchasable items by department, side by side');
    });
  });
});
