/**
 * A read-only archive in real Chromium (serve:web --readonly, the same services the desktop app
 * uses after a start-up problem): the banner on both screens, write actions disabled, typing in the
 * editor refused on the spot, backing up still possible, and a restore that makes it writable again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, cell, ensureBuilt, launch, openPage, seedQingshi, serve, type Served, saveLatest } from './helpers';

const CELL = '四、结转下年度继续办理 自然人';
const AGENCY = '示例县青石镇人民政府';

let dir: string;
let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];
let ids: { y2023: number; y2024: number };

beforeAll(async () => {
  await ensureBuilt();
  // The archive is written once by a normal server, then opened read-only by a second one.
  dir = mkdtempSync(join(tmpdir(), 'nianbao-readonly-e2e-'));
  const db = join(dir, 'archive.sqlite');
  const writer = await serve({ db });
  ids = await seedQingshi(writer);
  await writer.stop();
  served = await serve({ db, args: ['--readonly'] });
  browser = await launch();
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 60_000);

const banner = () => page.locator('.readonly-banner');

describe('read-only archive', () => {
  it('the archive screen says so and disables what only writes', async () => {
    await page.getByRole('button', { name: `打开2024年度报告（${AGENCY}）` }).waitFor();
    expect(await banner().textContent()).toMatch(/^只读档案以只读方式打开，不能保存修改。可以查看、备份和导出/);
    expect(await page.getByRole('button', { name: '新建年度报告' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '导入报告' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '删除2024年度报告' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '复制2024年度报告为其他年度' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '打开', exact: true }).first().isDisabled()).toBe(false);
  });

  it('the editor shows the banner too, and typing is refused on the spot, not at the next save', async () => {
    await page.getByRole('button', { name: `打开2024年度报告（${AGENCY}）` }).click();
    await page.getByRole('grid', { name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
    expect(await banner().isVisible()).toBe(true);
    const before = await cell(page, CELL).textContent();
    await cell(page, CELL).click();
    await page.keyboard.type('5');
    await expect.poll(() => page.locator('.grid-msg.error').allTextContents()).toContain('档案以只读方式打开，不能修改。');
    await page.screenshot({ path: join(import.meta.dirname, '../../test-results/screenshots', 'readonly-editor.png') });
    await page.keyboard.press('Enter');
    expect(await cell(page, CELL).textContent()).toBe(before);
    expect(await page.getByRole('textbox', { name: '一、总体情况 正文' }).getAttribute('readonly')).not.toBeNull();
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await page.getByRole('button', { name: '备份与恢复' }).waitFor();
  });

  it('backing up still works; restoring a backup makes the archive writable again', async () => {
    await page.getByRole('button', { name: '备份与恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '备份与恢复' });
    await dialog.waitFor();
    expect(await dialog.getByLabel('导入档案…').isDisabled()).toBe(true);
    await dialog.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => dialog.locator('.sticky-actions .notice').textContent()).toMatch(/^已备份/);
    // The manual backup's row (the day's automatic one may carry the same second).
    const label = await dialog.locator('table.backups tbody tr', { hasText: '手动备份' }).first().locator('td').first().textContent();
    await dialog.getByRole('button', { name: `恢复 ${label} 手动备份` }).click();
    await page.getByRole('dialog', { name: '恢复备份' }).getByRole('button', { name: '恢复并替换当前档案' }).click();
    await expect.poll(() => dialog.locator('.sticky-actions .notice').textContent()).toMatch(/^已恢复/);
    await expect.poll(() => banner().count()).toBe(0);
    expect(await dialog.getByLabel('导入档案…').isDisabled()).toBe(false);
    await dialog.getByRole('button', { name: '关闭' }).click();
    expect(await page.getByRole('button', { name: '新建年度报告' }).isDisabled()).toBe(false);
    expect(await page.getByRole('button', { name: '删除2024年度报告' }).isDisabled()).toBe(false);
    // Writable for real: a save goes through.
    const opened = await apiCall<{ report: unknown }>(served, 'report:open', { id: ids.y2024 });
    await saveLatest(served, ids.y2024, opened.report);
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
