/** The archive screen end to end, and the whole path from opening the app to a saved report by keyboard only. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, cell, ensureBuilt, launch, openPage, seedQingshi, serve, tabUntil, type Served, saveLatest } from './helpers';

let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];
const AGENCY = '示例县青石镇人民政府';

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  await seedQingshi(served);
  browser = await launch();
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

const rowOf = (year: number) => page.locator('tbody tr', { has: page.getByRole('button', { name: `打开${year}年度报告（${AGENCY}）` }) });

describe('archive screen', () => {
  it('lists the agency and its reports by year with format, status, saved time, counts and deadline', async () => {
    await page.getByRole('region', { name: AGENCY }).waitFor();
    const r2024 = await rowOf(2024).textContent();
    expect(r2024).toContain('2021年版（国办公开办函〔2021〕30号）');
    expect(r2024).toContain('草稿');
    expect(r2024).toContain('2025年1月31日');
    expect(r2024).toMatch(/距公开截止还有\d+天|今天是公开截止日|已超过公开截止日\d+天/);
    expect(await page.locator('.current-banner').textContent()).toContain('当前报告：2024年度');
    expect(await rowOf(2023).textContent()).not.toMatch(/距公开截止|已超过/);
  });

  it('sets the deadline per agency and corrects the agency name', async () => {
    await page.getByLabel(`${AGENCY} 公开截止月份`).selectOption('3');
    await expect.poll(() => rowOf(2024).textContent()).toContain('2025年3月31日');
    await page.getByRole('button', { name: `更正机关名称：${AGENCY}` }).click();
    await page.getByRole('textbox', { name: '机关名称' }).fill('示例县青石镇人民政府办公室');
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByRole('region', { name: '示例县青石镇人民政府办公室' }).waitFor();
    await page.getByRole('button', { name: '更正机关名称：示例县青石镇人民政府办公室' }).click();
    await page.getByRole('textbox', { name: '机关名称' }).fill(AGENCY);
    await page.getByRole('button', { name: '保存名称' }).click();
    await page.getByRole('region', { name: AGENCY }).waitFor();
  });

  it('finalises a report without errors, locks it in the editor, and reopens it', async () => {
    await page.getByRole('button', { name: '将2023年度报告标为已定稿' }).click();
    await expect.poll(() => rowOf(2023).textContent()).toContain('已定稿');
    await page.getByRole('button', { name: `打开2023年度报告（${AGENCY}）` }).click();
    await cell(page, '一、本年新收政府信息公开申请数量 自然人').click();
    await page.keyboard.type('1');
    await expect.poll(() => page.locator('#sec-requests .grid-msg').textContent()).toContain('报告已定稿，不能修改');
    await page.getByRole('button', { name: '重新编辑' }).click();
    await expect.poll(() => page.locator('.editor-bar .badge').textContent()).toBe('草稿');
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await expect.poll(() => rowOf(2023).textContent()).toContain('草稿');
  });

  it('cannot finalise while an error remains', async () => {
    const opened = await apiCall<{ report: { requests: Record<string, number[]> } }>(served, 'report:open', { id: 2 });
    opened.report.requests.newReceived![0] = 99;
    await saveLatest(served, 2, opened.report);
    await page.reload();
    const button = page.getByRole('button', { name: '将2024年度报告标为已定稿' });
    expect(await button.isDisabled()).toBe(true);
    expect(await button.getAttribute('title')).toMatch(/还有\d+处错误/);
    opened.report.requests.newReceived![0] = 7;
    await saveLatest(served, 2, opened.report);
    await page.reload();
  });

  it('duplicates 2024 as 2025: the copy opens with last year beside it (repeat share, cross-year checks, 引用上年文字)', async () => {
    await page.getByRole('button', { name: '复制2024年度报告为其他年度' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('新报告年度').inputValue()).toBe('2025');
    await dialog.getByRole('button', { name: '复制并打开' }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    const overview = page.locator('#sec-overview');
    expect(await overview.locator('.repeat.warn').textContent()).toContain('与2024年报告相同的句子：5/5（100%）');
    expect(await page.getByRole('button', { name: /上年结转（1）与2024年报告的结转下年度继续办理（0）不一致/ }).count()).toBe(2);
    await overview.getByRole('textbox').fill('（一）主动公开\n本年新建政务公开专区1个。');
    await expect.poll(() => overview.locator('.repeat').textContent()).toContain('0/1（0%）');
    await overview.getByRole('button', { name: '引用上年文字' }).click();
    expect(await overview.getByRole('textbox').inputValue()).toContain('全年在县政府门户网站镇级专栏发布信息141条');
    await overview.getByRole('button', { name: '撤销引用' }).click();
    expect(await overview.getByRole('textbox').inputValue()).toBe('（一）主动公开\n本年新建政务公开专区1个。');
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await rowOf(2025).waitFor();
  });

  it('deletes with confirmation and undoes; the recycle bin restores too', async () => {
    await page.getByRole('button', { name: '删除2025年度报告' }).click();
    await page.getByRole('dialog', { name: '删除报告' }).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => rowOf(2025).count()).toBe(0);
    await page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => rowOf(2025).count()).toBe(1);
    await page.getByRole('button', { name: '删除2025年度报告' }).click();
    await page.getByRole('dialog', { name: '删除报告' }).getByRole('button', { name: '删除' }).click();
    await page.getByRole('button', { name: /回收站（1）/ }).click();
    await page.getByRole('region', { name: '回收站' }).getByRole('button', { name: '恢复' }).click();
    await expect.poll(() => rowOf(2025).count()).toBe(1);
  });

  it('made no request to any other origin', () => expect(foreign).toEqual([]));
});

describe('keyboard only: from opening the app to a saved report', () => {
  it('creates, fills and saves a report without the mouse', async () => {
    const { page: kb, foreign: kbForeign } = await openPage(browser, served);
    await kb.getByRole('region', { name: AGENCY }).waitFor();
    await tabUntil(kb, (el) => el.text === '新建年度报告');
    await kb.keyboard.press('Enter');
    await kb.keyboard.type('白沙镇人民政府'); // the agency field has focus
    await kb.keyboard.press('Tab');
    await kb.keyboard.press('Control+a');
    await kb.keyboard.type('2025');
    await kb.keyboard.press('Enter');
    await kb.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await tabUntil(kb, (el) => el.tag === 'BUTTON' && el.text === '三');
    await kb.keyboard.press('Enter');
    expect(await kb.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('一、本年新收政府信息公开申请数量 自然人');
    await kb.keyboard.type('2');
    await kb.keyboard.press('Enter'); // down to 二、上年结转
    await kb.keyboard.press('Enter'); // down to （一）予以公开
    await kb.keyboard.type('2');
    await kb.keyboard.press('Tab');
    await kb.keyboard.press('Control+s');
    await kb.locator('.save-state', { hasText: /^已保存/ }).waitFor();
    // Ctrl+End goes to the last cell; Tab from there leaves the table for Table 四.
    await kb.keyboard.press('Control+End');
    // Past Table 四's two skip links (跳过本表 · 到检查结果) into its first cell.
    expect(await tabUntil(kb, (el) => el.label === '行政复议 结果维持', false, 3)).toBe(3);
    const list = await apiCall<{ reports: { id: number; agency: string; errors: number }[] }>(served, 'archive:list', {});
    const saved = list.reports.find((r) => r.agency === '白沙镇人民政府')!;
    const body = await apiCall<{ report: { requests: Record<string, number[]> } }>(served, 'report:open', { id: saved.id });
    expect(body.report.requests.newReceived).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(body.report.requests.granted).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(saved.errors).toBe(0);
    expect(kbForeign).toEqual([]);
    await kb.context().close();
  });
});
