// Evaluation and award through the pages (issue 13 §3–§4), on the demo city the server seeds: the demo
// expert opens their panels (and an evaluation, when drawn onto one), and the purchaser confirms each
// lot of an evaluation awaiting confirmation; the published result notice names the supplier and the
// scores. axe on every page visited. (The demo evaluates every opened project when seeded, so the
// expert's own forms — review, explanation, sheet, report — are covered by evaluation.forms.test.ts.)
import { expect, test } from '@playwright/test';
import { checkA11y, logIn, logOut } from './helpers.js';

test.describe.configure({ timeout: 180_000 });

test('an expert reads the report; the purchaser confirms the lots and the result notice is published', async ({
  page,
}) => {
  // The expert: their panels (the demo's panels are drawn at random from the pool, so the demo expert
  // may sit on none), and an evaluation with its ranking when they do.
  await logIn(page, 'expert');
  await page.goto('/procurement/panels/mine');
  await checkA11y(page);
  const main = page.locator('main');
  const panels = main.locator('a[href*="/evaluation"]');
  if ((await panels.count()) > 0) {
    await page.goto((await panels.first().getAttribute('href'))!);
    await checkA11y(page);
    await expect(main.getByRole('heading', { name: '评审排序' }).first()).toBeVisible();
  }
  await logOut(page);

  // The purchaser: among the department's projects, an evaluation awaiting confirmation, each lot
  // confirmed through its form.
  await logIn(page, 'purchaserStaff');
  await page.goto('/procurement/projects/mine');
  const projects = await main
    .locator('a[href^="/procurement/projects/"]')
    .evaluateAll((as) =>
      as.map((a) => a.getAttribute('href')!).filter((h) => /^\/procurement\/projects\/[^/]+$/.test(h)),
    );
  let awaiting: string | undefined;
  for (const project of new Set(projects)) {
    const href = `${project}/evaluation`;
    const res = await page.goto(href);
    if (res?.status() !== 200) continue;
    if ((await main.getByRole('button', { name: /^确定第 \d+ 包的中标（成交）供应商$/ }).count()) > 0) {
      awaiting = href;
      break;
    }
  }
  expect(awaiting, 'a demo evaluation awaiting the purchaser’s confirmation').toBeDefined();
  await checkA11y(page);
  for (let i = 0; i < 10; i++) {
    const confirm = main.getByRole('button', { name: /^确定第 \d+ 包的中标（成交）供应商$/ }).first();
    if ((await confirm.count()) === 0) break;
    await confirm.click();
    await expect(page).toHaveURL(/\/evaluation#lot-\d+$/);
    await expect(page.getByText(/第 \d+ 包已确定/)).toBeVisible();
    await checkA11y(page);
  }
  await expect(main.getByText(/中标（成交）供应商：/).first()).toBeVisible();
  const supplier = (await main
    .getByText(/中标（成交）供应商：/)
    .first()
    .textContent())!
    .replace(/^中标（成交）供应商：/, '')
    .split('，')[0]!;

  // The public result notice: the supplier and the scores.
  await main.getByRole('link', { name: '查看结果公告' }).click();
  await expect(page).toHaveURL(/\/records\//);
  await checkA11y(page);
  await expect(page.locator('main')).toContainText(supplier);
  await expect(page.locator('main')).toContainText('各供应商排序');
  await expect(page.locator('main')).toContainText('评审得分');
  await logOut(page);
});
