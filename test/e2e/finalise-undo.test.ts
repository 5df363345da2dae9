/**
 * Issue 21 #1: 撤销 after 定稿 must not strand the editor. Undo and every edit path follow the report's
 * state (disabled while 已定稿), 重新编辑 starts a fresh undo history, and a save the archive refuses
 * (the report was finalised in another window) leaves 导出 Word and 返回档案 working, each saying what happened.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, cell, ensureBuilt, launch, openPage, ROOT, serve, type Served } from './helpers';

const SHOTS = join(ROOT, 'test-results/screenshots');
let served: Served;
let browser: Browser;
let page: Page;
let id: number;

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  mkdirSync(SHOTS, { recursive: true });
  // The one-time notice of missing official fonts is export.test's subject, not this one's.
  await apiCall(served, 'notice:mark', { key: 'missing-fonts' });
  id = (await apiCall<{ summary: { id: number } }>(served, 'report:create', { agency: '示例县青石镇人民政府', year: 2025 })).summary.id;
  browser = await launch();
  ({ page } = await openPage(browser, served));
  await page.goto(`${served.origin}/#/report/${id}`);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

const other = () => page.getByRole('textbox', { name: '六、其他需要报告的事项 正文' });
const undoButton = () => page.getByRole('button', { name: '撤销', exact: true });
const saved = () => expect.poll(() => page.locator('.save-state').textContent()).toMatch(/^已保存/);

describe('撤销 after 定稿', () => {
  it('edit, 定稿: 撤销 is disabled and Ctrl+Z changes nothing, nothing is refused', async () => {
    await other().fill('本年度无其他需要报告的事项。');
    await cell(page, '一、本年新收政府信息公开申请数量 自然人').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await cell(page, '（一）予以公开 自然人').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await saved();
    expect(await undoButton().isDisabled()).toBe(false);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: '已核实，定稿' }).click();
    await expect.poll(() => page.locator('.editor-bar .badge').textContent()).toBe('已定稿');
    expect(await undoButton().isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '重做', exact: true }).isDisabled()).toBe(true);
    // The keyboard path: Ctrl+Z in the table says why and changes nothing.
    await cell(page, '一、本年新收政府信息公开申请数量 自然人').click();
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('#sec-requests .grid-msg').textContent()).toContain('报告已定稿');
    expect((await cell(page, '一、本年新收政府信息公开申请数量 自然人').textContent())?.trim()).toBe('3');
    expect(await other().inputValue()).toBe('本年度无其他需要报告的事项。');
    expect(await page.locator('.save-state').textContent()).not.toContain('未能保存');
    await page.screenshot({ path: join(SHOTS, 'finalise-then-undo.png') });
    const stored = await apiCall<{ report: { text: { other: string } } }>(served, 'report:open', { id });
    expect(stored.report.text.other).toBe('本年度无其他需要报告的事项。');
  });

  it('重新编辑 starts a fresh undo history', async () => {
    await page.getByRole('button', { name: '重新编辑' }).click();
    await expect.poll(() => page.locator('.editor-bar .badge').textContent()).toBe('草稿');
    expect(await undoButton().isDisabled()).toBe(true);
    await other().fill('本年度无其他需要报告的事项。特此报告。');
    await expect.poll(() => undoButton().isDisabled()).toBe(false);
    await undoButton().click();
    expect(await other().inputValue()).toBe('本年度无其他需要报告的事项。');
    await expect.poll(() => undoButton().isDisabled()).toBe(true);
    await saved();
  });

  it('a save refused by the archive: 导出 Word still exports and says so, 返回档案 asks and returns', async () => {
    // The archive refuses this editor's saves for good (as it refused the undo after 定稿 in the issue).
    await page.route('**/api/report:save', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'CONFLICT', message: '报告已定稿，请先点“重新编辑”' } }) }));
    await other().fill('这句没能保存。');
    await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 10_000 }).toContain('未能保存：报告已定稿');
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.getByRole('button', { name: '导出本报告' }).click();
    await page.getByRole('menuitem', { name: '导出 Word' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    await expect.poll(() => page.locator('.notice.error').textContent()).toContain('最近的修改未能保存');
    await page.getByRole('button', { name: '← 返回档案' }).click();
    const ask = page.getByRole('dialog', { name: '修改未能保存' });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('报告已定稿');
    await ask.getByRole('button', { name: '放弃这些修改并返回档案' }).click();
    await page.getByRole('button', { name: '新建年度报告' }).waitFor();
    await page.unroute('**/api/report:save');
    const stored = await apiCall<{ report: { text: { other: string } } }>(served, 'report:open', { id });
    expect(stored.report.text.other).toBe('本年度无其他需要报告的事项。');
  });
});
