// Shared pieces of the browser tests: the demo log-ins of this run's server, an accessibility check,
// logging in and out through the pages as a person would.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

import type { DemoCredential } from '../src/demo/seed.js';
import { ROLES, type Role } from '../src/platform/access/roles.js';
import { orgCodeCheckCharacter, usccCheckCharacter } from '../src/platform/validation/uscc.js';

export { ROLES, type Role };

/** Each role's label as the pages show it in Chinese and English. */
export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  administrator: { zh: '平台管理员', en: 'Platform administrator' },
  purchaserStaff: { zh: '购买主体工作人员', en: 'Purchaser staff' },
  finance: { zh: '财政部门', en: 'Finance bureau' },
  civilAffairs: { zh: '民政部门', en: 'Civil affairs bureau' },
  providerMember: { zh: '社会组织成员', en: 'Social organization member' },
  expert: { zh: '评审专家', en: 'Evaluation expert' },
  agency: { zh: '第三方机构', en: 'Third-party agency' },
  auditor: { zh: '审计监督', en: 'Auditor' },
};

export type DemoUser = DemoCredential;

let users: DemoUser[] | undefined;

/** The demo user of a role, from the credentials file the server wrote into this run's data folder. */
export function demoUser(role: Role): DemoUser {
  if (!users) {
    const dataDir = process.env.GONGSHI_E2E_DATA_DIR;
    if (!dataDir)
      throw new Error('GONGSHI_E2E_DATA_DIR is not set; run the tests through playwright.config.ts');
    const file = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as {
      users: DemoUser[];
    };
    users = file.users;
  }
  const user = users.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user with the role ${role}`);
  return user;
}

/** A short random suffix, so that records made by one test never collide with another's or a rerun's. */
export function unique(): string {
  return Math.random().toString(36).slice(2, 8);
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now and fails, listing every violation. */
export async function checkA11y(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const report = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n` +
      v.nodes
        .map(
          (n) =>
            `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`,
        )
        .join('\n'),
  );
  expect(report, `accessibility violations on ${page.url()}`).toEqual([]);
}

/** The site header (navigation, language switch, log-in / log-out). */
export function header(page: Page) {
  return page.locator('header.site-header');
}

/** Logs in through the log-in page as the demo user of a role; ends on the workspace. */
export async function logIn(page: Page, role: Role, options: { a11y?: boolean } = {}): Promise<DemoUser> {
  const user = demoUser(role);
  await page.goto('/login');
  if (options.a11y) await checkA11y(page);
  const main = page.locator('main');
  await main.getByLabel('手机号码或电子邮箱').fill(user.login);
  await main.getByLabel('密码').fill(user.password);
  await main.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/workspace$/);
  await expect(header(page).getByRole('link', { name: user.name })).toBeVisible();
  return user;
}

/** Logs out with the header's button (Chinese or English) and checks the header offers log-in again. */
export async function logOut(page: Page): Promise<void> {
  await header(page)
    .getByRole('button', { name: /^(退出|Log out)$/ })
    .click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.locator('.flash')).toBeVisible();
  await expect(header(page).getByRole('button', { name: /^(退出|Log out)$/ })).toHaveCount(0);
}

/**
 * A random, valid unified social credit code (GB 32100) of a social association registered by civil
 * affairs in a division (Chaoyang district unless told; 110000 for the city), with a valid organization
 * code (GB 11714) inside.
 */
export function randomUscc(division = '110105'): string {
  const body = Array.from({ length: 8 }, () => String(Math.floor(Math.random() * 10))).join('');
  const first17 = `51${division}${body}${orgCodeCheckCharacter(body)!}`;
  return first17 + usccCheckCharacter(first17);
}

/** The data folder of this run's server. */
function dataDir(): string {
  const dir = process.env.GONGSHI_E2E_DATA_DIR;
  if (!dir) throw new Error('GONGSHI_E2E_DATA_DIR is not set; run the tests through playwright.config.ts');
  return dir;
}

/**
 * Moves the server's clock so that it reads `to` now (TEST_CLOCK_FILE, set by playwright.config.ts);
 * `null` puts it back to the real time. The server re-reads the offset on its next clock reading.
 */
export function moveServerClock(to: Date | null): void {
  const offset = to === null ? 0 : to.getTime() - Date.now();
  writeFileSync(join(dataDir(), 'test-clock-offset'), `${offset}\n`);
}

/** A JSON API call as a demo role (its API token), or anonymous with `null`. */
export async function api<T>(role: Role | null, method: string, path: string, body?: unknown): Promise<T> {
  const port = Number(process.env.E2E_PORT ?? 3917);
  const res = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      ...(role ? { authorization: `Bearer ${demoUser(role).apiToken}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Logs in through the log-in page with a log-in and password (a user made by the test). */
export async function logInWith(page: Page, login: string, password: string): Promise<void> {
  await page.goto('/login');
  const main = page.locator('main');
  await main.getByLabel('手机号码或电子邮箱').fill(login);
  await main.getByLabel('密码').fill(password);
  await main.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page).toHaveURL(/\/workspace$/);
}
