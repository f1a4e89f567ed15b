// An anonymous visitor: the portal, search, the deadline calculator and calendar, the records, the API
// docs, a missing page, and the home page on a phone.
import { expect, test, type Page } from '@playwright/test';
import { checkA11y, header } from './helpers.js';

test('home page: search box, latest records, figures', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(header(page).getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: '搜索公示信息' })).toBeVisible();
  await checkA11y(page);
});

test('search in Chinese from the home page', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: '搜索公示信息' }).fill('养老');
  await page.locator('main').getByRole('button', { name: '搜索', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=%E5%85%BB%E8%80%81/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('“养老”的搜索结果');
  await expect(page.getByRole('status')).toHaveText(/找到 [1-9]\d* 条/);
  // The query stays in the box, to refine it: every word must be found.
  const box = page.locator('main').getByRole('searchbox');
  await expect(box).toHaveValue('养老');
  await checkA11y(page);
  await box.fill('养老 演示');
  await page.locator('main').getByRole('button', { name: '搜索', exact: true }).click();
  // The demo notice mentions 社区居家养老: a 2-character word inside a longer one is found.
  await page.getByRole('link', { name: '关于本演示环境的说明' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('关于本演示环境的说明');
  await expect(page.locator('main')).toContainText('社区居家养老');
  await checkA11y(page);
});

/** Fills the deadline calculator on /calendar and submits it. */
async function computeDeadline(page: Page, from: string, days: number, unit: '工作日' | '自然日') {
  const form = page.getByRole('form', { name: '期限计算' });
  await form.getByLabel('起算事件日期').fill(from);
  await form.getByLabel('天数').fill(String(days));
  await form.getByLabel('计算方式').selectOption({ label: unit });
  await form.getByRole('button', { name: '计算截止日' }).click();
  await expect(page).toHaveURL(/\/calendar\?/);
}

test('deadline calculator: five working days over the National Day holiday', async ({ page }) => {
  await page.goto('/calendar');
  await checkA11y(page);
  await computeDeadline(page, '2025-09-26', 5, '工作日');
  // 9-28 (a Sunday worked in lieu) counts; 10-1 … 10-8 are the holiday; 10-9 and 10-10 count.
  await expect(page.getByRole('status')).toContainText('截止日：2025-10-10（星期五）');
  await expect(page.locator('.error-summary')).toHaveCount(0);
  await checkA11y(page);
});

test('deadline calculator: a year without its notice is counted provisionally and says so', async ({
  page,
}) => {
  await page.goto('/calendar');
  // 2031: far beyond the bundled years, and never entered by the other tests.
  await computeDeadline(page, '2031-06-16', 20, '自然日');
  await expect(page.locator('.error-summary')).toHaveCount(0);
  const result = page.getByRole('status');
  await expect(result).toContainText('截止日：2031-07-07（星期一）');
  await expect(result).toContainText('临时日期');
  await checkA11y(page);

  // Only a year the calendar cannot count in at all is an error naming it.
  await computeDeadline(page, '2099-12-30', 5, '工作日');
  await expect(page.locator('.error-summary')).toContainText('2100');
  await expect(page.locator('[aria-invalid="true"]')).not.toHaveCount(0);
  await checkA11y(page);
});

test('a year of the working-day calendar', async ({ page }) => {
  const response = await page.goto('/calendar/2025');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('2025');
  await expect(page.getByRole('table').first()).toContainText('国庆节');
  await checkA11y(page);
});

test('published records', async ({ page }) => {
  const response = await page.goto('/records');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公示信息');
  await checkA11y(page);
});

test('API documentation loads', async ({ page }) => {
  const response = await page.goto('/api/docs');
  expect(response?.status()).toBe(200);
});

test('a missing page says so, in the site frame', async ({ page }) => {
  const response = await page.goto('/no-such-page-here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('main')).toContainText('找不到');
  await expect(header(page).getByRole('link', { name: /公示/ }).first()).toBeVisible();
  await checkA11y(page);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });

  for (const path of ['/', '/search?q=养老', '/calendar', '/records', '/login']) {
    test(`${path} fits the screen and passes axe`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(innerWidth).toBe(390);
      expect(scrollWidth, 'no horizontal scrolling').toBeLessThanOrEqual(innerWidth);
      await checkA11y(page);
    });
  }
});

test('the public log explains itself and shows a record’s inclusion proof', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: '公开日志' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('公开日志：核验公示没有被改动');
  await expect(page.locator('main')).toContainText('verify-log');
  await checkA11y(page);

  await page.goto('/records');
  await page.locator('.record-list a').first().click();
  await page.getByRole('link', { name: '查看包含证明' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('包含证明');
  // Either the proof, or a plain note that the next signature will cover the record.
  await expect(page.locator('main')).toContainText(/证明路径|还没有进入最新的签名|不需要其他摘要值/);
  await checkA11y(page);
});
