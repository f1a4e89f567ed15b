// Every role: log in, see the workspace with the role named, open every page the header offers (each
// checked with axe), switch to English and back, log out.
import { expect, test } from '@playwright/test';
import { checkA11y, demoUser, header, logIn, logOut, ROLE_LABELS, ROLES, unique } from './helpers.js';

// A role's journey opens every page of its header with axe on each: up to a minute alone on 2 cores.
test.describe.configure({ timeout: 180_000 });

for (const role of ROLES) {
  test(`${role}: log in, visit every header link, switch language, log out`, async ({ page }) => {
    const user = await logIn(page, role, { a11y: true });

    // The workspace names the role.
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(user.name);
    await expect(page.getByRole('region', { name: '我的角色' })).toContainText(ROLE_LABELS[role].zh);
    await checkA11y(page);

    // Every link in the header's navigation (not the language switch): each page opens and passes axe.
    const links = header(page).locator('nav a:not([hreflang])');
    const hrefs = [...new Set(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))];
    expect(hrefs).toContain('/');
    expect(hrefs).toContain('/workspace');
    expect(hrefs).toContain('/account');
    for (const href of hrefs) {
      const response = await page.goto(href);
      expect(response?.status(), `status of ${href}`).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkA11y(page);
    }

    // English, on the workspace, then back to Chinese.
    await page.goto('/workspace');
    await header(page).getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(header(page).getByRole('button', { name: 'Log out' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'My roles' })).toContainText(ROLE_LABELS[role].en);
    await checkA11y(page);
    await header(page).getByRole('link', { name: '中文' }).click();
    await expect(page).toHaveURL(/\/workspace$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(header(page).getByRole('button', { name: '退出' })).toBeVisible();

    await logOut(page);
    await expect(page.locator('.flash')).toContainText('退出');
    await expect(header(page).getByRole('button', { name: '登录' })).toBeVisible();
    // The workspace is closed again.
    await page.goto('/workspace');
    await expect(page).toHaveURL(/\/login/);
  });
}

test('a wrong password or an unknown log-in gets one generic message; the page passes axe', async ({
  page,
}) => {
  const attempts = [
    { login: demoUser('agency').login, password: 'not-the-password' },
    { login: `nobody-${unique()}@gongshi.example`, password: 'not-the-password' },
  ];
  const messages: string[] = [];
  for (const attempt of attempts) {
    await page.goto('/login');
    const main = page.locator('main');
    await main.getByLabel('手机号码或电子邮箱').fill(attempt.login);
    await main.getByLabel('密码').fill(attempt.password);
    await main.getByRole('button', { name: '登录', exact: true }).click();
    const summary = page.locator('.error-summary');
    await expect(summary).toContainText('登录信息不正确');
    messages.push(await summary.innerText());
    // The log-in stays filled in; the password does not.
    await expect(main.getByLabel('手机号码或电子邮箱')).toHaveValue(attempt.login);
    await expect(main.getByLabel('密码')).toHaveValue('');
    await expect(header(page).getByRole('button', { name: '登录' })).toBeVisible();
    await checkA11y(page);
  }
  // The same words whether or not the account exists: the page does not tell which.
  expect(messages[0]).toBe(messages[1]);
});
