// Demo procurement intentions: published ones for catalogue items of Chaoyang's and the city's
// civil-affairs bureaus (so budgets have something to be compared with), and a draft being costed.
import { purchasableItemsOf } from '../modules/catalogue/index.js';
import { addPlannedSpending, createIntention, publishIntention } from '../modules/planning/index.js';
import type { Ctx } from '../platform/context.js';
import { addDays, beijingDate, yearOf } from '../platform/time/dates.js';

interface DemoIntention {
  department: string;
  itemCode: string;
  projectName: string;
  needs: string;
  months: number;
  /** kind, quantity, unit, unit cost in yuan */
  costs: [string, number, string, number][];
  publish: boolean;
}

const INTENTIONS: DemoIntention[] = [
  {
    department: '北京市朝阳区民政局',
    itemCode: 'A01.01',
    projectName: '朝阳区望京街道居家养老上门服务项目',
    needs:
      '为望京街道 200 名失能、半失能老年人提供每月 4 次上门服务：助洁、助浴、助医陪同和健康监测。\n服务人员持证上岗，服务记录可追溯，季度满意度不低于 90%。',
    months: 12,
    costs: [
      ['labour', 96, '人·月', 8500],
      ['administration', 12, '月', 1200],
      ['taxes', 1, '项', 18000],
      ['capacityBuilding', 4, '次', 3000],
      ['evaluation', 1, '次', 15000],
    ],
    publish: true,
  },
  {
    department: '北京市民政局',
    itemCode: 'A01.02',
    projectName: '市级社区养老服务驿站运营示范项目',
    needs: '委托运营 3 个示范社区养老服务驿站，每日开放不少于 8 小时，提供助餐、日间照料和文化活动。',
    months: 24,
    costs: [
      ['labour', 144, '人·月', 8000],
      ['administration', 24, '月', 3000],
      ['taxes', 1, '项', 40000],
      ['evaluation', 2, '次', 20000],
    ],
    publish: true,
  },
  {
    department: '北京市朝阳区民政局',
    itemCode: 'A03',
    projectName: '朝阳区社区社会工作服务站运营',
    needs: '在 4 个社区开展社会工作服务：困难群体个案、社区融入小组和志愿者培训。',
    months: 12,
    costs: [
      ['labour', 48, '人·月', 9000],
      ['capacityBuilding', 6, '次', 2500],
    ],
    publish: false,
  },
];

/** Seeds the demo intentions; `departments` maps a department's name to its id. */
export async function seedIntentions(ctx: Ctx, departments: ReadonlyMap<string, string>): Promise<void> {
  const procurementFrom = addDays(beijingDate(ctx.now), 45);
  for (const n of INTENTIONS) {
    const departmentId = departments.get(n.department);
    if (!departmentId) throw new Error(`demo data: no department named ${n.department}`);
    const item = (await purchasableItemsOf(ctx.trx, departmentId)).find((i) => i.code === n.itemCode);
    if (!item) throw new Error(`demo data: ${n.department} has no purchasable item ${n.itemCode}`);
    const { id } = await createIntention(ctx, {
      departmentId,
      catalogueItemId: item.id,
      projectName: n.projectName,
      needs: n.needs,
      procurementFrom,
      contractMonths: n.months,
      costs: n.costs.map(([kind, quantity, unit, yuan]) => ({
        kind: kind as 'labour',
        quantity,
        unit,
        unitCostFen: yuan * 100,
      })),
    });
    if (n.publish) await publishIntention(ctx, id);
  }
}

/** Annual plans of this year: [department, project, amount in 10,000 yuan, for social organizations]. */
const PLANS: [string, string, number, boolean][] = [
  ['北京市民政局', '市级社区养老服务驿站运营示范', 120, true],
  ['北京市民政局', '社会救助经办辅助服务', 80, true],
  ['北京市民政局', '民政信息系统运行维护', 150, false],
  ['北京市卫生健康委员会', '社区心理健康服务', 40, true],
  ['北京市卫生健康委员会', '公共卫生热线外包', 160, false],
  ['北京市朝阳区民政局', '望京街道居家养老上门服务', 101, true],
  ['北京市朝阳区民政局', '区养老服务指导中心运营', 180, false],
  ['朝阳区望京街道办事处', '社区议事协商与居民自治辅导', 36, true],
  ['朝阳区望京街道办事处', '社区志愿服务组织与管理', 24, true],
  ['朝阳区望京街道办事处', '老旧小区物业管理服务过渡', 40, false],
  ['北京市海淀区民政局', '困难群众走访与需求评估', 18, true],
  ['北京市海淀区民政局', '区救助管理站后勤服务', 82, false],
  ['北京市残疾人联合会', '残疾人社区康复服务', 62, true],
  ['北京市残疾人联合会', '残疾人辅助器具适配服务', 138, false],
];

/** Seeds this year's annual plans: some departments above the 30% target, some below. */
export async function seedSpending(ctx: Ctx, departments: ReadonlyMap<string, string>): Promise<void> {
  const year = yearOf(beijingDate(ctx.now));
  for (const [department, projectName, tenThousandYuan, socialOrganization] of PLANS) {
    const departmentId = departments.get(department);
    if (!departmentId) throw new Error(`demo data: no department named ${department}`);
    await addPlannedSpending(ctx, {
      departmentId,
      year,
      projectName,
      amountFen: tenThousandYuan * 1_000_000,
      socialOrganization,
    });
  }
}
