// The guidance catalogue (S4): the public reads every department's catalogue and compares them side by
// side; a purchaser drafts a new version, is stopped when an item on the negative list is marked
// purchasable, fixes it and publishes. axe on every page visited.
import { expect, test } from '@playwright/test';
import { checkA11y, header, logIn, logOut, unique } from './helpers.js';

function thisYear(): number {
  return Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()),
  );
}

test('the public compares the departments’ catalogues and reads one, with its negative-list checks', async ({
  page,
}) => {
  await page.goto('/');
  await header(page).getByRole('link', { name: '指导性目录' }).click();
  await expect(page).toHaveURL(/\/catalogues$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('政府购买服务指导性目录');
  const summary = page.getByRole('region', { name: '各部门目录概况' });
  await expect(summary.getByRole('link', { name: '北京市残疾人联合会' })).toBeVisible();
  // The city's civil-affairs bureau published two versions; the overview shows the second.
  await expect(summary.getByRole('row', { name: /^北京市民政局 / })).toContainText('第 2 版');
  const side = page.getByRole('region', { name: '各部门可购买事项对照' });
  await expect(side.getByRole('columnheader', { name: '北京市卫生健康委员会' })).toBeVisible();
  await expect(side.getByRole('row', { name: /^民生保障/ })).toContainText('残疾人社区康复服务');
  // What may not be bought is never listed as purchasable.
  await expect(side).not.toContainText('劳务派遣');
  await checkA11y(page);

  await summary.getByRole('link', { name: '北京市民政局' }).click();
  await expect(page).toHaveURL(/\/catalogues\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`北京市民政局 ${thisYear()} 年`);
  const items = page.getByRole('region', { name: '事项', exact: true });
  const excluded = items.getByRole('row', { name: /民政服务窗口人员劳务派遣/ });
  await expect(excluded).toContainText('负面清单：人员聘用、劳务派遣或公益性岗位');
  await expect(excluded).toContainText('不得购买');
  await expect(items.getByRole('row', { name: /居家养老上门服务/ })).toContainText(
    '每位服务对象每月上门不少于 4 次',
  );
  await expect(
    page.getByRole('navigation', { name: '各版本' }).getByRole('link', { name: '第 1 版' }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: '查看公示记录' }).click();
  await expect(page).toHaveURL(/\/records\/[^/]+$/);
  await expect(page.locator('main')).toContainText('指导性目录');

  // In English.
  await page.goto('/catalogues');
  await header(page).getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Guidance catalogues of government purchase of services',
  );
  await checkA11y(page);
  await header(page).getByRole('link', { name: '中文' }).click();
});

test('a purchaser drafts the next version: a purchasable item on the negative list is refused; fixed, it is published', async ({
  page,
}) => {
  await logIn(page, 'purchaserStaff');
  await header(page).getByRole('link', { name: '编制目录' }).click();
  await expect(page).toHaveURL(/\/catalogues\/mine$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本部门的目录');
  await checkA11y(page);

  const form = page.getByRole('form', { name: '新建目录或新版本' });
  await form.getByRole('combobox', { name: /^部门/ }).selectOption({ label: '北京市朝阳区民政局' });
  await form.getByRole('spinbutton', { name: /^年度/ }).fill(String(thisYear()));
  await form.getByRole('textbox', { name: /^说明/ }).fill('增加社区食堂服务');
  await form.getByRole('button', { name: '新建草稿' }).click();
  await expect(page).toHaveURL(/\/catalogues\/[^/]+$/);
  await expect(page.locator('.flash')).toContainText('已新建第 2 版草稿（复制了 12 个事项）');
  await expect(page.locator('.notice')).toContainText('这是草稿');
  await checkA11y(page);

  // A new item marked purchasable although it is on the negative list.
  const name = `社区老年餐桌运营${unique()}`;
  const add = page.getByRole('form', { name: '添加事项' });
  await add.getByRole('textbox', { name: /^编码/ }).fill('A06');
  await add.getByRole('textbox', { name: /^事项名称/ }).fill(name);
  await add.getByRole('combobox', { name: /^领域/ }).selectOption({ label: '民生保障' });
  await add.getByRole('checkbox', { name: '城乡社区服务' }).check();
  await add.getByRole('combobox', { name: /^负面清单核对/ }).selectOption({ label: '融资行为' });
  await add.getByRole('textbox', { name: /^核对理由/ }).fill('误选');
  await add.getByRole('button', { name: '保存事项' }).click();
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('link', { name: /^列为可购买事项：/ })).toContainText(
    '这个事项在负面清单中（融资行为',
  );
  await expect(add.getByRole('textbox', { name: /^事项名称/ })).toHaveValue(name);
  await checkA11y(page);

  await add.getByRole('combobox', { name: /^负面清单核对/ }).selectOption({ label: '不在负面清单中' });
  await add.getByRole('textbox', { name: /^核对理由/ }).fill('社区助餐属于基本公共服务，适合由社会组织承接');
  await add.getByRole('button', { name: '保存事项' }).click();
  await expect(page.locator('.flash')).toHaveText('已添加事项 A06。');
  await expect(
    page.getByRole('region', { name: '事项', exact: true }).getByRole('row', { name: new RegExp(name) }),
  ).toContainText('不在负面清单中');

  await page.getByRole('button', { name: '公开这个版本' }).click();
  await expect(page.locator('.flash')).toHaveText('目录已公开。');
  await expect(page.getByRole('link', { name: '查看公示记录' })).toBeVisible();
  await expect(page.getByRole('button', { name: '公开这个版本' })).toHaveCount(0);
  await checkA11y(page);

  await page.goto('/catalogues');
  const side = page.getByRole('region', { name: '各部门可购买事项对照' });
  await expect(side).toContainText(name);
  await logOut(page);
});

