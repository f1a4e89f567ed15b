// Procurement journeys (issue: Procurement I): an open tender and a single source, each from the notice
// to the opening, as the purchaser, providers, the finance bureau and the public would go through them.
// The deadline passes by moving the server's clock (TEST_CLOCK_FILE); the scheduler opens the bids by
// itself. axe on every page visited.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { api, checkA11y, demoUser, logIn, logInWith, logOut, moveServerClock, unique } from './helpers.js';

// Each journey walks four roles through a dozen pages with axe on each: about 50 s alone, so it gets
// room for a machine that is busy with other suites.
test.describe.configure({ timeout: 240_000 });

test.afterEach(() => moveServerClock(null));

/** The first moment after a deadline day in Beijing: when the bids are opened. */
function openingMoment(deadline: string): Date {
  const d = new Date(`${deadline}T00:00:00+08:00`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/** Two more providers, members of eligible demo organizations, made by the administrator. */
async function moreProviders(
  count: number,
): Promise<{ login: string; password: string; organization: string }[]> {
  const { items } = await api<{ items: { id: string; uscc: string; name: string; lists: string[] }[] }>(
    null,
    'GET',
    '/api/v1/organizations?district=110105',
  );
  const out = [];
  for (const org of items) {
    if (out.length === count) break;
    if (org.name === demoUser('providerMember').organization || org.lists.length > 0) continue;
    const credit = await api<{ eligible: boolean }>(null, 'GET', `/api/v1/credit/${org.uscc}`);
    if (!credit.eligible) continue;
    const login = `bidder-${unique()}@gongshi.example`;
    const password = `Bidder-password-${unique()}-42`;
    const user = await api<{ id: string }>('administrator', 'POST', '/api/v1/admin/users', {
      name: `${org.name.slice(0, 8)}投标员`,
      email: login,
      password,
    });
    await api('administrator', 'POST', `/api/v1/admin/users/${user.id}/memberships`, {
      organizationId: org.id,
      role: 'providerMember',
    });
    out.push({ login, password, organization: org.name });
  }
  expect(out).toHaveLength(count);
  return out;
}

/** A provider fills the bid form of a project and gets the receipt; returns the receipt's commitment. */
async function submitBid(
  page: Page,
  projectTitle: string,
  price: string,
  withFile: boolean,
): Promise<string> {
  await page.goto('/procurement/opportunities');
  await page.getByRole('link', { name: projectTitle }).click();
  await checkA11y(page);
  await page.getByRole('link', { name: '提交响应文件' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(projectTitle);
  await checkA11y(page);
  const form = page.getByRole('form', { name: '提交响应文件' });
  await form.getByRole('textbox', { name: /^第 1 包报价/ }).fill(price);
  await form.getByRole('textbox', { name: /^服务方案/ }).fill('每周上门两次，配备持证护理员，建立回访制度。');
  if (withFile) {
    await form.getByLabel('附件 1').setInputFiles({
      name: '服务方案.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% e2e service plan\n%%EOF\n'),
    });
  }
  await form.getByRole('checkbox', { name: /^我代表本单位作出以上信用承诺/ }).check();
  await form.getByRole('button', { name: '密封并提交' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('响应文件已密封');
  await checkA11y(page);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载回执（JSON）' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^receipt-.+\.json$/);
  const commitment = (await page.locator('dd code').first().innerText()).trim();
  expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  return commitment;
}

async function asProvider(browser: Browser, login: string, password: string) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await logInWith(page, login, password);
  return { context, page };
}

/** Chooses the published intention whose name contains `name` in the new-project form. */
async function chooseIntention(form: Locator, name: string): Promise<void> {
  const select = form.getByRole('combobox', { name: /^采购意向/ });
  const value = await select.locator('option', { hasText: name }).first().getAttribute('value');
  await select.selectOption(value);
}

/** Waits until the scheduler has opened the project's bids (the public page says so). */
async function waitForOpening(page: Page, projectUrl: string, status: RegExp): Promise<void> {
  await expect(async () => {
    await page.goto(projectUrl);
    await expect(page.locator('main')).toContainText(status, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
}

test('an open tender from the notice to the opening: purchaser, three providers, the public', async ({
  page,
  browser,
}) => {
  const others = await moreProviders(2);
  const title = `朝阳区社区社会工作服务项目${unique()}`;

  // The purchaser opens the project from a published intention and publishes the tender notice.
  await logIn(page, 'purchaserStaff');
  await page.goto('/procurement/projects/mine');
  await checkA11y(page);
  const create = page.getByRole('form', { name: '新建采购项目' });
  await chooseIntention(create, '社区社会工作服务站运营（2027年度）');
  await create.getByRole('textbox', { name: /^项目名称/ }).fill(title);
  await create.getByRole('combobox', { name: /^采购方式/ }).selectOption({ label: '公开招标' });
  await create.getByRole('textbox', { name: /^第 1 包名称/ }).fill('4个社区');
  await create.getByRole('textbox', { name: /^第 1 包预算/ }).fill('500000');
  await create.getByRole('button', { name: '保存项目' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await checkA11y(page);
  const projectUrl = new URL(page.url()).pathname;
  const notice = page.getByRole('form', { name: '发布采购公告' });
  const deadline = await notice.getByRole('textbox', { name: /^响应截止日期/ }).inputValue();
  expect(deadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await notice
    .getByRole('textbox', { name: /^公告正文/ })
    .fill('采购内容：社区社会工作服务。供应商资格：依法登记、信用良好的社会组织。');
  await notice.getByRole('button', { name: '发布采购公告' }).click();
  await expect(page.locator('.flash')).toContainText(deadline);
  await expect(page.locator('main')).toContainText('响应文件是密封的');
  await checkA11y(page);
  // Before the opening even the department cannot read a bid.
  const sealed = await page.goto(`${projectUrl}/bids`);
  expect(sealed?.status()).toBe(409);
  await expect(page.locator('main')).toContainText('开标前任何人都无法查看');
  await logOut(page);

  // Three providers bid; each gets a receipt.
  await logIn(page, 'providerMember');
  const commitments = [await submitBid(page, title, '480,000', true)];
  await page.goto('/procurement/bids/mine');
  await expect(page.locator('main')).toContainText(title);
  await checkA11y(page);
  await logOut(page);
  for (const [i, p] of others.entries()) {
    const { context, page: providerPage } = await asProvider(browser, p.login, p.password);
    commitments.push(await submitBid(providerPage, title, `${490_000 + i * 1000}`, false));
    await context.close();
  }

  // The public reads the notice; the responses are sealed.
  const publicContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const visitor = await publicContext.newPage();
  await visitor.goto('/procurement/notices');
  await visitor.getByRole('link', { name: title }).first().click();
  await expect(visitor.locator('main')).toContainText('响应文件是密封的');
  await checkA11y(visitor);

  // The deadline passes; the scheduler opens the bids; the opening record reads out the prices.
  moveServerClock(new Date(openingMoment(deadline).getTime() + 5_000));
  await waitForOpening(visitor, projectUrl, /已开标/);
  await checkA11y(visitor);
  await visitor
    .getByRole('listitem')
    .filter({ hasText: '开标记录' })
    .getByRole('link', { name: '公示记录' })
    .click();
  const record = visitor.locator('main');
  for (const c of commitments) await expect(record).toContainText(c);
  await expect(record).toContainText('48000000');
  await checkA11y(visitor);
  await publicContext.close();

  // The department reads the opened bids.
  await logIn(page, 'purchaserStaff');
  await page.goto(`${projectUrl}/bids`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
  await expect(page.locator('main')).toContainText('与公开的承诺值一致');
  await expect(page.locator('main')).toContainText(demoUser('providerMember').organization);
  await expect(page.getByRole('link', { name: '服务方案.pdf' })).toBeVisible();
  await checkA11y(page);
});

test('a single source from the request to the opening and award: purchaser, finance, the public, the supplier', async ({
  page,
  browser,
}) => {
  const title = `朝阳区失智老人照护服务${unique()}`;
  const supplier = demoUser('providerMember').organization;

  // The purchaser names the supplier and the legal ground.
  await logIn(page, 'purchaserStaff');
  await page.goto('/procurement/projects/mine');
  const create = page.getByRole('form', { name: '新建采购项目' });
  await chooseIntention(create, '老年人能力综合评估服务（续期）');
  await create.getByRole('textbox', { name: /^项目名称/ }).fill(title);
  await create.getByRole('combobox', { name: /^采购方式/ }).selectOption({ label: '单一来源' });
  await create.getByRole('textbox', { name: /^第 1 包名称/ }).fill('全区');
  await create.getByRole('textbox', { name: /^第 1 包预算/ }).fill('300000');
  await create.getByRole('button', { name: '保存项目' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  const projectUrl = new URL(page.url()).pathname;
  const request = page.getByRole('form', { name: '提交单一来源申请' });
  await request.getByRole('combobox', { name: /^拟采购的社会组织/ }).selectOption({ label: supplier });
  await request.getByRole('combobox', { name: /^法定情形/ }).selectOption('soleSupplier');
  await request
    .getByRole('textbox', { name: /^理由和论证/ })
    .fill('该机构是本区唯一具备失智老人照护资质的社会服务机构。');
  await request.getByRole('button', { name: '提交单一来源申请' }).click();
  await expect(page.locator('main')).toContainText('待财政部门审批');
  await checkA11y(page);
  await logOut(page);

  // The finance bureau approves; the pre-notice is published.
  await logIn(page, 'finance');
  await page.goto('/procurement/approvals');
  await checkA11y(page);
  await page.getByRole('link', { name: title }).click();
  const decision = page.getByRole('form', { name: '财政部门审批' });
  await decision.getByRole('combobox', { name: /^财政部门审批/ }).selectOption('true');
  await decision.getByRole('textbox', { name: /^审批意见/ }).fill('同意采用单一来源方式。');
  await decision.getByRole('button', { name: '财政部门审批' }).click();
  await expect(page.locator('.flash')).toContainText('单一来源公示已发布');
  const until = /公示期至 (\d{4}-\d{2}-\d{2})/.exec(await page.locator('.flash').innerText())![1]!;
  await checkA11y(page);
  await logOut(page);

  // Anyone may object during the pre-notice, without signing in.
  const publicContext = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const visitor = await publicContext.newPage();
  await visitor.goto(projectUrl);
  await visitor.getByRole('textbox', { name: /^异议内容/ }).fill('建议公开招标，其他机构也有照护资质。');
  await visitor.getByRole('button', { name: '提出异议' }).click();
  await expect(visitor.locator('main')).toContainText('建议公开招标');
  await checkA11y(visitor);

  // The supplier responds (sealed).
  await logIn(page, 'providerMember');
  await page.goto(`${projectUrl}/bid`);
  const form = page.getByRole('form', { name: '提交响应文件' });
  await form.getByRole('textbox', { name: /^第 1 包报价/ }).fill('295000');
  await form.getByRole('textbox', { name: /^服务方案/ }).fill('照护方案：每日上门照护，配备认知症照护专员。');
  await form.getByRole('checkbox', { name: /^我代表本单位作出以上信用承诺/ }).check();
  await form.getByRole('button', { name: '密封并提交' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('响应文件已密封');
  await logOut(page);

  // The purchaser answers the objection.
  await logIn(page, 'purchaserStaff');
  await page.goto(projectUrl);
  await page
    .getByRole('textbox', { name: /^答复/ })
    .fill('经核实，本区仅此一家机构具备资质，维持单一来源方式。');
  await page.getByRole('button', { name: '发布答复' }).click();
  await expect(page.locator('main')).toContainText('维持单一来源方式');

  // The pre-notice runs out: the response is opened; the purchaser publishes the award.
  moveServerClock(new Date(openingMoment(until).getTime() + 5_000));
  await waitForOpening(page, projectUrl, /已开标/);
  await logIn(page, 'purchaserStaff');
  await page.goto(`${projectUrl}/bids`);
  await expect(page.locator('main')).toContainText('295,000');
  await checkA11y(page);
  const award = page.getByRole('form', { name: '成交' });
  await award.getByRole('textbox', { name: /^成交价/ }).fill('290000');
  await award.getByRole('textbox', { name: /^协商情况/ }).fill('经协商，价格下调5000元。');
  await award.getByRole('button', { name: '发布成交公告' }).click();
  await expect(page.locator('.flash')).toHaveText('成交公告已发布。');
  await expect(page.locator('main')).toContainText('已成交');
  await checkA11y(page);

  // The public sees the award among the notices.
  await visitor.goto('/procurement/notices');
  await expect(visitor.locator('main')).toContainText(title);
  await expect(visitor.locator('main')).toContainText('成交公告');
  await checkA11y(visitor);
  await publicContext.close();
});
