/**
 * 更正名称 with finished reports (issue 21 #2), at 1366×768: the dialog asks what becomes of the 已定稿
 * report; kept, it stays under the name it was published with, the agency shows its former name, and
 * the draft whose 导语 still names the town gets the X-8 提醒.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, ensureBuilt, launch, openPage, ROOT, saveLatest, seedQingshi, serve, type Served } from './helpers';

const SHOTS = join(ROOT, 'test-results/screenshots');
const OLD = '示例县青石镇人民政府';
const NEW = '示例县青石街道办事处';
let served: Served;
let browser: Browser;
let page: Page;
let ids: { y2023: number; y2024: number; y2025: number };

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  mkdirSync(SHOTS, { recursive: true });
  const seeded = await seedQingshi(served);
  await apiCall(served, 'report:setStatus', { id: seeded.y2024, status: 'final' });
  const made = await apiCall<{ summary: { id: number }; report: { text: Record<string, string> } }>(served, 'report:create', { agency: OLD, year: 2025 });
  await saveLatest(served, made.summary.id, { ...made.report, text: { ...made.report.text, preamble: '本报告由青石镇人民政府根据《中华人民共和国政府信息公开条例》编制。' } });
  ids = { ...seeded, y2025: made.summary.id };
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

describe('更正名称 with a 已定稿 report', () => {
  it('asks; kept, the 已定稿 report keeps its name and the former name is shown', async () => {
    await page.getByRole('button', { name: `更正机关名称：${OLD}` }).click();
    await page.getByRole('textbox', { name: '机关名称' }).fill(NEW);
    await page.getByRole('button', { name: '保存名称' }).click();
    const dialog = page.getByRole('dialog', { name: '更正机关名称' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('2024年度（已定稿）');
    expect(await dialog.getByRole('radio', { name: /^保持原名称/ }).isChecked()).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'rename-dialog.png') });
    await dialog.getByRole('button', { name: '更正名称' }).click();
    const region = page.getByRole('region', { name: NEW });
    await region.waitFor();
    expect(await region.textContent()).toContain(`曾用名：${OLD}`);
    const y2024 = await apiCall<{ report: { agency: string; closing: { agency: string } }; summary: { status: string } }>(served, 'report:open', { id: ids.y2024 });
    expect(y2024.report.agency).toBe(OLD);
    expect(y2024.summary.status).toBe('final');
    const y2025 = await apiCall<{ report: { agency: string } }>(served, 'report:open', { id: ids.y2025 });
    expect(y2025.report.agency).toBe(NEW);
  });

  it('the draft whose 导语 names the town by its old name gets a 提醒', async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2025}`);
    const warning = page.locator('.checks').getByText('导语写的机关名称是“青石镇人民政府”');
    await expect.poll(() => warning.count(), { timeout: 15_000 }).toBe(1);
    await warning.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('text-preamble');
  });
});
