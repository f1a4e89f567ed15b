// Demo guidance catalogues (S4): several departments' published catalogues for this year, each item
// checked against the negative list (some recorded as "may not be bought"), one department with a
// second version, and one with a draft still being prepared. Items are realistic, not real.
import { addItem, createCatalogue, publishCatalogue, type ItemDomain } from '../modules/catalogue/index.js';
import type { Ctx } from '../platform/context.js';
import { beijingDate, yearOf } from '../platform/time/dates.js';

type Ground =
  'none' | 'outsideDuties' | 'coreDuties' | 'goodsOrWorks' | 'financing' | 'staffing' | 'otherExcluded';

interface DemoItem {
  code: string;
  name: string;
  parent?: string;
  domain: ItemDomain;
  community?: boolean;
  industry?: boolean;
  standards?: string;
  ground?: Ground;
  reason?: string;
}

const OK = '属于本部门职责范围内的公共服务，适合由社会力量承担，不在负面清单中';

const CIVIL_AFFAIRS: DemoItem[] = [
  { code: 'A01', name: '养老服务', domain: 'livelihood' },
  {
    code: 'A01.01',
    parent: 'A01',
    name: '居家养老上门服务',
    domain: 'livelihood',
    community: true,
    standards: '每位服务对象每月上门不少于 4 次，每次不少于 1 小时；服务记录可追溯',
  },
  {
    code: 'A01.02',
    parent: 'A01',
    name: '社区养老服务驿站运营',
    domain: 'livelihood',
    community: true,
    standards: '每日开放不少于 8 小时；配备持证养老护理员不少于 2 名',
  },
  { code: 'A01.03', parent: 'A01', name: '老年人能力综合评估', domain: 'livelihood' },
  { code: 'A02', name: '社会救助', domain: 'livelihood' },
  { code: 'A02.01', parent: 'A02', name: '困难群众走访与需求评估', domain: 'livelihood', community: true },
  { code: 'A02.02', parent: 'A02', name: '社会救助经办辅助服务', domain: 'livelihood' },
  { code: 'A03', name: '社区社会工作服务', domain: 'governance', community: true },
  { code: 'A04', name: '社会组织孵化培育与能力建设', domain: 'governance', industry: true },
  { code: 'A05', name: '慈善项目评估与慈善信息公开辅助', domain: 'charity' },
  {
    code: 'Z01',
    name: '民政服务窗口人员劳务派遣',
    domain: 'other',
    ground: 'staffing',
    reason: '属于以劳务派遣方式用工，不得作为政府购买服务内容',
  },
  {
    code: 'Z02',
    name: '养老机构新建工程',
    domain: 'other',
    ground: 'goodsOrWorks',
    reason: '属于工程，应按工程采购，不得作为政府购买服务内容',
  },
];

const DISABLED_PERSONS: DemoItem[] = [
  { code: 'B01', name: '残疾人社区康复服务', domain: 'livelihood', community: true },
  { code: 'B02', name: '残疾人职业技能培训', domain: 'livelihood' },
  { code: 'B03', name: '残疾人家庭无障碍改造评估', domain: 'livelihood' },
  {
    code: 'Z01',
    name: '残疾人家庭无障碍改造施工',
    domain: 'other',
    ground: 'goodsOrWorks',
    reason: '属于工程施工，不得作为政府购买服务内容',
  },
];

const HEALTH: DemoItem[] = [
  { code: 'H01', name: '社区心理健康服务', domain: 'livelihood', community: true },
  { code: 'H02', name: '健康科普与控烟宣传', domain: 'charity' },
  { code: 'H03', name: '卫生健康行业协会行业标准研究', domain: 'industry', industry: true },
  {
    code: 'Z01',
    name: '公立医院医疗设备采购',
    domain: 'other',
    ground: 'goodsOrWorks',
    reason: '属于货物采购，不得作为政府购买服务内容',
  },
];

const STREET: DemoItem[] = [
  { code: 'S01', name: '社区议事协商与居民自治辅导', domain: 'governance', community: true },
  { code: 'S02', name: '社区志愿服务组织与管理', domain: 'governance', community: true },
  { code: 'S03', name: '老旧小区物业管理服务过渡', domain: 'livelihood', community: true },
  {
    code: 'Z01',
    name: '街道综合执法',
    domain: 'other',
    ground: 'coreDuties',
    reason: '行政执法属于应当由政府直接履职的事项',
  },
];

async function seedOne(ctx: Ctx, departmentId: string, year: number, items: DemoItem[], note: string) {
  const { id } = await createCatalogue(ctx, { departmentId, year, note });
  const ids = new Map<string, string>();
  for (const i of items) {
    const ground = i.ground ?? 'none';
    const created = await addItem(ctx, id, {
      code: i.code,
      name: i.name,
      domain: i.domain,
      ...(i.parent ? { parentId: ids.get(i.parent)! } : {}),
      community: i.community ?? false,
      forSocialOrganizations: ground === 'none',
      forIndustryAssociations: i.industry ?? false,
      ...(i.standards ? { standards: i.standards } : {}),
      negativeCheck: ground,
      negativeReason: i.reason ?? OK,
      purchasable: ground === 'none',
    });
    ids.set(i.code, created.id);
  }
  return id;
}

/** Seeds the demo catalogues; `departments` maps a department's name to its id. */
export async function seedCatalogues(ctx: Ctx, departments: ReadonlyMap<string, string>): Promise<void> {
  const year = yearOf(beijingDate(ctx.now));
  const id = (name: string) => {
    const found = departments.get(name);
    if (!found) throw new Error(`demo data: no department named ${name}`);
    return found;
  };
  // The city's civil-affairs bureau: published, then a second version with one more item.
  const city = await seedOne(
    ctx,
    id('北京市民政局'),
    year,
    CIVIL_AFFAIRS.slice(0, 9).concat(CIVIL_AFFAIRS.slice(10)),
    '首次编制',
  );
  await publishCatalogue(ctx, city);
  const cityV2 = await seedOne(ctx, id('北京市民政局'), year, [], '增加慈善项目评估事项');
  await addItem(ctx, cityV2, {
    code: 'A05',
    name: '慈善项目评估与慈善信息公开辅助',
    domain: 'charity',
    forSocialOrganizations: true,
    negativeCheck: 'none',
    negativeReason: OK,
    purchasable: true,
  });
  await publishCatalogue(ctx, cityV2);
  // Chaoyang's civil-affairs bureau (the demo purchaser's department).
  await publishCatalogue(
    ctx,
    await seedOne(ctx, id('北京市朝阳区民政局'), year, CIVIL_AFFAIRS, '朝阳区民政局指导性目录'),
  );
  await publishCatalogue(
    ctx,
    await seedOne(ctx, id('北京市残疾人联合会'), year, DISABLED_PERSONS, '残疾人服务'),
  );
  await publishCatalogue(ctx, await seedOne(ctx, id('北京市卫生健康委员会'), year, HEALTH, '卫生健康服务'));
  await publishCatalogue(ctx, await seedOne(ctx, id('朝阳区望京街道办事处'), year, STREET, '街道社区服务'));
  // Haidian's civil-affairs bureau is still drafting next year's catalogue.
  await seedOne(ctx, id('北京市海淀区民政局'), year + 1, CIVIL_AFFAIRS.slice(0, 4), '草稿：下一年度');
}
