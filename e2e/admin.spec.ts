// The administrator: users and their roles, organizations, and a year of the working-day calendar.
// The run's database is shared by every test, so names carry a random suffix and nothing here depends
// on another test having run (or not).
import { expect, test } from '@playwright/test';
import { checkA11y, header, logIn, randomUscc, unique } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await logIn(page, 'administrator');
});

test('create a user with a generated password, give them a role, and they can log in', async ({
  page,
  browser,
}) => {
  const suffix = unique();
  const name = `测试用户${suffix}`;
  const email = `e2e-${suffix}@gongshi.example`;

  await header(page).getByRole('link', { name: '用户', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await page.getByRole('button', { name: '新建用户' }).click();
  await expect(page).toHaveURL(/\/admin\/users\/new$/);
  await checkA11y(page);

  await page.getByRole('textbox', { name: /^姓名/ }).fill(name);
  await page.getByRole('textbox', { name: /^电子邮箱/ }).fill(email);
  // The initial password is left empty: the platform generates one and shows it once.
  await expect(page.getByLabel(/^初始密码/)).toHaveValue('');
  await page.getByRole('button', { name: '创建用户' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  const shown = page.locator('.token-created');
  await expect(shown).toContainText('只显示这一次');
  const password = (await shown.locator('code').innerText()).trim();
  expect(password.length).toBeGreaterThanOrEqual(12);
  await checkA11y(page);

  // A role: social-organization member, in a social organization.
  const roleForm = page.getByRole('form', { name: '添加角色' });
  const organization = roleForm.getByRole('combobox', { name: /^机构/ });
  const choice = organization.locator('option', { hasText: / · 社会组织$/ }).first();
  const organizationName = (await choice.innerText()).split(' · ')[0]!.trim();
  await organization.selectOption(await choice.getAttribute('value'));
  await roleForm.getByRole('combobox', { name: /^角色/ }).selectOption({ label: '社会组织成员' });
  await roleForm.getByRole('button', { name: '添加角色' }).click();

  await expect(page).toHaveURL(/\/admin\/users\/[^/]+$/);
  await expect(page.locator('.flash')).toHaveText('角色已添加。');
  const roles = page.getByRole('region', { name: '机构与角色' });
  await expect(roles.getByRole('listitem').filter({ hasText: organizationName })).toContainText(
    '社会组织成员',
  );
  // The password was shown once only.
  await expect(page.locator('.token-created')).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText(password);
  await checkA11y(page);

  // The user appears in the list, found by name.
  await page.goto(`/admin/users?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole('table').getByRole('link', { name })).toBeVisible();

  // The new user logs in (in a browser of their own) and sees the role in the workspace.
  const context = await browser.newContext();
  try {
    const theirs = await context.newPage();
    await theirs.goto('/login');
    await theirs.locator('main').getByLabel('手机号码或电子邮箱').fill(email);
    await theirs.locator('main').getByLabel('密码').fill(password);
    await theirs.locator('main').getByRole('button', { name: '登录', exact: true }).click();
    await expect(theirs).toHaveURL(/\/workspace$/);
    await expect(theirs.getByRole('region', { name: '我的角色' })).toContainText('社会组织成员');
  } finally {
    await context.close();
  }
});

test('the new-user form lists its problems, marks the fields, and stays accessible', async ({ page }) => {
  await page.goto('/admin/users/new');
  await page.getByRole('textbox', { name: /^姓名/ }).fill('');
  await page.getByRole('textbox', { name: /^手机号码/ }).fill('123');
  await page.getByRole('button', { name: '创建用户' }).click();

  const summary = page.getByRole('alert');
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('heading')).toContainText('需要修改');
  await expect(summary.getByRole('link', { name: /^姓名/ })).toHaveAttribute('href', '#field-name');
  await expect(summary.getByRole('link', { name: /^手机号码/ })).toContainText('11 位手机号码');
  await expect(page.locator('#field-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-phone')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#field-phone')).toHaveValue('123');
  // Each error is read out with its field, once: as the field's description, not inside its name.
  await expect(page.locator('#field-phone')).toHaveAccessibleName('手机号码');
  await expect(page.locator('#field-phone')).toHaveAccessibleDescription(/11 位手机号码/);
  await expect(page.locator('#field-phone-error')).toContainText('11 位手机号码');
  await checkA11y(page);

  // The summary's link takes the keyboard to the field.
  await summary.getByRole('link', { name: /^手机号码/ }).click();
  await expect(page).toHaveURL(/#field-phone$/);
});

test('an organization with a wrong check character is refused, naming the right one', async ({ page }) => {
  const name = `测试社会组织${unique()}`;
  await page.goto('/admin/organizations');
  await checkA11y(page);
  await page.getByRole('button', { name: '新建机构' }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/new$/);
  await checkA11y(page);

  await page.getByRole('textbox', { name: /^机构名称/ }).fill(name);
  await page.getByRole('combobox', { name: /^机构类别/ }).selectOption({ label: '社会组织' });
  await page.getByRole('combobox', { name: /^社会组织类型/ }).selectOption({ label: '社会团体' });
  await page.getByRole('combobox', { name: /^所在区/ }).selectOption({ label: '朝阳区 (110105)' });
  const uscc = page.getByRole('textbox', { name: /^统一社会信用代码/ });
  await uscc.fill('91110000600037341N');
  await page.getByRole('button', { name: '创建机构' }).click();

  await expect(page.getByRole('alert')).toContainText('统一社会信用代码');
  await expect(page.getByRole('alert')).toContainText('应为“L”');
  await expect(page.locator('#field-uscc-error')).toContainText('应为“L”');
  await expect(uscc).toHaveAttribute('aria-invalid', 'true');
  await expect(uscc).toHaveValue('91110000600037341N');
  await checkA11y(page);

  // Corrected (to a code no other organization holds), it is created.
  await uscc.fill(randomUscc());
  await page.getByRole('button', { name: '创建机构' }).click();
  await expect(page).toHaveURL(/\/admin\/organizations\/[^/]+$/);
  await expect(page.locator('.flash')).toHaveText('机构已创建。');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await checkA11y(page);
});

test('enter a working-day year; the calculator then counts across it', async ({ page }) => {
  await header(page).getByRole('link', { name: '工作日历' }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
  await checkA11y(page);

  // Entering 2027 again (a rerun on the same database) is allowed: it publishes a correction.
  await page.getByRole('spinbutton', { name: /^年份/ }).fill('2027');
  await page.getByRole('textbox', { name: /^依据文件/ }).fill('测试通知');
  await page.getByRole('textbox', { name: /^放假日期/ }).fill('2027-01-01 元旦');
  await page.getByRole('textbox', { name: /^调休上班的周末/ }).fill('');
  await page.getByRole('button', { name: '录入并公示' }).click();

  await expect(page).toHaveURL(/\/calendar\/2027$/);
  await expect(page.locator('.flash')).toContainText('2027');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2027');
  await expect(page.locator('main')).toContainText('测试通知');
  await expect(
    page
      .getByRole('table')
      .first()
      .getByRole('row', { name: /2027-01-01/ }),
  ).toContainText('元旦');
  await checkA11y(page);

  // 2026-12-31 (Thu) counts, 2027-01-01 is the holiday, the weekend does not count: 01-04, 01-05.
  await page.goto('/calendar?from=2026-12-30&days=3&unit=workday');
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('截止日：2027-01-05（星期二）');
  await checkA11y(page);
});
