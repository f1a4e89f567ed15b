// The registry of social organizations and their credit. Civil affairs (北京市民政局) keeps the registry —
// search, register, change, annual reports, import — and enters credit records that put an
// organization on the anomaly or the serious-violation list, which tells the registration authority in
// its inbox. Purchasers and the public look an organization's credit up by its code (S2) and read, in
// plain words, whether and why it may undertake a purchase; also in English.
// The run's database is shared by every test: organizations made here carry a random suffix and a
// random credit code, and the demo organizations looked at here are ones no test changes.
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, header, logIn, logOut, randomUscc, unique } from './helpers.js';

// The civil-affairs journeys register, warn, list and import across many pages: room for a busy machine.
test.describe.configure({ timeout: 180_000 });

/** Demo organizations (src/demo/beijing.ts, with their credit from src/demo/registry.ts). */
const DEMO = {
  /** Index 0: eligible, two service domains, qualified inspections. */
  volunteers: {
    name: '北京市朝阳区社区志愿服务联合会',
    nameEn: 'Chaoyang Community Volunteer Federation',
  },
  /** Index 10: its only grade (4A, 2020) has expired. */
  expiredGrade: { name: '北京市大兴区社会组织联合会', uscc: '511101158194743430' },
  /** Index 15: a fine of 80,000 yuan, so on the serious-violation list. */
  largeFine: { name: '北京市平谷区果品产业协会', uscc: '511101172132953914' },
  /** Index 26: a dishonest judgment debtor, so on the serious-violation list. */
  judgmentDebtor: { name: '北京心灵港湾公益基金会', uscc: '53110000586367079N' },
  /** Index 7: a warning, so on the anomaly list (not the serious one). */
  anomaly: { name: '北京市社区体育健身协会' },
  /** Index 49: in Pinggu too, but a social service agency. */
  pingguAgency: { name: '北京市平谷区桃源助残服务中心' },
};

/** Today's date in Beijing, as the pages show dates. */
function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

