/**
 * The clerk's whole January (issue 15), in Chromium at 1366×768 against serve:web, one screenshot
 * per step (test-results/screenshots/january-*.png; curated copies in test/e2e/screenshots/): last year's published report is imported into the
 * clerk's own agency (its figures that ran together are flagged and stay 待核对), this year is
 * created with carry-over, filled and pasted, the completeness warnings are fixed, the report is
 * finalised from the editor (the open 提醒 asked once) and exported as Word; the message fades.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qingshi2024 } from '../helpers/fixtures';
import { renderReport } from '../import/helpers';
import { apiCall, cell, ensureBuilt, launch, openPage, pasteText, saveLatest, serve, type Served } from './helpers';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const OWN = '示例县青石镇人民政府';
const SHORT = '青石镇人民政府';
const REFERENCE = '上海市人民政府办公厅';

let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `january-${name}.png`) });

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  // The archive as the clerk finds it: the office's 2023 report, and a reference report of another office.
  const y2023 = JSON.parse(readFileSync(join(import.meta.dirname, '../../../shared/fixtures/reports/qingshi-2023.json'), 'utf8')) as unknown;
  const made = await apiCall<{ summary: { id: number; agencyId: number } }>(served, 'report:create', { agency: OWN, year: 2023 });
  await saveLatest(served, made.summary.id, y2023);
  await apiCall(served, 'report:create', { agency: REFERENCE, year: 2024 });
  await apiCall(served, 'agency:update', { id: made.summary.agencyId, own: true });
  browser = await launch();
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

describe('the whole January', () => {
  it('1. the archive lists 本机关 first and the reference agency apart', async () => {
    await page.getByRole('region', { name: OWN }).waitFor();
    const names = await page.locator('section.agency').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(names).toEqual([OWN, REFERENCE]);
    expect(await page.locator('#reference-agencies').textContent()).toContain('参考机关');
    await shot('1-archive');
  });

  it('2. last year\'s published report goes into the own agency; split figures are marked and counted', async () => {
    await page.getByRole('button', { name: '导入报告' }).click();
    const dialog = page.getByRole('dialog', { name: '导入报告' });
    expect(await dialog.getByLabel('机关名称').inputValue()).toBe(OWN); // 本机关 is the default
    // As a website prints it: the short name in the title, the table rows' digits run together.
    const text = `${renderReport({ ...qingshi2024(), agency: SHORT, closing: { agency: SHORT, date: '2025-01-20' } }, 'glued')}\n2025年1月20日`;
    await dialog.getByLabel('粘贴的年度报告内容').focus();
    await pasteText(page, text);
    await dialog.getByRole('button', { name: '读取粘贴的内容' }).click();
    const preview = page.getByRole('dialog', { name: '导入报告：核对读取结果' });
    await preview.locator('.preview-head').waitFor();
    expect(await preview.locator('.preview-head').textContent()).toContain(`读取结果：${SHORT} 2024年度`);
    expect(await preview.locator('.to-check').textContent()).toMatch(/^请核对\d+格$/);
    expect(await preview.getByLabel('存入机关').inputValue()).toBe(OWN);
    expect(await preview.locator('#import-target-note').textContent()).toContain(`原文的机关名称是“${SHORT}”，将存入“${OWN}”`);
    const split = await preview.locator('td.cell.split').count();
    expect(split).toBeGreaterThan(0);
    await shot('2-import-preview');
    await preview.getByRole('button', { name: '导入并打开' }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    expect(await page.locator('h1.report-title').textContent()).toBe(`${OWN}2024年政府信息公开工作年度报告`);
    const verify = page.getByRole('region', { name: '待核对' });
    expect(await verify.locator('h3').textContent()).toMatch(new RegExp(`待核对（\\d+行，${split}格）`));
    await shot('3-verify-list');
    await verify.getByRole('button', { name: '全部已核对' }).click();
    await expect.poll(() => verify.count()).toBe(0);
    await page.getByRole('button', { name: '← 返回档案' }).click();
    const row = page.locator('tbody tr', { has: page.getByRole('button', { name: `打开2024年度报告（${OWN}）` }) });
    expect(await row.locator('.badge.published').textContent()).toBe('已发布（2025年1月20日）');
    expect(await row.locator('.countdown').count()).toBe(0);
    await shot('3b-archive-published');
    expect(await page.getByRole('region', { name: SHORT, exact: true }).count()).toBe(0); // no second agency
  });

  it('3. this year is created with carry-over; one line says what was carried', async () => {
    await page.getByRole('button', { name: '新建年度报告' }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    expect(await dialog.getByLabel('机关名称').inputValue()).toBe(OWN);
    await dialog.getByLabel('报告年度').fill('2025');
    expect(await dialog.getByRole('checkbox').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.locator('.carry-line').waitFor();
    // Focus is on the report's title, not lost on the page (issue 15 #11).
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('report-title');
    expect(await page.locator('.carry-line').textContent()).toContain('已自2024年度报告结转');
    expect(await page.locator('.carry-line').textContent()).toContain('行政规范性文件15件');
    await shot('4-carried');
  });

  it('4. 现行有效件数 follows 制发 − 废止; pasted figures; the blank template is not 「未发现问题」', async () => {
    await cell(page, '行政规范性文件 本年制发件数').click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await cell(page, '行政规范性文件 本年废止件数').click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, '行政规范性文件 现行有效件数').textContent()).toBe('17');
    // Screen readers: new results are announced politely; a flagged cell points at its message.
    expect(await page.locator('aside.checks [role=status][aria-live=polite]').textContent()).toMatch(/^检查结果：错误0处，提醒\d+条$/);
    // Typed over, it stays; the finding then offers 「改为17」.
    await cell(page, '行政规范性文件 现行有效件数').click();
    await page.keyboard.type('15');
    await page.keyboard.press('Enter');
    const checks = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => checks.textContent()).toContain('二、行政规范性文件：现行有效件数（15）不等于上年现行有效件数15加本年制发3减本年废止1（17）');
    const fix = checks.getByRole('button', { name: '改为17', exact: true });
    const describedBy = await cell(page, '行政规范性文件 现行有效件数').getAttribute('aria-describedby');
    expect(await page.locator(`#${describedBy}`).textContent()).toContain('现行有效件数（15）不等于');
    await fix.waitFor();
    await fix.click();
    await expect.poll(() => cell(page, '行政规范性文件 现行有效件数').textContent()).toBe('17');
    // Paste 新收 from a spreadsheet: 3 applications by 自然人, all granted.
    await cell(page, '一、本年新收政府信息公开申请数量 自然人').click();
    await pasteText(page, '3');
    await cell(page, '（一）予以公开 自然人').click();
    await pasteText(page, '3');
    await expect.poll(() => page.locator('.editor-bar .count.bad').count()).toBe(0);
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.textContent()).toContain('落款还没有成文日期');
    expect(await panel.textContent()).toContain('“（一）主动公开”');
    expect(await panel.textContent()).not.toContain('未发现问题');
    // 定稿 is in the editor bar; no errors, so it is enabled.
    expect(await page.getByRole('button', { name: '定稿', exact: true }).isDisabled()).toBe(false);
    await shot('5-completeness');
  });

  it('5. the warnings are fixed in the text and the 落款', async () => {
    const overview = ['（一）主动公开', '全年发布信息150条。', '（二）依申请公开', '全年新收政府信息公开申请3件，均予以公开。', '（三）政府信息管理', '制发行政规范性文件3件，废止1件。', '（四）政府信息公开平台建设', '优化镇政府网站专栏。', '（五）监督保障', '开展专题培训2次。'].join('\n');
    const problems = ['（一）存在的主要问题', '公开内容的解读不够充分。', '（二）改进情况', '下一步将加强政策解读。'].join('\n');
    await page.getByLabel('一、总体情况 正文').fill(overview);
    await page.getByLabel('五、存在的主要问题及改进情况 正文').fill(problems);
    await page.getByLabel('六、其他需要报告的事项 正文').fill('本机关2025年度未发出信息处理费收费通知，未收取信息处理费。');
    // 撤销 covers text (issue 15 #10): undo the 六 text and redo it.
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    await expect.poll(() => page.getByLabel('六、其他需要报告的事项 正文').inputValue()).toContain('【请填写】');
    await page.getByRole('button', { name: '重做', exact: true }).click();
    await expect.poll(() => page.getByLabel('六、其他需要报告的事项 正文').inputValue()).toBe('本机关2025年度未发出信息处理费收费通知，未收取信息处理费。');
    const panel = page.getByRole('complementary', { name: '检查结果' });
    await expect.poll(() => panel.textContent()).not.toContain('下还没有内容');
    expect(await panel.locator('.count').first().textContent()).toBe('错误 0');
    await shot('6-fixed');
  });

  it('6. 定稿 from the editor lists the open 提醒 and asks once; after the date is set it finalises', async () => {
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const warnings = Number((await panel.locator('.count').nth(1).textContent())!.replace(/\D/g, ''));
    expect(warnings).toBeGreaterThan(0);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const ask = page.getByRole('dialog', { name: `还有${warnings}条提醒，仍要定稿吗？` });
    await ask.waitFor();
    expect(await ask.locator('li').allTextContents()).toContain('落款还没有成文日期，导出的报告将没有日期');
    await shot('7-finalise-ask');
    await ask.getByRole('button', { name: '取消，先处理' }).click();
    await page.locator('#closing-date').fill('2026-01-20');
    await expect.poll(() => panel.textContent()).not.toContain('落款还没有成文日期');
    const left = Number((await panel.locator('.count').nth(1).textContent())!.replace(/\D/g, ''));
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    if (left > 0) await page.getByRole('dialog', { name: `还有${left}条提醒，仍要定稿吗？` }).getByRole('button', { name: '已核实，定稿' }).click();
    await page.getByRole('button', { name: '重新编辑' }).waitFor();
    expect(await page.locator('.editor-bar .badge').first().textContent()).toBe('已定稿');
    await shot('8-final');
  });

  it('6b. 对照上年 shows last year\'s figure and the change in each cell, and last year\'s text beside the box', async () => {
    await page.getByRole('checkbox', { name: '对照上年' }).check();
    const inForce = cell(page, '行政规范性文件 现行有效件数');
    await expect.poll(() => inForce.locator('.prev').textContent()).toBe('上年 15 · +2');
    expect(await page.getByLabel('2024年报告的一、总体情况').textContent()).toContain('全年在县政府门户网站镇级专栏发布信息141条');
    await inForce.scrollIntoViewIfNeeded();
    await shot('8b-compare');
    await page.getByRole('checkbox', { name: '对照上年' }).uncheck();
    expect(await inForce.locator('.prev').count()).toBe(0);
  });

  it('6c. the check report for the leader: a printable page and a Word file', async () => {
    const panel = page.getByRole('complementary', { name: '检查结果' });
    const [tab] = await Promise.all([page.context().waitForEvent('page'), panel.getByRole('button', { name: '打印 / PDF' }).click()]);
    await tab.waitForLoadState();
    expect(await tab.locator('h1').textContent()).toBe(`${OWN}2025年政府信息公开工作年度报告检查情况`);
    expect(await tab.locator('body').textContent()).toContain('经办人：');
    await tab.setViewportSize({ width: 1366, height: 768 });
    await tab.screenshot({ path: join(SHOTS, 'january-8c-check-report.png') });
    await tab.close();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '导出 Word' }).click()]);
    expect(download.suggestedFilename()).toBe(`${OWN}2025年政府信息公开工作年度报告检查情况.docx`);
  });

  it('7. export Word: the message does not cover a dialog and fades', async () => {
    await page.getByRole('button', { name: '导出本报告' }).click();
    await page.getByRole('menuitem', { name: /Word/ }).click();
    const toast = page.locator('.toast');
    await expect.poll(() => toast.textContent(), { timeout: 30_000 }).toContain('已导出：');
    await shot('9-exported');
    // The toast sits under any dialog's backdrop (z-index), so it never takes a dialog's clicks.
    expect(await toast.evaluate((el) => Number(getComputedStyle(el).zIndex))).toBeLessThan(10);
    await expect.poll(() => toast.count(), { timeout: 20_000 }).toBe(0);
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
