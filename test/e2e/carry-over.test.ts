/**
 * Carry-over in real Chromium: with 2023 in the archive (imported through the import dialog), a new
 * 2024 report takes 上年结转 and 现行有效件数 from it, marked with their source; 撤销结转 sets them
 * back to 0 and the cross-year check then speaks up.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, ensureBuilt, launch, openPage, serve, type Served } from './helpers';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');
const CARRIED = '二、上年结转政府信息公开申请数量';
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

async function importFile(file: string): Promise<void> {
  await page.goto(served.url.split('#')[0]!);
  await page.getByRole('button', { name: '导入报告' }).click();
  await page.getByRole('dialog', { name: '导入报告' }).locator('input[type=file]').setInputFiles(file);
  await page.getByRole('dialog', { name: '导入报告：核对读取结果' }).getByRole('button', { name: '导入并打开' }).click();
  await page.getByRole('grid', { name: '二、主动公开政府信息情况' }).waitFor();
}

async function newReport(agency: string, year: number) {
  await page.getByRole('button', { name: '返回档案' }).click();
  await page.getByRole('button', { name: '新建年度报告' }).click();
  const dialog = page.getByRole('dialog', { name: '新建年度报告' });
  await dialog.getByLabel('机关名称').fill(agency);
  await dialog.getByLabel('报告年度').fill(String(year));
  return dialog;
}

describe('carry-over from last year', () => {
  it('creating 2024 with 2023 in the archive offers the carry-over, checked; the cells hold 2023 figures and are marked', async () => {
    await importFile(join(FIXTURES, 'reports/qingshi-2023.json'));
    const dialog = await newReport('示例县青石镇人民政府', 2024);
    const option = dialog.getByLabel('自2023年度报告结转“上年结转”和“现行有效件数”');
    expect(await option.isChecked()).toBe(true);
    // A year with nothing before it in the archive: no option.
    await dialog.getByLabel('报告年度').fill('2023');
    expect(await option.count()).toBe(0);
    await dialog.getByLabel('报告年度').fill('2024');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();

    // qingshi-2023: 结转下年度继续办理 = 1 0 0 0 0 0 | 1; 行政规范性文件 现行有效件数 = 14.
    const natural = cell(page, `${CARRIED} 自然人`);
    expect(await natural.textContent()).toBe('1');
    expect(await cell(page, `${CARRIED} 总计`).textContent()).toBe('1');
    expect(await natural.getAttribute('class')).toMatch(/\bcarried\b/);
    expect(await natural.getAttribute('title')).toBe('自上年结转：2023年报告 四、结转下年度继续办理 自然人');
    const inForce = cell(page, '行政规范性文件 现行有效件数');
    expect(await inForce.textContent()).toBe('14');
    expect(await inForce.getAttribute('title')).toBe('自上年结转：2023年报告 行政规范性文件 现行有效件数');
    expect(await page.locator('td.carried').count()).toBe(9); // seven columns (总计 included), 规章 and 行政规范性文件
    expect(await page.locator('.checks').textContent()).toContain('已对照上年报告检查。');
    expect(await page.locator('.checks').textContent()).not.toContain('上年结转（');
    // Text is never carried: the overview is the empty outline, not 2023's words.
    expect(await page.getByRole('textbox', { name: '一、总体情况 正文' }).inputValue()).not.toContain('126条');

    await natural.scrollIntoViewIfNeeded();
    await page.locator('#sec-requests').evaluate((el) => el.closest('.doc')!.scrollBy(0, el.getBoundingClientRect().top - 90));
    await page.screenshot({ path: join(import.meta.dirname, '../../test-results/screenshots/carried-cells.png') });
  });

  it('a changed carried cell loses its mark', async () => {
    await cell(page, `${CARRIED} 商业企业`).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    expect(await cell(page, `${CARRIED} 商业企业`).getAttribute('class')).not.toMatch(/\bcarried\b/);
    await page.keyboard.press('Control+z');
    await expect.poll(() => cell(page, `${CARRIED} 商业企业`).getAttribute('class')).toMatch(/\bcarried\b/);
  });

  it('撤销结转 (confirmed) sets them back to 0 and the cross-year warning appears', async () => {
    await page.getByRole('button', { name: '撤销结转' }).click();
    const ask = page.getByRole('dialog', { name: '撤销结转' });
    expect(await ask.textContent()).toContain('将自2023年度报告结转来的9个数字改回0？');
    await ask.getByRole('button', { name: '撤销结转' }).click();
    await expect.poll(() => cell(page, `${CARRIED} 自然人`).textContent()).toBe('0');
    expect(await cell(page, '行政规范性文件 现行有效件数').textContent()).toBe('0');
    expect(await page.locator('td.carried').count()).toBe(0);
    expect(await page.getByRole('button', { name: '撤销结转' }).count()).toBe(0);
    await page.getByRole('button', { name: /三、自然人列：上年结转（0）与2023年报告的结转下年度继续办理（1）不一致/ }).waitFor();
    // It stays undone after a reload (it was saved as a revision).
    await page.reload();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    expect(await cell(page, `${CARRIED} 自然人`).textContent()).toBe('0');
  });

  it('from a 2020 report (2019 format) to 2021 only 上年结转 is offered', async () => {
    await importFile(join(FIXTURES, 'published/wenquan-2020.txt'));
    const dialog = await newReport('温泉镇', 2021);
    expect(await dialog.getByLabel('自2020年度报告结转“上年结转”').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
