// A purchaser publishes an operating guide (S15), reads it as the public sees it with its verification
// data, and finds it on the home page and in search. Every page visited passes axe.
import { expect, test } from '@playwright/test';
import { checkA11y, logIn, logOut, unique } from './helpers.js';

test('a purchaser publishes an operating guide; the public reads and finds it', async ({ page }) => {
  const title = `居家养老服务申报指南 ${unique()}`;
  await logIn(page, 'purchaserStaff');
  await page.getByRole('link', { name: '发布公告' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('发布公告');
  await checkA11y(page);

  // Submitting without a title lists the problem and keeps the text.
  const form = page.locator('main form');
  await form.getByLabel('类别').selectOption({ label: '操作指南' });
  await form.getByLabel('正文').fill('一、申报条件：在本区登记的社会组织。\n\n二、材料：申报书一份。');
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.locator('.error-summary')).toContainText('标题');
  await expect(form.getByLabel('正文')).toHaveValue(/申报条件/);
  await checkA11y(page);

  await form.getByLabel('标题').fill(title);
  await form.getByRole('button', { name: '发布' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('.flash')).toContainText('公开日志序号');
  await expect(page.locator('main')).toContainText('二、材料：申报书一份。');
  await expect(page.locator('main')).toContainText('内容摘要（SHA-256）');
  await checkA11y(page);
  await logOut(page);

  await page.goto('/');
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await page.goto(`/search?q=${encodeURIComponent('申报指南')}`);
  await expect(page.getByRole('link', { name: title })).toBeVisible();
  await checkA11y(page);
});
