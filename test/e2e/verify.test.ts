/**
 * 核对已发布 in real Chromium at 1366×768 against serve:web: from the archive row of a 定稿 report,
 * a website page that lost the digits of its dates shows the sentence with the lost characters
 * marked and changes nothing; the unchanged page marks the report 已发布 with the date.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHtml } from '../../main/export/html';
import { apiCall, ensureBuilt, launch, openPage, seedQingshi, serve, ROOT, type Served } from './helpers';

const SHOTS = join(ROOT, 'test-results/screenshots');
let served: Served;
let browser: Browser;
let page: Page;
let ids: { y2023: number; y2024: number };
let html = '';

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  ids = await seedQingshi(served);
  await apiCall(served, 'report:setStatus', { id: ids.y2024, status: 'final' });
  const { report } = await apiCall<{ report: Parameters<typeof buildHtml>[0] }>(served, 'report:open', { id: ids.y2024 });
  html = buildHtml(report);
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

async function verifyFile(name: string, content: string) {
  const file = join(served.dir, name);
  writeFileSync(file, content);
  await page.getByRole('dialog').locator('input[type=file]').setInputFiles(file);
}

describe('核对已发布', () => {
  it('a page that lost digits: the sentence in both versions, the lost characters marked; nothing changed', async () => {
    await page.goto(served.url);
    await page.getByRole('button', { name: '核对已发布：2024年度报告（示例县青石镇人民政府）' }).click();
    await verifyFile('网站.html', html.replace('2024年1月1日', '202411日').replace('2024年12月31日', '20241231日'));
    const dialog = page.getByRole('dialog');
    await dialog.getByText('网站发布的版本与定稿不一致').waitFor();
    const table = dialog.getByRole('table', { name: '文字不同' });
    const row = table.getByRole('row', { name: /导语/ });
    expect(await row.locator('td').first().innerText()).toBe('本报告中所列数据统计期限自2024年1月1日起至2024年12月31日止。');
    expect(await row.locator('td').nth(1).innerText()).toBe('本报告中所列数据统计期限自202411日起至20241231日止。');
    expect(await row.locator('td').first().locator('mark').allInnerTexts()).toEqual(['年', '月', '年', '月']);
    await page.screenshot({ path: join(SHOTS, 'verify-differences.png') });
    const { summary } = await apiCall<{ summary: { verifiedOn: string | null; published: boolean } }>(served, 'report:open', { id: ids.y2024 });
    expect(summary).toMatchObject({ verifiedOn: null, published: false });
    // 打印 prints the list alone (the archive behind the dialog is hidden by the print style).
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: join(SHOTS, 'verify-print.png') });
    expect(await page.getByRole('button', { name: '导出 Word' }).isVisible()).toBe(false);
    expect(await page.locator('.verify-print mark').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await dialog.getByRole('button', { name: '导出 Word' }).click();
    expect((await download).suggestedFilename()).toMatch(/网站发布版本与定稿的差异\.docx$/);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('the unchanged page: 已核对，与定稿一致, and the row says 已发布 with the date', async () => {
    await page.getByRole('button', { name: '核对已发布：2024年度报告（示例县青石镇人民政府）' }).click();
    await verifyFile('网站.html', html);
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/已核对，与定稿一致（\d{4}年\d{1,2}月\d{1,2}日）。报告已标为已发布。/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'verify-same.png') });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await page.getByText(/已发布 · 已核对，与定稿一致（\d{4}年\d{1,2}月\d{1,2}日）/).first().waitFor();
    await page.screenshot({ path: join(SHOTS, 'verify-archive-row.png') });
    const { summary } = await apiCall<{ summary: { verifiedOn: string | null; published: boolean } }>(served, 'report:open', { id: ids.y2024 });
    expect(summary.published).toBe(true);
    expect(summary.verifiedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('the 汇总 board offers it for each unit whose report is in, and shows a figure changed on its page', async () => {
    await apiCall(served, 'rollup:addUnits', { organ: '示例县人民政府', year: 2024, names: ['示例县青石镇人民政府'], level: 'township' });
    await page.goto(`${served.origin}/#/rollup?${new URLSearchParams({ organ: '示例县人民政府', year: '2024' }).toString()}`);
    await page.getByRole('button', { name: '核对示例县青石镇人民政府网站上发布的报告' }).click();
    // The website shows one figure of Table 三 changed (the first 9 becomes 19).
    const changed = html.replace(/(<td[^>]*>)9(<\/td>)/, (_m, open: string, close: string) => `${open}19${close}`);
    expect(changed).not.toBe(html);
    await verifyFile('单位网站.html', changed);
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('table', { name: '数字不同' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'verify-rollup-unit.png') });
    expect(await dialog.getByRole('table', { name: '数字不同' }).getByRole('row').count()).toBeGreaterThan(1);
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('the editor of a 定稿 report offers it too', async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2024}`);
    await page.getByRole('button', { name: '核对已发布' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'verify-editor-bar.png') });
    await page.getByRole('button', { name: '核对已发布' }).click();
    await page.getByRole('dialog', { name: /核对已发布/ }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'verify-dialog-start.png') });
    await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
  });
});