test('a purchaser goes from a catalogue item to a costed, published procurement intention', async ({
  page,
}) => {
  const addDays = (days: number) => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const d = new Date(`${today}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
  };
  await logIn(page, 'purchaserStaff');
  await header(page).getByRole('link', { name: '编制采购意向' }).click();
  await expect(page).toHaveURL(/\/intentions\/mine$/);
  await expect(page.getByRole('row', { name: /朝阳区社区社会工作服务站运营/ })).toContainText('草稿');
  await checkA11y(page);
  await page.getByRole('button', { name: '新建采购意向' }).click();
  await expect(page).toHaveURL(/\/intentions\/new$/);
  await checkA11y(page);

  const name = `呼家楼街道老年助餐服务${unique()}`;
  const form = page.getByRole('form', { name: '新建采购意向' });
  await form
    .getByRole('combobox', { name: /^指导性目录事项/ })
    .selectOption({ label: `${thisYear()} · A01.02 社区养老服务驿站运营` });
  await form.getByRole('textbox', { name: /^项目名称/ }).fill(name);
  await form.getByRole('textbox', { name: /^采购需求概况/ }).fill('每日为 120 名老年人提供午餐和送餐服务');
  await form.getByLabel(/^预计采购时间/).fill(addDays(10));
  await form.getByRole('spinbutton', { name: /^人员成本 · 数量/ }).fill('24');
  const labour = form.getByRole('group', { name: '人员成本' });
  await labour.getByRole('textbox', { name: /^单位/ }).fill('人·月');
  await labour.getByRole('textbox', { name: /^单价/ }).fill('7500');
  await form.getByRole('button', { name: '保存草稿' }).click();
  // Too soon: the intention must be public 30 days before procurement starts.
  const problem = page.getByRole('alert').getByRole('link', { name: /^预计采购时间：/ });
  await expect(problem).toContainText(`今天公开最早为 ${addDays(30)}`);
  await expect(form.getByRole('textbox', { name: /^项目名称/ })).toHaveValue(name);
  await checkA11y(page);

  await form.getByLabel(/^预计采购时间/).fill(addDays(40));
  await form.getByRole('button', { name: '保存草稿' }).click();
  await expect(page).toHaveURL(/\/intentions\/[^/]+$/);
  await expect(page.locator('.flash')).toHaveText('采购意向草稿已保存，预算合计 180,000 元。');
  await expect(page.getByRole('region', { name: '预算构成（成本测算）' })).toContainText('人员成本');
  await expect(page.getByRole('region', { name: '与平台上同类项目比较' })).toContainText(
    '同类项目的每月预算',
  );
  await checkA11y(page);

  await page.getByRole('button', { name: '公开采购意向' }).click();
  await expect(page.locator('.flash')).toHaveText(`采购意向已公开，${addDays(30)} 起可以开始采购。`);
  await expect(page.getByRole('link', { name: '查看公示记录' })).toBeVisible();
  await logOut(page);

  await page.goto('/intentions');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await checkA11y(page);
});
