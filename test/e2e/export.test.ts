/**
 * Export in real Chromium against serve:web (the browser mode: the page downloads the file). The
 * browser runs without the test fontconfig, so the official GB fonts are missing as on a plain PC
 * and the one-time notice can be checked.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Download, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, openPage, seedQingshi, serve, type Served } from './helpers';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const NAME = '示例县青石镇人民政府2024年政府信息公开工作年度报告';
let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];
let ids: { y2023: number; y2024: number };

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  ids = await seedQingshi(served);
  const env = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k !== 'FONTCONFIG_FILE' && v !== undefined)) as Record<string, string>;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, env });
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

const bytesOf = async (d: Download) => readFileSync((await d.path())!);

/** Picks a kind from an export menu and returns the download it starts. */
async function exportVia(menu: string, item: string): Promise<Download> {
  const download = page.waitForEvent('download', { timeout: 15_000 });
  await page.getByRole('button', { name: menu }).click();
  await page.getByRole('menuitem', { name: item }).click();
  return download;
}

describe('export', () => {
  it('导出 Word from the editor downloads the .docx; the toast names it; the missing fonts are told once', async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2024}`);
    await page.getByRole('grid', { name: '二、主动公开政府信息情况' }).waitFor();
    await page.getByRole('button', { name: '导出本报告' }).click();
    expect(await page.getByRole('menu', { name: '导出本报告' }).getByRole('menuitem').allInnerTexts()).toEqual([
      '导出 Word\n公文格式，可打印、报送',
      '导出 Excel\n三张表格，可再加工',
      '复制到网站\n网页文件，发布到政府网站',
      '导出数据\n完整数据，可在别的电脑导入',
      '打印 / 另存为PDF\nA4 公文版式；打印对话框中可另存为 PDF',
      '图解 长图（PNG）\n一图读懂，1080像素宽，发布到网站和微信',
      '图解 A4（PDF）\n一图读懂，一页A4，打印用',
      '图解 矢量图（SVG）\n一图读懂，可在绘图软件中再加工',
      '发布前自查\n逐项列出考核时检查的内容，可打印',
    ]);
    await page.screenshot({ path: join(SHOTS, 'export-menu.png') });
    await page.keyboard.press('Escape');
    expect(await page.getByRole('menu').count()).toBe(0);

    const download = await exportVia('导出本报告', '导出 Word');
    expect(download.suggestedFilename()).toBe(`${NAME}.docx`);
    expect((await bytesOf(download)).subarray(0, 2).toString('latin1')).toBe('PK');
    await expect.poll(() => page.locator('.toast').textContent()).toContain(`已导出：${NAME}.docx`);
    const fonts = page.getByRole('dialog', { name: '本机缺少公文字体' });
    await fonts.waitFor();
    expect(await fonts.locator('tbody tr').allTextContents()).toContainEqual(expect.stringMatching(/^方正小标宋简体标题/));
    await page.screenshot({ path: join(SHOTS, 'export-fonts.png') });
    await fonts.getByRole('button', { name: '知道了' }).click();
    await page.screenshot({ path: join(SHOTS, 'export-toast.png') });

    // Once only: after the second export the page asks whether the notice was seen and is told yes
    // (a positive answer to wait for, not a fixed pause), so the dialog cannot come back.
    const asked = page.waitForResponse((r) => decodeURIComponent(r.url()).endsWith('/api/notice:seen'));
    const xlsx = await exportVia('导出本报告', '导出 Excel');
    expect(xlsx.suggestedFilename()).toBe(`${NAME}.xlsx`);
    expect((await bytesOf(xlsx)).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(((await (await asked).json()) as { value: unknown }).value).toBe(true);
    expect(await page.getByRole('dialog', { name: '本机缺少公文字体' }).count()).toBe(0);
  });

  it('with an error in the report the confirmation lists it first; the export carries the figure just typed', async () => {
    await cell(page, '四、结转下年度继续办理 自然人').click();
    await page.keyboard.type('9');
    await page.keyboard.press('Enter');
    // No wait for the autosave: exporting saves first.
    await page.getByRole('button', { name: '导出本报告' }).click();
    await page.getByRole('menuitem', { name: '导出数据' }).click();
    const ask = page.getByRole('dialog', { name: /^报告还有\d+处错误，仍要导出吗？$/ });
    await ask.waitFor();
    expect(await ask.locator('ol').textContent()).toContain('三、自然人列：第一项加第二项之和');
    // Cancelled means no export request at all: counted up to the export that follows, which must be the only one.
    let exports = 0;
    const countExports = (r: { url(): string }) => void (decodeURIComponent(r.url()).endsWith('/api/export:save') && exports++);
    page.on('request', countExports);
    await ask.getByRole('button', { name: '取消，先改正' }).click();
    await ask.waitFor({ state: 'hidden' });

    await page.getByRole('button', { name: '导出本报告' }).click();
    await page.getByRole('menuitem', { name: '导出数据' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('dialog', { name: /仍要导出吗/ }).getByRole('button', { name: '仍要导出数据' }).click();
    const d = await download;
    page.off('request', countExports);
    expect(exports).toBe(1);
    expect(d.suggestedFilename()).toBe(`${NAME}.json`);
    const json = JSON.parse((await bytesOf(d)).toString('utf8')) as { requests: { carriedForward: number[] } };
    expect(json.requests.carriedForward[0]).toBe(9);
    await page.keyboard.press('Control+z');
  });

  it('复制到网站 from an archive row downloads the web page; an error-free report exports without asking', async () => {
    await page.getByRole('button', { name: '返回档案' }).click();
    await page.getByRole('button', { name: '导出2023年度报告' }).waitFor();
    const d = await exportVia('导出2023年度报告', '复制到网站');
    expect(d.suggestedFilename()).toBe('示例县青石镇人民政府2023年政府信息公开工作年度报告.html');
    expect((await bytesOf(d)).toString('utf8')).toContain('<table');
    expect(await page.locator('.toast').textContent()).toContain('同时复制网页内容');
  });

  it('打印 / 另存为PDF opens the printable A4 page of the report in a new tab (browser mode)', async () => {
    const opened = page.context().waitForEvent('page', { timeout: 15_000 });
    await page.getByRole('button', { name: '导出2023年度报告' }).click();
    await page.getByRole('menuitem', { name: '打印 / 另存为PDF' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe(`/print/${ids.y2023}`);
    expect(await tab.title()).toBe('示例县青石镇人民政府2023年政府信息公开工作年度报告');
    expect(await tab.locator('table').count()).toBe(3);
    expect(await page.locator('.toast').textContent()).toContain('按 Ctrl+P 打印');
    await tab.close();
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
