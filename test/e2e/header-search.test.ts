/**
 * Issue 21 #6 at 1366×768: the editor's header with errors keeps the whole title on its line and the
 * 草稿 badge and 「已保存…」 unwrapped; a disabled button (撤销结转 after 定稿) looks disabled; the
 * check report's title leaves no character alone on a line; the archive page filters as you type.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, ensureBuilt, launch, openPage, ROOT, saveLatest, seedQingshi, serve, type Served } from './helpers';

const SHOTS = join(ROOT, 'test-results/screenshots');
const AGENCY = '示例县青石镇人民政府';
let served: Served;
let browser: Browser;
let page: Page;
let ids: { y2023: number; y2024: number; y2025: number };

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  mkdirSync(SHOTS, { recursive: true });
  const seeded = await seedQingshi(served);
  // 2025 carried from 2024, with two errors typed into Table 三.
  const made = await apiCall<{ summary: { id: number }; report: { requests: Record<string, number[]> } }>(served, 'report:create', { agency: AGENCY, year: 2025, carryOver: true });
  made.report.requests.newReceived![0] = 9;
  await saveLatest(served, made.summary.id, made.report);
  await apiCall(served, 'report:create', { agency: '示例县白沙镇人民政府', year: 2024 });
  await apiCall(served, 'report:create', { agency: '示例县石门乡人民政府', year: 2024 });
  ids = { ...seeded, y2025: made.summary.id };
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

/** One line of text: its height is no more than one and a half of its line height. */
const oneLine = (selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const lh = parseFloat(getComputedStyle(el).lineHeight) || parseFloat(getComputedStyle(el).fontSize) * 1.5;
    return el.getBoundingClientRect().height <= lh * 1.5;
  });

describe('the editor header at 1366×768 with errors', () => {
  it('shows the whole title, the badge and the save state each on one line', async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2025}`);
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await page.getByRole('textbox', { name: '六、其他需要报告的事项 正文' }).fill('本年度未收取信息处理费。');
    await expect.poll(() => page.locator('.save-state').textContent()).toMatch(/^已保存/);
    await expect.poll(() => page.locator('.editor-bar .count.bad').textContent()).toMatch(/错误 [1-9]/);
    await page.screenshot({ path: join(SHOTS, 'editor-header-errors.png'), clip: { x: 0, y: 0, width: 1366, height: 160 } });
    const title = page.locator('.editor-bar .report-title');
    expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    expect(await title.textContent()).toBe(`${AGENCY}2025年政府信息公开工作年度报告`);
    expect(await oneLine('.editor-bar .badge')).toBe(true);
    expect(await oneLine('.editor-bar .save-state')).toBe(true);
    expect(await oneLine('.editor-bar .finalise-why')).toBe(true);
  });

  it('a disabled 撤销结转 looks disabled', async () => {
    const undoCarry = page.getByRole('button', { name: '撤销结转' });
    const enabled = await undoCarry.evaluate((el) => getComputedStyle(el).backgroundColor);
    const other = await apiCall<{ report: unknown }>(served, 'report:open', { id: ids.y2025 });
    const fixed = other.report as { requests: Record<string, number[]> };
    fixed.requests.newReceived![0] = 0;
    await saveLatest(served, ids.y2025, fixed);
    await apiCall(served, 'report:setStatus', { id: ids.y2025, status: 'final' });
    await page.reload();
    await expect.poll(() => page.locator('.editor-bar .badge').textContent()).toBe('已定稿');
    expect(await undoCarry.isDisabled()).toBe(true);
    expect(await undoCarry.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(enabled);
  });
});

describe('the archive search', () => {
  it('filters agencies and reports as you type', async () => {
    await page.goto(served.url);
    const search = page.getByRole('searchbox', { name: '查找机关或报告' });
    await search.waitFor();
    expect(await page.locator('section.agency').count()).toBe(3);
    await search.fill('白沙');
    await expect.poll(() => page.locator('section.agency').count()).toBe(1);
    expect(await page.locator('section.agency').getAttribute('aria-label')).toBe('示例县白沙镇人民政府');
    await search.fill('2023');
    await expect.poll(() => page.locator('section.agency').count()).toBe(1);
    expect(await page.locator('section.agency tbody tr').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'archive-search.png') });
    await search.fill('没有这个机关');
    await expect.poll(() => page.getByText('没有找到与“没有这个机关”相符的机关或报告').count()).toBe(1);
    await search.fill('');
    await expect.poll(() => page.locator('section.agency').count()).toBe(3);
  });
});
