// The expert pool and the panel draw (issue 13 §2) in the browser, on the demo city: the finance bureau's
// pool and an expert's page, the expert's own declarations, the purchaser's confidential panel of an
// opened tender, and the public draw page (commitment only, until the result notice). axe on each page.
import { expect, test } from '@playwright/test';
import { api, checkA11y, logIn, logOut } from './helpers.js';

test('the pool, an expert’s declarations, a confidential panel and the public draw page', async ({
  page,
}) => {
  await logIn(page, 'finance');
  await page.goto('/experts');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('评审专家库');
  await checkA11y(page);
  await page.getByRole('link', { name: '李静怡' }).click();
  await expect(page.getByRole('heading', { name: '申报的利害关系' })).toBeVisible();
  await checkA11y(page);
  await logOut(page);

  await logIn(page, 'expert');
  await page.goto('/experts/me');
  await expect(page.getByRole('heading', { name: '申报利害关系' })).toBeVisible();
  await page.getByLabel('暂不参加评审至').fill('2099-12-31');
  await page.getByRole('button', { name: '保存' }).nth(1).click();
  await expect(page.getByText('2099-12-31')).toBeVisible();
  await checkA11y(page);
  await logOut(page);

  const { items } = await api<{ items: { project: { id: string; title: string; status: string } }[] }>(
    null,
    'GET',
    '/api/v1/notices?kind=opening',
  );
  const opened = items.find((n) => n.project.title.includes('望京街道居家养老'))!.project;
  await logIn(page, 'purchaserStaff');
  await page.goto(`/procurement/projects/${opened.id}/panel`);
  await expect(page.getByRole('table', { name: '评审委员会' })).toBeVisible();
  await expect(page.getByText('已确认无利害关系').first()).toBeVisible();
  await checkA11y(page);
  await logOut(page);

  await page.goto(`/procurement/projects/${opened.id}/draw`);
  await expect(page.getByText('种子承诺值')).toBeVisible();
  await expect(page.getByText('评审委员会名单在结果公告前保密。')).toBeVisible();
  await checkA11y(page);
});
