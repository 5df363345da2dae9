/**
 * 图解 and 发布前自查 in real Chromium against serve:web: the 导出 menu downloads the 图解 in three
 * kinds, 自查 lists the assessor's checks from the editor and from an archive row, 「去修改」 lands
 * on the section, exporting a 图解 turns its item to 通过, and the printable page shows the list alone.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launch, openPage, ROOT, seedQingshi, serve, type Served } from './helpers';

const SHOTS = join(ROOT, 'test-results/screenshots');
const NAME = '示例县青石镇人民政府2024年政府信息公开工作年度报告';
let served: Served;
let browser: Browser;
let page: Page;
let ids: { y2023: number; y2024: number };

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureBuilt();
  served = await serve();
  ids = await seedQingshi(served);
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

async function pick(menu: string, item: string) {
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

async function download(menu: string, item: string): Promise<Download> {
  const d = page.waitForEvent('download', { timeout: 90_000 });
  await pick(menu, item);
  return d;
}

const stateOf = (dialog: ReturnType<Page['getByRole']>, item: string) => dialog.locator(`tr[data-item="${item}"] .selfcheck-state`).textContent();

describe('图解 and 发布前自查', () => {
  it('自查 from the editor lists every check with its source; 「去修改」 goes to 五', { timeout: 60_000 }, async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2024}`);
    await page.getByRole('grid', { name: '二、主动公开政府信息情况' }).waitFor();
    await pick('导出本报告', '发布前自查');
    const dialog = page.getByRole('dialog', { name: '发布前自查' });
    await dialog.locator('tbody tr').first().waitFor();
    expect(await dialog.locator('tbody tr').count()).toBe(10);
    expect(await dialog.locator('tbody th').allTextContents()).toContain('与往年报告雷同');
    expect(await stateOf(dialog, 'tables')).toBe('通过');
    expect(await stateOf(dialog, 'thin')).toBe('请查看'); // the fixture's 五 has about 30 characters under （一）
    expect(await stateOf(dialog, 'graphic')).toBe('请查看');
    expect(await dialog.textContent()).toContain('依据：');
    await page.screenshot({ path: join(SHOTS, 'selfcheck-editor.png') });

    await dialog.locator('tr[data-item="thin"]').getByRole('button', { name: '去修改' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('text-problems');
  });

  it('the 导出 menu downloads the 图解 as PNG, PDF and SVG; the numbers are the report\'s; 自查 then says it is made', { timeout: 240_000 }, async () => {
    const png = await download('导出本报告', '图解 长图（PNG）');
    expect(png.suggestedFilename()).toBe(`${NAME}（图解·长图）.png`);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.readUInt32BE(16)).toBe(1080);
    await png.saveAs(join(SHOTS, 'graphic-long.png'));

    const pdf = await download('导出本报告', '图解 A4（PDF）');
    expect(pdf.suggestedFilename()).toBe(`${NAME}（图解·A4）.pdf`);
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const svg = await download('导出本报告', '图解 矢量图（SVG）');
    const text = readFileSync((await svg.path())!, 'utf8');
    expect(text).toContain('data-path="requests.newReceived.6">9<');

    await pick('导出本报告', '发布前自查');
    const dialog = page.getByRole('dialog', { name: '发布前自查' });
    await dialog.locator('tbody tr').first().waitFor();
    expect(await stateOf(dialog, 'graphic')).toBe('通过');
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('自查 from an archive row, and its printable page shows the list alone', { timeout: 60_000 }, async () => {
    await page.goto(`${served.origin}/#/`);
    await pick(`导出2024年度报告（示例县青石镇人民政府）`, '发布前自查');
    const dialog = page.getByRole('dialog', { name: '发布前自查' });
    await dialog.locator('tbody tr').first().waitFor();
    expect(await dialog.textContent()).toContain(`《${NAME}》发布前自查`);
    await page.screenshot({ path: join(SHOTS, 'selfcheck-archive.png') });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#root').isVisible()).toBe(false);
    expect(await page.locator('.selfcheck-print').isVisible()).toBe(true);
    expect(await page.locator('.selfcheck-print').textContent()).toContain('经办人');
    await page.screenshot({ path: join(SHOTS, 'selfcheck-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  });
});
