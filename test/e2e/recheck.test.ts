/**
 * Issue 21 #4: every way the report changes re-runs every check, completeness included. Restoring a
 * version whose 五 has nothing under （一） (its （二） written inline) shows the C-1 warning.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, ensureBuilt, launch, openPage, saveLatest, serve, type Served } from './helpers';

let served: Served;
let browser: Browser;
let page: Page;
let id: number;
const EMPTY_FIRST = '（一）存在的主要问题：\n（二）改进情况：下一步，我镇将加强业务培训。';
const WRITTEN = '（一）存在的主要问题\n基层公开人员业务能力有待提高。\n（二）改进情况\n下一步，我镇将加强业务培训。';

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  const made = await apiCall<{ summary: { id: number }; report: { text: Record<string, string> } }>(served, 'report:create', { agency: '石门乡人民政府', year: 2025 });
  id = made.summary.id;
  // 版本 2: 五 with nothing under （一）; 版本 3 (重算总计) closes it; 版本 4: 五 written out.
  await saveLatest(served, id, { ...made.report, text: { ...made.report.text, problems: EMPTY_FIRST } });
  await apiCall(served, 'report:recompute', { id });
  await saveLatest(served, id, { ...made.report, text: { ...made.report.text, problems: WRITTEN } });
  browser = await launch();
  ({ page } = await openPage(browser, served));
  await page.goto(`${served.origin}/#/report/${id}`);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

const problemsWarning = () => page.locator('.checks').getByText('“（一）存在的主要问题：”下还没有内容');

describe('checks after a restore', () => {
  it('restoring the version whose 五 has nothing under （一） shows the warning', async () => {
    await page.getByRole('textbox', { name: '五、存在的主要问题及改进情况 正文' }).waitFor();
    expect(await problemsWarning().count()).toBe(0);
    await page.getByRole('button', { name: '历史版本' }).click();
    const dialog = page.getByRole('dialog', { name: '历史版本' });
    const restore = dialog.getByRole('button', { name: /^恢复版本 2（.*）$/ });
    await restore.waitFor({ timeout: 15_000 });
    await restore.click();
    await page.getByRole('dialog', { name: /^恢复版本 2/ }).getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: '五、存在的主要问题及改进情况 正文' }).inputValue()).toBe(EMPTY_FIRST);
    await expect.poll(() => problemsWarning().count()).toBe(1);
  });
});
