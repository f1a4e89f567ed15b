// Inquiries and challenges (issue 13 §5) in the demo city: the demo provider asks about the competitive
// consultation still taking bids and challenges its documents (with evidence); the department's
// purchaser finds both in its list, answers the question and rejects the challenge; the answers are
// public. axe on every page visited.
import { expect, test } from '@playwright/test';
import { checkA11y, logIn, logOut, unique } from './helpers.js';

test.describe.configure({ timeout: 180_000 });

const PROJECT = '朝阳区社会组织孵化培育与能力建设项目';

/** Today in Beijing, as the server counts it. */
function beijingToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

test('ask → answer; challenge → answer', async ({ page }) => {
  const question = `培训是否可以线上开展？（${unique()}）`;
  const grounds = `评分标准要求本区注册，构成差别待遇。（${unique()}）`;

  // The supplier: the project's page, its 询问与质疑 section, both forms.
  await logIn(page, 'providerMember');
  await page.goto('/procurement/opportunities');
  await page.getByRole('link', { name: PROJECT }).first().click();
  await expect(page.getByRole('heading', { name: '询问与质疑' })).toBeVisible();
  await checkA11y(page);
  const ask = page.getByRole('form', { name: '提出询问' });
  await ask.getByRole('textbox', { name: /^询问事项/ }).fill(question);
  await ask.getByRole('button', { name: '提出询问' }).click();
  await expect(page.locator('.flash')).toContainText('询问已提交');
  await expect(page.getByRole('cell', { name: question })).toBeVisible();
  const challenge = page.getByRole('form', { name: '提出质疑' });
  await challenge.getByRole('combobox', { name: /^质疑对象/ }).selectOption({ label: '采购文件' });
  await challenge.getByRole('textbox', { name: /^知道或者应当知道/ }).fill(beijingToday());
  await challenge.getByRole('textbox', { name: /^质疑事项、事实依据/ }).fill(grounds);
  await challenge.getByRole('textbox', { name: /^质疑请求/ }).fill('删除该评分项');
  await challenge.getByLabel(/^证明材料/).setInputFiles({
    name: '评分标准截图.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% e2e evidence\n%%EOF\n'),
  });
  await challenge.getByRole('button', { name: '提出质疑' }).click();
  await expect(page.locator('.flash')).toContainText('质疑已提交');
  await expect(page.getByText(grounds)).toBeVisible();
  await expect(page.getByRole('link', { name: '评分标准截图.pdf' })).toBeVisible();
  await checkA11y(page);
  const challengeUrl = page.url();
  await logOut(page);

  // The purchaser: the list of what to answer, then each answer.
  await logIn(page, 'purchaserStaff');
  await page.goto('/procurement/questions/to-answer');
  await checkA11y(page);
  await page.goto(challengeUrl.replace(/^https?:\/\/[^/]+/, ''));
  await expect(page.getByText(grounds)).toBeVisible();
  const answer = page.getByRole('form', { name: '答复质疑' });
  await answer.getByRole('combobox', { name: /^处理结果/ }).selectOption({ label: '质疑不成立' });
  await answer.getByRole('textbox', { name: /^质疑事项概要/ }).fill('评分标准中的注册地要求');
  await answer
    .getByRole('textbox', { name: /^答复内容/ })
    .fill('该项为服务半径要求，不限注册地，质疑不成立。');
  await answer.getByRole('button', { name: '答复质疑' }).click();
  await expect(page.locator('.flash')).toContainText('质疑答复已公开');
  await checkA11y(page);
  await page.getByRole('link', { name: PROJECT }).click();
  const row = page.getByRole('row').filter({ hasText: question });
  await row.getByRole('textbox').fill('可以，线上培训不超过总场次的三分之一。');
  await row.getByRole('button', { name: '答复' }).click();
  await expect(page.locator('.flash')).toContainText('答复已公开');
  await checkA11y(page);
  await logOut(page);

  // The public: both answers, not the challenger.
  await page.goto('/procurement/opportunities');
  await page.getByRole('link', { name: PROJECT }).first().click();
  await expect(page.getByRole('row').filter({ hasText: question })).toContainText('线上培训不超过');
  await expect(page.getByRole('cell', { name: /采购文件/ }).first()).toBeVisible();
  await checkA11y(page);
});
