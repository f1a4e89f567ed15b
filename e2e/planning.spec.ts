// Planning journeys: the public watches the 30% share (S5) from the city down to a department's projects
// and downloads it; a purchaser runs a needs survey (S7) that a resident answers on a phone through a
// one-time link; the summary is published. axe on every page visited.
import { expect, test } from '@playwright/test';
import { api, checkA11y, header, logIn, logOut, unique } from './helpers.js';

test('the public follows the 30% share from districts to a department’s projects, and downloads it', async ({
  page,
}) => {
  await page.goto('/');
  await header(page).getByRole('link', { name: '30% 监测' }).click();
  await expect(page).toHaveURL(/\/planning\/share$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('向社会组织购买服务比例监测');
  // The chart is drawn on the server; the table carries the figures, and says "below" in words.
  await expect(page.locator('figure .chart svg')).toBeVisible();
  const table = page.locator('table.share-table');
  await expect(table.getByRole('row', { name: /^海淀区/ })).toContainText('低于 30%');
  await expect(table.getByRole('row', { name: /^北京市市级部门/ })).toContainText('年度计划');
  await checkA11y(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/^share-\d{4}-district\.xlsx$/);

  await table.getByRole('link', { name: '朝阳区' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('朝阳区的部门');
  await checkA11y(page);
  await page.locator('table.share-table').getByRole('link', { name: '北京市朝阳区民政局' }).click();
  await expect(page).toHaveURL(/\/planning\/departments\/[^/?]+\?year=\d{4}$/);
  await expect(page.locator('main')).toContainText('区养老服务指导中心运营');
  await expect(page.locator('main')).toContainText('向社会组织购买的比例：');
  await checkA11y(page);
});

test('a purchaser runs a needs survey that a resident answers on a phone; the summary is published', async ({
  page,
  browser,
}) => {
  const title = `呼家楼街道助餐需求调研${unique()}`;
  await logIn(page, 'purchaserStaff');
  await header(page).getByRole('link', { name: '需求调研' }).click();
  await expect(page).toHaveURL(/\/surveys$/);
  await checkA11y(page);
  await page.locator('main a[href="/surveys/new"]').click();
  const create = page.locator('main form');
  await create.getByRole('textbox', { name: /^调研名称/ }).fill(title);
  await create
    .getByRole('textbox', { name: /^调研目的/ })
    .fill('了解老年人对社区助餐的需求，用于编制采购需求');
  await create.getByRole('textbox', { name: /^调研对象项目/ }).fill('呼家楼街道老年助餐服务');
  await create.getByRole('button', { name: '保存草稿' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await checkA11y(page);

  const question = page.getByRole('region', { name: '添加问题' });
  await question.getByRole('textbox', { name: /^问题/ }).fill('您最需要哪种助餐方式？');
  await question.getByRole('combobox', { name: /^回答方式/ }).selectOption({ label: '单选' });
  await question.getByRole('textbox', { name: /^选项/ }).fill('到餐厅就餐\n送餐上门\n都可以');
  await question.getByRole('button', { name: '添加这个问题' }).click();
  await question.getByRole('textbox', { name: /^问题/ }).fill('您对现在的社区助餐服务满意吗？');
  await question.getByRole('combobox', { name: /^回答方式/ }).selectOption({ label: '评分（1–5 分）' });
  await question.getByRole('button', { name: '添加这个问题' }).click();
  await expect(page.locator('main')).toContainText('您对现在的社区助餐服务满意吗？');
  await page.getByRole('button', { name: '开始调研' }).click();

  const links = page.getByRole('region', { name: '发放答题链接' });
  await links.getByRole('spinbutton', { name: /^链接数量/ }).fill('2');
  await links.getByRole('combobox', { name: /^发给/ }).selectOption({ label: '居民' });
  await links.getByRole('button', { name: '生成并显示' }).click();
  await expect(page.locator('main')).toContainText('这些链接只显示这一次');
  const link = (await page.locator('main code').first().innerText()).trim();
  expect(link).toMatch(/\/s\/[A-Za-z0-9_-]+$/);
  await checkA11y(page);
  await logOut(page);

  // A resident on a phone.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const resident = await phone.newPage();
  await resident.goto(new URL(link).pathname);
  await expect(resident.locator('main')).toContainText('了解老年人对社区助餐的需求');
  await checkA11y(resident);
  await resident.getByRole('button', { name: '提交回答' }).click();
  await expect(resident.getByRole('alert')).toBeVisible();
  await checkA11y(resident);
  await resident.getByRole('radio', { name: '送餐上门' }).check();
  await resident.getByRole('radio', { name: '4', exact: true }).check();
  await resident.getByRole('button', { name: '提交回答' }).click();
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText('谢谢您！');
  await checkA11y(resident);
  // The same link again: refused, politely.
  await resident.goto(new URL(link).pathname);
  await expect(resident.getByRole('heading', { level: 1 })).toHaveText('已经回答过了');
  await checkA11y(resident);
  await phone.close();

  // Back at the department: results, close, publish the summary.
  await logIn(page, 'purchaserStaff');
  await page.goto('/surveys');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('button', { name: '结束调研' }).click();
  // Closed, the survey opens on its results.
  await expect(page.locator('.flash')).toContainText('调研已结束');
  await expect(page.locator('main')).toContainText('送餐上门');
  await expect(page.locator('main')).toContainText('平均 4');
  await checkA11y(page);
  await page.getByRole('textbox', { name: /^总结/ }).fill('多数老年人希望送餐上门，采购需求将以送餐为主。');
  await page.getByRole('button', { name: '发布调研结果' }).click();
  // Published: the record itself, as the public reads it.
  await expect(page).toHaveURL(/\/records\/[^/]+$/);
  await expect(page.locator('.flash')).toContainText('调研结果已发布');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${title}：需求调研结果`);
  await checkA11y(page);
  await logOut(page);
});

test('the public reads the procurement methods and works out a tender’s statutory timeline', async ({
  page,
}) => {
  await page.goto('/');
  await header(page).getByRole('link', { name: '采购方式与期限' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('采购方式与法定期限');
  await expect(page.getByRole('row', { name: /^公开招标/ })).toContainText('《政府采购法》第三十五条');
  await checkA11y(page);
  const form = page.getByRole('form', { name: '计算法定时间表' });
  await form.getByRole('combobox', { name: /^采购方式/ }).selectOption({ label: '公开招标' });
  await form.getByLabel(/^公告或文件发出日期/).fill('2026-11-02');
  await form.getByLabel(/^拟定的响应截止日期/).fill('2026-11-20');
  await form.getByRole('button', { name: '计算' }).click();
  await expect(page.getByRole('alert')).toContainText('截止日期太早');
  await expect(page.getByRole('status')).toContainText('最早响应截止日期：2026-11-23。');
  await checkA11y(page);
});

/** Drafts and publishes an intention of the demo purchaser's department today, over the API. */
async function intentionPublishedToday(projectName: string): Promise<void> {
  const me = await api<{ memberships: { organizationId: string; role: string }[] }>(
    'purchaserStaff',
    'GET',
    '/api/v1/me',
  );
  const departmentId = me.memberships.find((m) => m.role === 'purchaserStaff')!.organizationId;
  const { departments } = await api<{ departments: { catalogueId: string; departmentId: string }[] }>(
    null,
    'GET',
    '/api/v1/catalogues',
  );
  const catalogueId = departments.find((d) => d.departmentId === departmentId)!.catalogueId;
  const { items } = await api<{ items: { id: string; purchasable: boolean }[] }>(
    null,
    'GET',
    `/api/v1/catalogues/${catalogueId}`,
  );
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + 40);
  const { id } = await api<{ id: string }>('purchaserStaff', 'POST', '/api/v1/intentions', {
    departmentId,
    catalogueItemId: items.find((i) => i.purchasable)!.id,
    projectName,
    needs: '为辖区 200 名老年人每月上门服务 4 次',
    procurementFrom: start.toISOString().slice(0, 10),
    contractMonths: 12,
    costs: [{ kind: 'labour', quantity: 12, unit: '人·月', unitCostFen: 800_000 }],
  });
  await api('purchaserStaff', 'POST', `/api/v1/intentions/${id}/publish`);
}

test('a purchaser cannot open a procurement before its intention has been public for 30 days', async ({
  page,
}) => {
  // An intention of its own, published today: the test needs no other to have run first.
  const intention = `望京街道居家养老上门服务${unique()}`;
  await intentionPublishedToday(intention);
  await logIn(page, 'purchaserStaff');
  await header(page).getByRole('link', { name: '采购项目' }).click();
  await expect(page).toHaveURL(/\/procurement\/projects\/mine$/);
  await checkA11y(page);
  const form = page.getByRole('form', { name: '新建采购项目' });
  const select = form.getByRole('combobox', { name: /^采购意向/ });
  await select.selectOption(
    await select.locator('option', { hasText: intention }).first().getAttribute('value'),
  );
  await form.getByRole('textbox', { name: /^项目名称/ }).fill('望京街道居家养老上门服务');
  await form.getByRole('textbox', { name: /^第 1 包名称/ }).fill('望京西园片区');
  await form.getByRole('textbox', { name: /^第 1 包预算/ }).fill('100000');
  await form.getByRole('button', { name: '保存项目' }).click();
  await expect(page.getByRole('alert')).toContainText(
    /采购意向公开满 30 日后才能开始采购，即 \d{4}-\d\d-\d\d 起/,
  );
  await checkA11y(page);
  await logOut(page);
});
