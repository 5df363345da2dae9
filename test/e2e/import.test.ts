/**
 * 导入报告 in real Chromium against serve:web: pasted website text, an uploaded web page, pasted
 * HTML, unread and uncertain cells to fill, refusals that write nothing, re-import with replace.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../import/helpers';
import { qingshi2024 } from '../helpers/fixtures';
import { apiCall, cell, ensureBuilt, launch, openPage, serve, type Served } from './helpers';

const FIX = join(import.meta.dirname, '../../../shared/fixtures/published');
const DAJIN = readFileSync(join(FIX, 'dajin-2024.txt'), 'utf8');
const LICENSING = '行政许可 本年处理决定数量';
const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');

let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  browser = await launch();
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

type Listed = { reports: { id: number; agency: string; year: number; updatedAt: string }[] };
const listed = () => apiCall<Listed>(served, 'archive:list', {});
const revisions = (id: number) => apiCall<unknown[]>(served, 'report:revisions', { id });

/** A real paste event into the focused element, as Ctrl+V from a browser copy would bring. */
async function paste(p: Page, data: Record<string, string>): Promise<void> {
  await p.evaluate((d) => {
    const dt = new DataTransfer();
    for (const [type, value] of Object.entries(d)) dt.setData(type, value);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, data);
}

async function openImport(): Promise<ReturnType<Page['getByRole']>> {
  await page.goto(served.url.split('#')[0]!);
  await page.getByRole('button', { name: '导入报告' }).click();
  const dialog = page.getByRole('dialog', { name: '导入报告' });
  await dialog.waitFor();
  return dialog;
}

async function pasteAndRead(text: string, html?: string): Promise<ReturnType<Page['getByRole']>> {
  const dialog = await openImport();
  await dialog.getByRole('textbox', { name: '粘贴的年度报告内容' }).focus();
  await paste(page, html ? { 'text/plain': text, 'text/html': html } : { 'text/plain': text });
  await dialog.getByRole('button', { name: '读取粘贴的内容' }).click();
  const preview = page.getByRole('dialog', { name: '导入报告：核对读取结果' });
  await preview.waitFor();
  return preview;
}

const previewCell = (dialog: ReturnType<Page['getByRole']>, name: string) => dialog.locator(`td[aria-label="${name}"]`);

describe('import from the archive screen', () => {
  it('cancel after the preview writes nothing', async () => {
    const preview = await pasteAndRead(DAJIN);
    expect(await previewCell(preview, LICENSING).textContent()).toBe('218');
    await preview.getByRole('button', { name: '取消' }).click();
    expect((await listed()).reports).toEqual([]);
  });

  it('pasted website text: the preview shows what was read; confirming opens the editor with the figures', async () => {
    const preview = await pasteAndRead(DAJIN);
    expect(await preview.locator('.preview-head').textContent()).toBe('读取结果：重庆市开州区大进镇人民政府 2024年度 · 2021年版（国办公开办函〔2021〕30号） · 来源：粘贴的文字');
    expect(await previewCell(preview, LICENSING).textContent()).toBe('218');
    expect(await previewCell(preview, '行政处罚 本年处理决定数量').textContent()).toBe('218');
    expect(await previewCell(preview, '行政事业性收费 本年收费金额（单位：万元）').textContent()).toBe('0.9840');
    expect(await preview.getByText('读取完整，未发现问题。').count()).toBe(1);
    expect(await preview.locator('input.preview-input').count()).toBe(0); // everything read: nothing to fill
    await preview.getByRole('button', { name: '导入并打开' }).click();
    await page.getByRole('grid', { name: '二、主动公开政府信息情况' }).waitFor();
    expect(await page.locator('h1.report-title').textContent()).toBe('重庆市开州区大进镇人民政府2024年政府信息公开工作年度报告');
    expect(await cell(page, LICENSING).textContent()).toBe('218');
    expect(await cell(page, '行政事业性收费 本年收费金额（单位：万元）').textContent()).toBe('0.9840');
    expect(await page.getByRole('textbox', { name: '一、总体情况 正文' }).inputValue()).toContain('大进镇');
  });

  it('re-import of a changed report shows the differences and needs the replace choice; the old state stays in the history', async () => {
    await cell(page, LICENSING).click();
    await page.keyboard.type('200');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.save-state').textContent()).toMatch(/^已保存/);
    const id = (await listed()).reports[0]!.id;
    const before = (await revisions(id)).length;

    const preview = await pasteAndRead(DAJIN);
    const existing = preview.getByRole('region', { name: '与档案中的报告比较' });
    expect(await existing.locator('h3').textContent()).toBe('档案中已有重庆市开州区大进镇人民政府2024年度报告（草稿）');
    expect(await existing.locator('tbody tr').allTextContents()).toEqual([`${LICENSING}200218`]);
    const go = preview.getByRole('button', { name: '替换并打开' });
    expect(await go.isDisabled()).toBe(true);
    expect(await preview.locator('.why').textContent()).toContain('请勾选“替换档案中的报告”');
    await preview.getByLabel('替换档案中的报告（原内容保留在历史版本中）').check();
    await go.click();
    await page.getByRole('grid', { name: '二、主动公开政府信息情况' }).waitFor();
    await expect.poll(() => cell(page, LICENSING).textContent()).toBe('218');
    expect((await listed()).reports.map((r) => r.id)).toEqual([id]);
    expect((await revisions(id)).length).toBeGreaterThan(before);
  });

  it('a file whose year differs from the one typed is refused in Chinese; nothing is saved', async () => {
    const before = await listed();
    const dialog = await openImport();
    expect(await dialog.getByLabel('机关名称').inputValue()).toBe('重庆市开州区大进镇人民政府'); // the archive's one agency
    await dialog.getByLabel('报告年度').fill('2023');
    await dialog.locator('input[type=file]').setInputFiles(join(FIX, 'dajin-2024.txt'));
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('这是2024年度的报告，不是所选的2023年度，未导入');
    // A picture renamed .docx: the message says what it is, and nothing is saved either.
    await dialog.locator('input[type=file]').setInputFiles({ name: '年报.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('\x89PNG\r\n\x1a\n0000IHDR', 'latin1') });
    await expect.poll(() => dialog.getByRole('alert').textContent()).not.toContain('2023年度');
    expect(await dialog.getByRole('alert').textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await listed()).toEqual(before);
  });

  it('an uploaded web page (.html) is read and imported', async () => {
    const dialog = await openImport();
    await dialog.getByLabel('机关名称').fill('');
    await dialog.locator('input[type=file]').setInputFiles(join(FIX, 'shanghai-office-2019.html'));
    const preview = page.getByRole('dialog', { name: '导入报告：核对读取结果' });
    await preview.waitFor();
    expect(await preview.locator('.preview-head').textContent()).toContain('上海市人民政府办公厅 2019年度 · 2019年版');
    expect(await previewCell(preview, '一、本年新收政府信息公开申请数量 总计').textContent()).toBe('859');
    expect(await preview.locator('.findings-plain').textContent()).toContain('原表有22个总计格为空');
    await preview.getByRole('button', { name: '导入并打开' }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    expect(await cell(page, '一、本年新收政府信息公开申请数量 自然人').textContent()).toBe('821');
    expect(await cell(page, '规章 对外公开总数量').textContent()).toBe('524');
  });

  it('an uploaded PDF (published as PDF only) is read into the preview: blank cells in their columns', async () => {
    const dialog = await openImport();
    await dialog.getByLabel('机关名称').fill('');
    await dialog.locator('input[type=file]').setInputFiles(join(import.meta.dirname, '../fixtures/pdf/pingtan-2022-blank-zeros.chromium.pdf'));
    const preview = page.getByRole('dialog', { name: '导入报告：核对读取结果' });
    await preview.waitFor();
    expect(await preview.locator('.preview-head').textContent()).toContain('2022年度');
    expect(await previewCell(preview, '一、本年新收政府信息公开申请数量 总计').textContent()).toBe('74');
    expect(await previewCell(preview, '一、本年新收政府信息公开申请数量 商业企业').textContent()).toBe('3');
    await page.screenshot({ path: join(SHOTS, 'import-preview-pdf.png') });
    await preview.getByRole('button', { name: '取消' }).click();
  });

  it('a PDF dragged onto 方式一 is read like a chosen file; two files dropped at once are refused in one sentence', async () => {
    const dialog = await openImport();
    const pdf = readFileSync(join(import.meta.dirname, '../fixtures/pdf/pingtan-2022-blank-zeros.chromium.pdf')).toString('base64');
    const drop = (names: string[]) =>
      page.evaluate(
        ({ names, data }) => {
          const dt = new DataTransfer();
          const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
          for (const n of names) dt.items.add(new File([bytes], n, { type: 'application/pdf' }));
          const zone = Array.from(document.querySelectorAll('fieldset')).find((f) => f.querySelector('legend')?.textContent?.includes('拖到这里'))!;
          for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
        },
        { names, data: pdf },
      );
    await drop(['平潭2022.pdf', '另一份.pdf']);
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('一次只能导入一份报告');
    await drop(['平潭2022.pdf']);
    const preview = page.getByRole('dialog', { name: '导入报告：核对读取结果' });
    await preview.waitFor();
    expect(await previewCell(preview, '一、本年新收政府信息公开申请数量 总计').textContent()).toBe('74');
    await preview.getByRole('button', { name: '取消' }).click();
  });

  it('pasted HTML (a copy from the web page) is read from its tables; the same report again needs the replace choice', async () => {
    const html = readFileSync(join(FIX, 'shanghai-office-2019.html'), 'utf8');
    const preview = await pasteAndRead('（网页的纯文本）', html);
    expect(await preview.locator('.preview-head').textContent()).toContain('来源：网页');
    expect(await preview.getByRole('region', { name: '与档案中的报告比较' }).textContent()).toContain('导入的内容与档案中的报告完全相同');
    expect(await preview.getByRole('button', { name: '替换并打开' }).isDisabled()).toBe(true);
    await preview.getByRole('button', { name: '取消' }).click();
  });

  it('unread cells are empty inputs to fill, uncertain ones highlighted; 其余空白按0保存', async () => {
    // The row 结转下年度 lost in the copy (7 unread cells) and 行政复议's figures glued together (uncertain).
    const lines = DAJIN.split('\n');
    const cut = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const text = [...lines.slice(0, cut), ...lines.slice(cut + 8)];
    const data = text.findIndex((l, i) => i > text.findIndex((x) => x.startsWith('行政复议 |')) && l.startsWith('总计 | |||||')) + 1;
    text.splice(data, 15, '1010011 0 0 0 0 0 0 0 0 0 0');
    await page.goto(served.url.split('#')[0]!);
    const preview = await pasteAndRead(text.join('\n').replace('2024年', '2022年').replaceAll('2024', '2022'));
    expect(await preview.locator('.preview-legend').textContent()).toBe('空白输入框：未能读出，请按原报告填写（6格）黄色：读取有疑问，请核对，必要时改正（3格）');
    const blank = preview.locator('td.blank input');
    expect(await blank.count()).toBe(6); // six applicant columns; their 总计 follows
    expect(await previewCell(preview, '四、结转下年度继续办理 总计').textContent()).toBe('');
    expect(await preview.locator('td.uncertain').evaluateAll((tds) => tds.map((t) => t.getAttribute('aria-label')))).toEqual(['行政复议 结果维持', '行政复议 结果纠正', '行政复议 其他结果']);
    expect(await preview.locator('.findings-plain').textContent()).toContain('“四、结转下年度继续办理”，这些格为空，需补填');
    const go = preview.getByRole('button', { name: '导入并打开' });
    expect(await go.isDisabled()).toBe(true);
    expect(await preview.locator('.why').textContent()).toBe('还有6个未读出的格是空白，请按原报告填写，或勾选“其余空白按0保存”。');
    await preview.getByRole('textbox', { name: '四、结转下年度继续办理 自然人' }).fill('2');
    await preview.getByRole('textbox', { name: '行政复议 结果维持' }).fill('x');
    expect(await preview.locator('.why').textContent()).toContain('有1个填写的数字无效');
    await preview.getByRole('textbox', { name: '行政复议 结果维持' }).fill('10');
    await preview.getByRole('textbox', { name: '行政复议 结果纠正' }).fill('1');
    await preview.getByRole('textbox', { name: '行政复议 其他结果' }).fill('0');
    expect(await preview.locator('.why').textContent()).toContain('还有5个未读出的格');
    await preview.evaluate((d) => (d.scrollTop = 0));
    await page.screenshot({ path: join(SHOTS, 'import-preview-top.png') });
    await previewCell(preview, '四、结转下年度继续办理 自然人').evaluate((td) => td.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'import-preview.png') });
    expect(await preview.getByRole('note').filter({ hasText: '导入文件本身' }).count()).toBe(0); // 6 unread: typing them is quicker
    expect(await preview.locator('#zero-note').textContent()).toBe('（5格，存为0后列为“待核对”，请对照原报告逐格核对）');
    await preview.getByLabel('其余空白按0保存').check();
    expect(await preview.locator('.why').textContent()).toBe('');
    expect(await previewCell(preview, '四、结转下年度继续办理 总计').textContent()).toBe('2');
    expect(await previewCell(preview, '行政复议 总计').textContent()).toBe('11');
    await go.click();
    await page.getByRole('grid', { name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
    expect(await cell(page, '四、结转下年度继续办理 自然人').textContent()).toBe('2');
    expect(await cell(page, '四、结转下年度继续办理 商业企业').textContent()).toBe('0');
    expect(await cell(page, '行政复议 结果维持').textContent()).toBe('10');
    expect(await cell(page, '行政复议 结果纠正').textContent()).toBe('1');
    // The five cells saved as 0 were never read: they wait 待核对 until compared with the original.
    const verify = page.getByRole('region', { name: '待核对' });
    expect(await verify.locator('h3').textContent()).toContain('待核对（1行，5格）');
    expect(await verify.locator('li').textContent()).toContain('四、结转下年度继续办理');
    await page.screenshot({ path: join(SHOTS, 'import-zeroed-verify.png') });
  });

  it('pasted text with many unread cells suggests importing the file itself', async () => {
    const preview = await pasteAndRead(renderReport(qingshi2024(), 'pipe', { cutAfter: '（一）予以公开' }));
    const hint = preview.getByRole('note').filter({ hasText: '导入文件本身' });
    expect(await hint.textContent()).toMatch(/^粘贴的文字中有\d+格没能读出/);
    await page.screenshot({ path: join(SHOTS, 'import-text-hint.png') });
    await preview.getByRole('button', { name: '取消' }).click();
  });

  it('a PDF viewer\'s copy whose rows no column sum can check: placed rows highlighted, with the reason', async () => {
    // holdout-fresh's 14 pt table through pdftotext -layout: twelve rows unread, so a figure one
    // column over (13 under 法律服务机构 for 社会公益组织) would keep every rule that can be checked.
    const text = readFileSync(join(import.meta.dirname, '../fixtures/text/fresh-county-carried-2024.nbsp.chromium-bigfont.pdftotext-layout.txt'), 'utf8');
    const preview = await pasteAndRead(text);
    expect(await preview.locator('.findings-plain').textContent()).toContain('各列之和无法核对');
    expect(await previewCell(preview, '（三）不予公开 4.保护第三方合法权益 其他').getAttribute('class')).toMatch(/uncertain|blank/);
    await previewCell(preview, '（三）不予公开 4.保护第三方合法权益 自然人').evaluate((td) => td.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'import-layout-unchecked.png') });
    await preview.getByRole('button', { name: '取消' }).click();
  });

  it('a PDF viewer\'s plain text whose 总计 column came out in blocks of its own: the totals put back, the clerk told so', async () => {
    // holdout-fresh's landscape page, every 0 an empty cell, pdftotext plain: each page's totals after its rows.
    const text = readFileSync(join(import.meta.dirname, '../fixtures/text/fresh-county-identical-2020.site-empty-td.landscape.pdftotext.txt'), 'utf8');
    const preview = await pasteAndRead(text);
    expect(await preview.locator('.findings-plain').textContent()).toContain('个不为0的总计放回各行');
    await preview.locator('.findings-plain').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(SHOTS, 'import-totals-back.png') });
    await preview.getByRole('button', { name: '取消' }).click();
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