function addYears(date: string, years: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

/** A valid code with its check character replaced by a wrong one. */
function withWrongCheckCharacter(code: string): { code: string; expected: string; actual: string } {
  const expected = code.at(-1)!;
  const actual = expected === '0' ? '1' : '0';
  return { code: code.slice(0, 17) + actual, expected, actual };
}

/** Every element id on the page is unique, so every label and error link points at its own field. */
async function expectUniqueIds(page: Page): Promise<void> {
  const duplicates = await page.locator('[id]').evaluateAll((elements) => {
    const counts = new Map<string, number>();
    for (const e of elements) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    return [...counts].filter(([, n]) => n > 1).map(([id]) => id);
  });
  expect(duplicates, `duplicate ids on ${page.url()}`).toEqual([]);
}

/** axe, and unique ids (which axe no longer checks), on the page as it is now. */
async function checkPage(page: Page): Promise<void> {
  await checkA11y(page);
  await expectUniqueIds(page);
}

/** One fact (dt/dd) of a record's facts list, by its exact term. */
function fact(page: Page, term: string) {
  return page
    .locator('dl.facts > div')
    .filter({ has: page.locator('dt').getByText(term, { exact: true }) })
    .locator('dd');
}

/** Registers a city-level association with 北京市民政局 as its registration authority; ends on its entry. */
async function registerOrganization(page: Page, name: string, uscc: string): Promise<string> {
  await page.goto('/registry/new');
  const form = page.locator('main form');
  await form.getByRole('textbox', { name: /^机构名称/ }).fill(name);
  await form.getByRole('textbox', { name: /^统一社会信用代码/ }).fill(uscc);
  await form.getByRole('combobox', { name: /^社会组织类型/ }).selectOption({ label: '社会团体' });
  await form.getByRole('combobox', { name: /^登记级别/ }).selectOption({ label: '市级' });
  await form.getByRole('combobox', { name: /^所在区/ }).selectOption({ label: '北京市 (110000)' });
  await form.getByRole('combobox', { name: /^登记管理机关/ }).selectOption({ label: '北京市民政局' });
  await form.getByRole('button', { name: '登记并公示' }).click();
  await expect(page).toHaveURL(/\/registry\/[^/]+$/);
  await expect(page.locator('.flash')).toHaveText('已登记，登记信息已公示。');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  return new URL(page.url()).pathname;
}

/** Enters a credit record on an organization's credit page (the page must be open). */
async function enterCreditRecord(
  page: Page,
  record: { category: string; description: string; source: string },
): Promise<void> {
  const form = page.getByRole('region', { name: '录入信用记录', exact: true });
  await form.getByRole('combobox', { name: /^类别/ }).selectOption({ label: record.category });
  await form.getByRole('textbox', { name: /^内容/ }).fill(record.description);
  await form.getByRole('textbox', { name: /^来源/ }).fill(record.source);
  // The date of the event is filled in with today's date in Beijing.
  await expect(form.getByLabel(/^发生日期/)).toHaveValue(beijingToday());
  await form.getByRole('button', { name: '录入并公示' }).click();
  await expect(page).toHaveURL(/\/registry\/[^/]+\/credit$/);
  await expect(page.locator('.flash')).toHaveText('信用记录已录入并公示。');
}

test.describe('civil affairs', () => {
  test.beforeEach(async ({ page }) => {
    await logIn(page, 'civilAffairs');
  });

  test('the registry: search and filter, open an organization’s entry', async ({ page }) => {
    await header(page).getByRole('link', { name: '社会组织登记' }).click();
    await expect(page).toHaveURL(/\/registry$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('社会组织登记');
    await checkPage(page);

    // Pinggu's associations: the fruit growers, not Pinggu's social service agency.
    const filters = page.getByRole('form', { name: '筛选' });
    await filters.getByRole('searchbox', { name: '按名称或统一社会信用代码查找' }).fill('平谷');
    await filters.getByRole('combobox', { name: '社会组织类型' }).selectOption({ label: '社会团体' });
    await filters.getByRole('combobox', { name: '所在区' }).selectOption({ label: '平谷区 (110117)' });
    await filters.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/\/registry\?q=.+&type=association&district=110117/);
    const table = page.getByRole('table', { name: /^共 \d+ 个社会组织$/ });
    await expect(table.getByRole('link', { name: DEMO.largeFine.name })).toBeVisible();
    await expect(table.getByRole('link', { name: DEMO.pingguAgency.name })).toHaveCount(0);
    await expect(table.getByRole('row', { name: new RegExp(DEMO.largeFine.name) })).toContainText(
      DEMO.largeFine.uscc,
    );
    // The filters stay as chosen.
    await expect(filters.getByRole('searchbox')).toHaveValue('平谷');
    await expect(filters.getByRole('combobox', { name: '所在区' })).toHaveValue('110117');
    await checkPage(page);

    // By credit code, one organization.
    await page.goto(`/registry?q=${DEMO.largeFine.uscc}`);
    await expect(page.getByRole('table')).toHaveAccessibleName('共 1 个社会组织');
    await page.getByRole('table').getByRole('link', { name: DEMO.largeFine.name }).click();

    await expect(page).toHaveURL(/\/registry\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.largeFine.name);
    await expect(fact(page, '统一社会信用代码')).toHaveText(DEMO.largeFine.uscc);
    await expect(fact(page, '登记管理机关')).toHaveText('北京市平谷区民政局');
    await expect(fact(page, '社会组织类型')).toHaveText('社会团体');
    const reports = page.getByRole('region', { name: '年度报告与年检' });
    await expect(reports.getByRole('row', { name: /^2025 / })).toContainText('合格');
    await expect(page.getByRole('region', { name: '人员名单' })).toContainText('法定代表人');
    await expect(page.getByRole('link', { name: '查看信用记录' })).toBeVisible();
    await checkPage(page);
  });

  test('register an organization (a bad code first), change its phone, record an annual report', async ({
    page,
  }) => {
    const name = `测试社区服务协会${unique()}`;
    const uscc = randomUscc('110000');
    const wrong = withWrongCheckCharacter(uscc);
    const year = Number(beijingToday().slice(0, 4)) - 1;

    await page.goto('/registry');
    // Pico styles these links as buttons (role=button).
    await page.getByRole('button', { name: '登记社会组织' }).click();
    await expect(page).toHaveURL(/\/registry\/new$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登记社会组织');
    await checkPage(page);

    // A wrong check character, and no registration authority chosen.
    const form = page.locator('main form');
    await form.getByRole('textbox', { name: /^机构名称/ }).fill(name);
    await form.getByRole('textbox', { name: /^统一社会信用代码/ }).fill(wrong.code);
    await form.getByRole('combobox', { name: /^社会组织类型/ }).selectOption({ label: '社会团体' });
    await form.getByRole('combobox', { name: /^登记级别/ }).selectOption({ label: '市级' });
    await form.getByRole('combobox', { name: /^所在区/ }).selectOption({ label: '北京市 (110000)' });
    await form.getByRole('textbox', { name: /^联系电话/ }).fill('010-65001234');
    await form.getByRole('checkbox', { name: '民生保障' }).check();
    await form.getByRole('checkbox', { name: '城乡社区服务' }).check();
    await form.getByRole('button', { name: '登记并公示' }).click();

    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText('有 2 处需要修改');
    const usccProblem = summary.getByRole('link', { name: /^统一社会信用代码：/ });
    await expect(usccProblem).toHaveText(
      `统一社会信用代码：校验位不符：按前 17 位计算应为“${wrong.expected}”，实际是“${wrong.actual}”。请核对代码。`,
    );
    await expect(usccProblem).toHaveAttribute('href', '#field-uscc');
    await expect(summary.getByRole('link', { name: /^登记管理机关：/ })).toHaveAttribute(
      'href',
      '#field-registrationAuthorityId',
    );
    const usccField = form.getByRole('textbox', { name: /^统一社会信用代码/ });
    await expect(usccField).toHaveAttribute('aria-invalid', 'true');
    await expect(usccField).toHaveAccessibleDescription(/校验位不符/);
    await expect(form.getByRole('combobox', { name: /^登记管理机关/ })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    // Nothing typed is lost, the service domains included.
    await expect(form.getByRole('textbox', { name: /^机构名称/ })).toHaveValue(name);
    await expect(usccField).toHaveValue(wrong.code);
    await expect(form.getByRole('checkbox', { name: '城乡社区服务' })).toBeChecked();
    await expect(form.getByRole('checkbox', { name: '社会治理' })).not.toBeChecked();
    await checkPage(page);

    // Corrected, it is registered, with 北京市民政局 as its registration authority.
    await usccField.fill(uscc);
    await form.getByRole('combobox', { name: /^登记管理机关/ }).selectOption({ label: '北京市民政局' });
    await form.getByRole('button', { name: '登记并公示' }).click();
    await expect(page).toHaveURL(/\/registry\/[^/]+$/);
    await expect(page.locator('.flash')).toHaveText('已登记，登记信息已公示。');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(fact(page, '统一社会信用代码')).toHaveText(uscc);
    await expect(fact(page, '登记管理机关')).toHaveText('北京市民政局');
    await expect(fact(page, '联系电话')).toHaveText('010-65001234');
    await expect(fact(page, '服务领域')).toHaveText('民生保障、城乡社区服务');
    const history = page.getByRole('region', { name: '变更记录' });
    await expect(history.getByRole('row').filter({ hasText: '登记' })).toContainText('张丽华');
    await checkPage(page);

    // A new contact phone: shown, and in the history with before and after.
    const edit = page.getByRole('region', { name: '修改登记信息' });
    // Each field of the edit form is named by its own label (not by a same-named field of another form).
    await expect(edit.getByRole('textbox', { name: /^机构名称/ })).toHaveValue(name);
    await edit.getByRole('textbox', { name: /^联系电话/ }).fill('010-65009876');
    await edit.getByRole('button', { name: '保存' }).click();
    await expect(page.locator('.flash')).toHaveText('登记信息已修改并重新公示。');
    await expect(fact(page, '联系电话')).toHaveText('010-65009876');
    const change = history.getByRole('row').filter({ hasText: '修改登记信息' });
    await expect(change).toHaveCount(1);
    await expect(change).toContainText('张丽华');
    await expect(change.getByRole('listitem')).toHaveText(['联系电话：010-65001234 → 010-65009876']);
    await checkPage(page);

    // Last year's annual report.
    const reports = page.getByRole('region', { name: '年度报告与年检' });
    await expect(reports).toContainText('还没有年度报告记录。');
    await reports.getByRole('button', { name: '录入年度报告' }).click();
    const reportForm = reports.getByRole('form', { name: '录入年度报告' });
    await expect(reportForm.getByRole('spinbutton', { name: /^年度/ })).toHaveValue(String(year));
    await reportForm.getByLabel(/^报告提交日期/).fill(`${year + 1}-03-31`);
    await reportForm.getByRole('combobox', { name: /^年检结论/ }).selectOption({ label: '基本合格' });
    await reportForm.getByRole('textbox', { name: /^备注/ }).fill('财务制度需完善');
    await checkPage(page);
    await reportForm.getByRole('button', { name: '保存年度报告' }).click();
    await expect(page.locator('.flash')).toHaveText(`${year} 年度报告已保存。`);
    await expect(reports.getByRole('row', { name: new RegExp(`^${year} `) })).toContainText(
      `${year + 1}-03-31基本合格财务制度需完善`,
    );
    await expect(history.getByRole('row').filter({ hasText: '录入年度报告' })).toContainText(
      '年检结论：基本合格',
    );
    await checkPage(page);

    // The public profile shows the inspection, not the phone (staff only).
    await page.getByRole('link', { name: '查看公开的登记信息' }).click();
    await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    await expect(page.getByRole('region', { name: '年检结果' })).toContainText(`${year}：基本合格`);
    await expect(page.locator('main')).not.toContainText('010-65009876');
    await checkPage(page);
  });

  test('warnings put a new organization on the anomaly list, then the serious list; its authority is told', async ({
    page,
  }) => {
    const today = beijingToday();
    const name = `测试志愿服务协会${unique()}`;
    const entry = await registerOrganization(page, name, randomUscc('110000'));
    await page.getByRole('link', { name: '查看信用记录' }).click();
    await expect(page).toHaveURL(new RegExp(`${entry}/credit$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name}：信用记录与名单`);
    const lists = page.getByRole('region', { name: '当前名单' });
    await expect(lists).toContainText('不在任何名单中。');
    await checkPage(page);

    // A warning: the anomaly list.
    await enterCreditRecord(page, {
      category: '警告',
      description: '未按章程规定召开理事会，给予警告',
      source: '北京市民政局 京民罚字〔2026〕101号',
    });
    await expect(lists).toContainText(`活动异常名录 · 受到警告处罚 · 列入日期 ${today}`);
    await expect(lists).not.toContainText('严重违法失信名单');
    await checkPage(page);

    // On the anomaly list it may still undertake a purchase, with a note why to mind it.
    await page.getByRole('link', { name: '查看公开的信用信息' }).click();
    const verdict = page.getByRole('region', { name: '能否承接政府购买服务' });
    await expect(verdict.locator('p.big')).toHaveText('可以承接。');
    await expect(verdict).toContainText(`按 ${today} 的信息判断`);
    await expect(verdict.getByRole('listitem').filter({ hasText: '活动异常名录中' })).toContainText(
      `请注意：自 ${today} 起在活动异常名录中（受到警告处罚）。这本身不取消资格`,
    );
    await expect(fact(page, '信用名单')).toHaveText('活动异常名录');
    await checkPage(page);

    // A second warning within three years: the serious-violation list as well.
    await page.goto(`${entry}/credit`);
    await enterCreditRecord(page, {
      category: '警告',
      description: '未按规定报送财务会计报告，给予警告',
      source: '北京市民政局 京民罚字〔2026〕102号',
    });
    const serious = lists.getByRole('article').filter({ hasText: '严重违法失信名单' });
    await expect(serious).toContainText('严重违法失信名单 · 3 年内两次以上受到警告或 5 万元以下罚款');
    await expect(serious).toContainText(`最近一次列入满 2 年后才能移出：${addYears(today, 2)} 起。`);
    const anomalyForms = lists.getByRole('form', { name: '移出活动异常名录' });
    await expect(anomalyForms).toHaveCount(2);
    // Three removal forms, each reason field named by its own label.
    for (const removal of [anomalyForms.nth(0), anomalyForms.nth(1), serious]) {
      await expect(removal.getByRole('textbox', { name: /^移出理由/ })).toBeVisible();
    }
    await checkPage(page);

    // Taking one anomaly entry off without a reason is refused in that form only, then done with one.
    await anomalyForms.nth(1).getByRole('button', { name: '移出活动异常名录' }).click();
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('link', { name: /^移出理由：/ })).toBeVisible();
    const refusedReason = anomalyForms.nth(1).getByRole('textbox', { name: /^移出理由/ });
    await expect(refusedReason).toHaveAttribute('aria-invalid', 'true');
    await expect(anomalyForms.nth(0).getByRole('textbox', { name: /^移出理由/ })).not.toHaveAttribute(
      'aria-invalid',
    );
    const href = await summary.getByRole('link', { name: /^移出理由：/ }).getAttribute('href');
    expect(href).toBe(`#${await refusedReason.getAttribute('id')}`);
    await checkPage(page);
    await refusedReason.fill('已召开理事会并报送整改报告');
    await anomalyForms.nth(1).getByRole('button', { name: '移出活动异常名录' }).click();
    await expect(page.locator('.flash')).toHaveText('已移出名单并公示。');
    await expect(anomalyForms).toHaveCount(1);
    await expect(serious).toBeVisible();
    await checkPage(page);

    // Now it may not undertake a purchase, and the page says why.
    await page.getByRole('link', { name: '查看公开的信用信息' }).click();
    await expect(verdict.locator('p.big')).toHaveText('目前不能承接。');
    await expect(verdict.getByRole('listitem').filter({ hasText: '严重违法失信名单中' })).toContainText(
      `不符合：自 ${today} 起在严重违法失信名单中（3 年内两次以上受到警告或 5 万元以下罚款），不能承接政府购买服务。`,
    );
    const listings = page.getByRole('region', { name: '列入和移出名单的记录' });
    await expect(listings.getByRole('row').filter({ hasText: '已召开理事会并报送整改报告' })).toContainText(
      `${today}（已召开理事会并报送整改报告）`,
    );
    await expect(page.getByRole('region', { name: '信用记录' }).getByRole('row')).toHaveCount(3);
    await checkPage(page);

    // The directory lists it on the serious list.
    await page.goto(`/organizations?list=serious&q=${encodeURIComponent(name)}`);
    await expect(page.getByRole('table').getByRole('row', { name: new RegExp(name) })).toContainText(
      '严重违法失信名单',
    );
    await checkPage(page);

    // 北京市民政局, its registration authority, was told each time; the messages are unread until opened.
    await header(page).getByRole('link', { name: '消息' }).click();
    await expect(page).toHaveURL(/\/inbox$/);
    const messages = page.getByRole('row').filter({ hasText: name });
    await expect(
      messages.filter({ hasText: `${name} 已被列入活动异常名录，原因：受到警告处罚。` }),
    ).toHaveCount(2);
    const seriousMessage = messages.filter({
      hasText: `${name} 已被列入严重违法失信名单，原因：3 年内两次以上受到警告或 5 万元以下罚款。请按规定通报并公开。`,
    });
    await expect(seriousMessage).toHaveCount(1);
    await expect(seriousMessage.getByRole('cell').nth(1)).toHaveText('北京市民政局');
    await expect(seriousMessage.getByRole('cell').nth(3)).toContainText('未读');
    await checkPage(page);
    await seriousMessage.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(new RegExp(`${entry}/credit$`));
    await page.goto('/inbox');
    await expect(seriousMessage.getByRole('cell').nth(3)).toContainText('已读');
    await checkPage(page);
  });

  test('import: a sheet with bad rows is refused row by row; a good one is imported on confirmation', async ({
    page,
  }) => {
    const suffix = unique();
    const rows = [
      { name: `导入测试养老协会${suffix}`, uscc: randomUscc() },
      { name: `导入测试助残协会${suffix}`, uscc: randomUscc() },
    ];
    const head = '名称,类型,统一社会信用代码,登记级别,所在区代码,登记管理机关,联系电话,服务领域';
    const row = (r: { name: string; uscc: string }, phone: string) =>
      `${r.name},社会团体,${r.uscc},区级,110105,北京市朝阳区民政局,${phone},民生保障`;
    const csv = (lines: string[]) => ({
      name: 'registry.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8'),
    });

    await page.goto('/registry');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page).toHaveURL(/\/registry\/import$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入社会组织登记信息');
    await checkPage(page);

    // Row 3 has a bad phone; row 4 an unknown type, district and authority.
    await page
      .getByLabel('文件 (必填)')
      .setInputFiles(
        csv([
          head,
          row(rows[0]!, '010-65001111'),
          row(rows[1]!, '电话待补'),
          `导入测试学会${suffix},学会,${randomUscc()},区级,999999,北京市民政厅,,`,
        ]),
      );
    await page.getByRole('button', { name: '上传并检查' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('导入检查结果');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('发现 4 处问题');
    await expect(alert).toContainText('没有导入任何内容。');
    const problems = page.getByRole('table');
    await expect(problems.getByRole('row', { name: /^3 联系电话 / })).toContainText(
      '请填写有效的电话号码：5 到 30 位数字，可含 +、-、括号和空格。',
    );
    await expect(problems.getByRole('row', { name: /^4 类型 / })).toContainText('不认识“学会”。');
    await expect(problems.getByRole('row', { name: /^4 所在区代码 / })).toContainText('999999');
    await expect(problems.getByRole('row', { name: /^4 登记管理机关 / })).toContainText(
      '平台中没有名为“北京市民政厅”的民政局。',
    );
    await expect(problems.getByRole('row', { name: /^2 / })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^确认导入/ })).toHaveCount(0);
    await checkPage(page);

    // Nothing was written, not even the good row.
    await page.goto(`/registry?q=${encodeURIComponent(suffix)}`);
    await expect(page.getByRole('table')).toHaveAccessibleName('共 0 个社会组织');
    await expect(page.locator('main')).toContainText('没有符合条件的社会组织。');

    // Corrected: checked, then imported on confirmation.
    await page.goto('/registry/import');
    await page
      .getByLabel('文件 (必填)')
      .setInputFiles(csv([head, row(rows[0]!, '010-65001111'), row(rows[1]!, '010-65002222')]));
    await page.getByRole('button', { name: '上传并检查' }).click();
    await expect(page.getByRole('heading', { name: '检查通过' })).toBeVisible();
    await expect(page.locator('main')).toContainText('共 2 行：新登记 2 个，更新 0 个。');
    await expect(page.getByRole('alert')).toHaveCount(0);
    await checkPage(page);
    await page.getByRole('button', { name: '确认导入 2 行' }).click();
    await expect(page).toHaveURL(/\/registry$/);
    await expect(page.locator('.flash')).toHaveText('导入完成：新登记 2 个，更新 0 个。');

    await page.goto(`/registry?q=${encodeURIComponent(suffix)}`);
    const table = page.getByRole('table');
    await expect(table).toHaveAccessibleName('共 2 个社会组织');
    await expect(table.getByRole('row', { name: new RegExp(rows[1]!.name) })).toContainText(rows[1]!.uscc);
    await table.getByRole('link', { name: rows[1]!.name }).click();
    await expect(fact(page, '联系电话')).toHaveText('010-65002222');
    await expect(fact(page, '登记管理机关')).toHaveText('北京市朝阳区民政局');
    await checkPage(page);
  });
});

test.describe('purchasers and the public', () => {
  test('the public look up credit codes: bad ones are explained; listed organizations may not undertake a purchase', async ({
    page,
  }) => {
    const today = beijingToday();
    await page.goto('/credit');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('查询社会组织信用');
    await expect(header(page).getByRole('button', { name: '登录' })).toBeVisible();
    await checkPage(page);

    const lookup = page.getByRole('form', { name: '查询社会组织信用' });
    const code = lookup.getByRole('textbox', { name: /^统一社会信用代码/ });
    const lookUp = async (value: string) => {
      await code.fill(value);
      await lookup.getByRole('button', { name: '查询' }).click();
    };
    const problem = page.getByRole('alert').getByRole('link', { name: /^统一社会信用代码：/ });

    // Too short; a character codes never use; a wrong check character: each says what is wrong.
    await lookUp('5111011721');
    await expect(problem).toHaveText('统一社会信用代码：统一社会信用代码应为 18 位，现在是 10 位。');
    await expect(code).toHaveAttribute('aria-invalid', 'true');
    await expect(code).toHaveValue('5111011721');
    await checkPage(page);
    await lookUp(`${DEMO.largeFine.uscc.slice(0, 9)}O${DEMO.largeFine.uscc.slice(10)}`);
    await expect(problem).toContainText('第 10 位的“O”不是统一社会信用代码允许的字符');
    const wrong = withWrongCheckCharacter(DEMO.largeFine.uscc);
    await lookUp(wrong.code);
    await expect(problem).toContainText(`校验位不符：按前 17 位计算应为“${wrong.expected}”`);
    await checkPage(page);

    // The example in the hint is a well-formed code (no organization holds it).
    const example = /例如 ([0-9A-Z]{18})/.exec(await page.locator('#field-uscc-hint').innerText())?.[1];
    expect(example).toBeDefined();
    await lookUp(example!);
    await expect(problem).toHaveText(
      `统一社会信用代码：本平台没有统一社会信用代码为 ${example!} 的社会组织。`,
    );
    await checkPage(page);

    // A registered code (spaces and small letters do not matter) leads to the organization's profile.
    await lookUp(`  ${DEMO.judgmentDebtor.uscc.toLowerCase()} `);
    await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.judgmentDebtor.name);
    const verdict = page.getByRole('region', { name: '能否承接政府购买服务' });
    await expect(verdict.locator('p.big')).toHaveText('目前不能承接。');
    await expect(verdict).toContainText(`按 ${today} 的信息判断。下面逐条说明依据。`);
    const seriousReason = verdict.getByRole('listitem').filter({ hasText: '严重违法失信名单中' });
    await expect(seriousReason).toContainText(
      /不符合：自 \d{4}-\d\d-\d\d 起在严重违法失信名单中（被列为失信被执行人）/,
    );
    await expect(seriousReason).toContainText('依据：《社会组织信用信息管理办法》（民政部令第60号）');
    await expect(seriousReason.getByRole('link', { name: '查看依据' })).toHaveAttribute(
      'href',
      /^\/records\//,
    );
    await expect(fact(page, '信用名单')).toHaveText('严重违法失信名单');
    await expect(page.getByRole('region', { name: '信用记录' })).toContainText(
      '被人民法院纳入失信被执行人名单',
    );
    // The public gets no staff links.
    await expect(page.getByRole('link', { name: '登记管理页面' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '录入信用记录' })).toHaveCount(0);
    await checkPage(page);

    // The directory, filtered to the serious-violation list.
    await header(page).getByRole('link', { name: '社会组织' }).click();
    await expect(page).toHaveURL(/\/organizations$/);
    await checkPage(page);
    const filters = page.getByRole('form', { name: '筛选' });
    await filters.getByRole('combobox', { name: '信用名单' }).selectOption({ label: '严重违法失信名单' });
    await filters.getByRole('button', { name: '筛选' }).click();
    await expect(page).toHaveURL(/\/organizations\?(.*&)?list=serious/);
    const table = page.getByRole('table');
    await expect(table.getByRole('link', { name: DEMO.largeFine.name })).toBeVisible();
    await expect(table.getByRole('link', { name: DEMO.judgmentDebtor.name })).toBeVisible();
    await expect(table.getByRole('link', { name: DEMO.anomaly.name })).toHaveCount(0);
    // Every organization listed is on that list.
    const listCells = table.locator('tbody tr td:nth-child(5)');
    expect(await listCells.count()).toBeGreaterThanOrEqual(2);
    for (const cell of await listCells.all()) await expect(cell).toContainText('严重违法失信名单');
    await checkPage(page);

    // The large fine, in plain words.
    await table.getByRole('link', { name: DEMO.largeFine.name }).click();
    await expect(verdict.locator('p.big')).toHaveText('目前不能承接。');
    await expect(verdict.getByRole('listitem').filter({ hasText: '严重违法失信名单中' })).toContainText(
      '（受到 5 万元以上罚款），不能承接政府购买服务。',
    );
    await expect(page.getByRole('region', { name: '信用记录' })).toContainText('罚款 80,000 元');
    await checkPage(page);
  });

  test('purchaser staff look an organization up: an expired grade, and a serious listing', async ({
    page,
  }) => {
    await logIn(page, 'purchaserStaff');

    await page.goto('/credit');
    const lookup = page.getByRole('form', { name: '查询社会组织信用' });
    await lookup.getByRole('textbox', { name: /^统一社会信用代码/ }).fill(DEMO.expiredGrade.uscc);
    await lookup.getByRole('button', { name: '查询' }).click();
    await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.expiredGrade.name);
    await expect(fact(page, '评估等级')).toHaveText('曾评为 4A，已于 2025-05-31 过期');
    const verdict = page.getByRole('region', { name: '能否承接政府购买服务' });
    await expect(verdict.locator('p.big')).toHaveText('可以承接。');
    await expect(verdict.getByRole('listitem').filter({ hasText: '不在严重违法失信名单中。' })).toContainText(
      '符合：',
    );
    // An expired grade earns no preference.
    await expect(verdict).not.toContainText('评估等级 4A');
    // Purchasers may read the registry entry, not enter credit records.
    await expect(page.getByRole('link', { name: '录入信用记录' })).toHaveCount(0);
    await checkPage(page);

    await page.getByRole('link', { name: '登记管理页面' }).click();
    await expect(page).toHaveURL(/\/registry\/[^/]+$/);
    await expect(fact(page, '现行评估等级')).toHaveText('无');
    await expect(
      page.getByRole('region', { name: '评估等级' }).getByRole('row', { name: /^4A 2020-06-01 / }),
    ).toContainText('已过期');
    // Reading only: no forms to change the entry.
    await expect(page.getByRole('button', { name: '录入年度报告' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '修改登记信息' })).toHaveCount(0);
    await checkPage(page);

    await page.goto('/credit');
    await lookup.getByRole('textbox', { name: /^统一社会信用代码/ }).fill(DEMO.largeFine.uscc);
    await lookup.getByRole('button', { name: '查询' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.largeFine.name);
    await expect(verdict.locator('p.big')).toHaveText('目前不能承接。');
    await expect(verdict.getByRole('listitem').filter({ hasText: '严重违法失信名单中' })).toContainText(
      '不符合：',
    );
    await checkPage(page);
    await logOut(page);
  });

  test('in English: an organization’s profile and the credit lookup read correctly and pass axe', async ({
    page,
  }) => {
    const today = beijingToday();
    await page.goto(`/organizations?q=${encodeURIComponent(DEMO.volunteers.name)}`);
    await page.getByRole('table').getByRole('link', { name: DEMO.volunteers.name }).click();
    await expect(page).toHaveURL(/\/organizations\/[^/]+$/);
    const profile = new URL(page.url()).pathname;

    await header(page).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`${profile}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO.volunteers.nameEn);
    await expect(fact(page, 'Type')).toHaveCount(0);
    await expect(fact(page, 'District')).toHaveText('Chaoyang');
    await expect(fact(page, 'Service domains')).toHaveText('Social governance, Community services');
    await expect(fact(page, 'Credit lists')).toHaveText('—');
    const verdict = page.getByRole('region', { name: 'May it undertake a government purchase?' });
    await expect(verdict.locator('p.big')).toHaveText('Yes.');
    await expect(verdict).toContainText(
      `Judged on the information as of ${today}. Each point is explained below.`,
    );
    await expect(
      verdict.getByRole('listitem').filter({ hasText: 'Not on the serious-violation list.' }),
    ).toContainText('Met:');
    await expect(
      page.getByRole('region', { name: 'Annual inspections' }).getByRole('listitem').first(),
    ).toHaveText(/^\d{4}: Qualified$/);
    // No Chinese punctuation left in the English facts and lists.
    await expect(page.locator('dl.facts')).not.toContainText(/[、：（）]/);
    await expect(page.getByRole('region', { name: 'Annual inspections' })).not.toContainText(/[、：（）]/);
    await checkPage(page);

    // The lookup in English, with a malformed code.
    await page.goto('/credit?uscc=51110105');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Look up a social organization’s credit',
    );
    const summary = page.getByRole('alert');
    await expect(summary.getByRole('heading')).toHaveText('Please fix the following (1)');
    await expect(summary.getByRole('link')).toHaveText(
      'Unified social credit code: A unified social credit code has 18 characters; this one has 8.',
    );
    await checkPage(page);

    // And back to Chinese.
    await header(page).getByRole('link', { name: '中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('查询社会组织信用');
  });
});
