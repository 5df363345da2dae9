/**
 * The editor in real Chromium against the real serve:web and a real SQLite archive: create a
 * report, type and paste figures, follow a finding, reload, restore a revision.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, cell, copyText, ensureBuilt, launch, openPage, pasteText, serve, type Served, saveLatest } from './helpers';

let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];

const ROW1 = '一、本年新收政府信息公开申请数量';
const ROW2 = '二、上年结转政府信息公开申请数量';
const GRANTED = '（一）予以公开';
const CARRY = '四、结转下年度继续办理';
const text = async (name: string) => (await cell(page, name).textContent())?.trim();
const row = async (label: string) => {
  const cols = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  return Promise.all(cols.map((c) => text(`${label} ${c}`)));
};

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

describe('report editor end to end', () => {
  it('creates a 2025 report from the archive (year defaults to last year, format chosen by year)', async () => {
    await page.getByRole('button', { name: '新建年度报告' }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await expect(dialog.getByLabel('报告年度').inputValue()).resolves.toBe(String(new Date().getFullYear() - 1));
    await dialog.getByLabel('机关名称').fill('青石镇人民政府');
    await dialog.getByLabel('报告年度').fill('2025');
    expect(await dialog.getByText('表格格式：2021年版（国办公开办函〔2021〕30号），按年度自动选定。').count()).toBe(1);
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    const headings = await page.locator('main h2').allTextContents();
    expect(headings).toEqual(['导语', '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项', '落款']);
    expect(await row(ROW1)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    expect(await cell(page, `${ROW1} 总计`).getAttribute('aria-readonly')).toBe('true');
  });

  it('typing figures into Table 三 updates 总计, the checks and the title', async () => {
    await cell(page, `${ROW1} 自然人`).click();
    await page.keyboard.type('4');
    await page.keyboard.press('Tab');
    await page.keyboard.press('F2'); // edit the 0 in place …
    await page.keyboard.type('２'); // … with a full-width digit from a Chinese input method: "0２" → 2
    await page.keyboard.press('Enter');
    expect(await row(ROW1)).toEqual(['4', '2', '0', '0', '0', '0', '6']);
    await expect.poll(() => page.title()).toMatch(/^错误\d+ 提醒\d+ · 青石镇人民政府2025年度报告/);
    await expect.poll(() => page.locator('.save-state').textContent()).toMatch(/^已保存 \d\d:\d\d:\d\d$/);
  });

  it('refuses a bad figure in place, keeps the old value, Esc cancels, Delete sets 0', async () => {
    await cell(page, `${ROW1} 自然人`).click();
    await page.keyboard.type('1.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('件数应为整数');
    expect(await page.getByRole('textbox', { name: `${ROW1} 自然人` }).inputValue()).toBe('1.5');
    await page.keyboard.press('Escape');
    expect(await text(`${ROW1} 自然人`)).toBe('4');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Delete');
    expect(await row(ROW1)).toEqual(['4', '0', '0', '0', '0', '0', '4']);
    await page.keyboard.press('F2');
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('9');
    await page.keyboard.press('Escape');
    expect(await text(`${ROW1} 总计`)).toBe('4');
    await page.keyboard.type('9'); // on a total: refused with a reason
    await expect.poll(() => page.locator('#sec-requests .grid-msg').textContent()).toContain('由明细自动计算，不能直接填写');
  });

  it('pastes a 3×7 block copied from Excel, skipping the read-only totals; undo and redo', async () => {
    await cell(page, `${ROW1} 自然人`).click();
    await pasteText(page, '5\t1\t0\t0\t0\t1\t7\r\n1\t0\t0\t0\t0\t0\t1\r\n3\t1\t0\t0\t0\t0\t4\r\n');
    expect(await row(ROW1)).toEqual(['5', '1', '0', '0', '0', '1', '7']);
    expect(await row(ROW2)).toEqual(['1', '0', '0', '0', '0', '0', '1']);
    expect(await row(GRANTED)).toEqual(['3', '1', '0', '0', '0', '0', '4']);
    expect(await row('（七）总计')).toEqual(['3', '1', '0', '0', '0', '0', '4']);
    expect(await page.locator('#sec-requests .grid-msg').textContent()).toContain('已粘贴18个数');
    await page.keyboard.press('Control+z');
    expect(await row(GRANTED)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    await page.keyboard.press('Control+y');
    expect(await row(GRANTED)).toEqual(['3', '1', '0', '0', '0', '0', '4']);
    // Copy a block out as TSV: Shift+arrows from 自然人 of row 一.
    await cell(page, `${ROW1} 自然人`).click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await copyText(page)).toBe('5\t1\r\n1\t0');
  });

  it('a failing rule is listed; choosing it selects and highlights its cells; fixing it clears it', async () => {
    const finding = page.getByRole('button', { name: /三、自然人列：第一项加第二项之和（6）不等于第三项加第四项之和（3）/ });
    await finding.click();
    const first = cell(page, `${ROW1} 自然人`);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`${ROW1} 自然人`);
    expect(await first.getAttribute('class')).toMatch(/\berr\b.*\bhl\b/);
    expect(await cell(page, `${CARRY} 自然人`).getAttribute('class')).toMatch(/\bhl\b/);
    expect(await cell(page, `${CARRY} 自然人`).getAttribute('aria-invalid')).toBe('true');
    // Fix: 结转下年度 自然人 = 3 makes 5 + 1 = 3 + 3.
    await cell(page, `${CARRY} 自然人`).click();
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => finding.count()).toBe(0);
  });

  it('reload straight after typing finds everything saved', async () => {
    await cell(page, `${GRANTED} 科研机构`).click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: '六、其他需要报告的事项 正文' }).fill('本机关2025年度未收取信息处理费。');
    await page.reload(); // no wait for the debounce: the page saves on its way out
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    expect(await row(GRANTED)).toEqual(['3', '1', '2', '0', '0', '0', '6']);
    expect(await row(CARRY)).toEqual(['3', '0', '0', '0', '0', '0', '3']);
    expect(await page.getByRole('textbox', { name: '六、其他需要报告的事项 正文' }).inputValue()).toBe('本机关2025年度未收取信息处理费。');
  });

  it('restores an earlier revision from the history, and back again', async () => {
    await page.getByRole('button', { name: '历史版本' }).click();
    const dialog = page.getByRole('dialog', { name: '历史版本' });
    const restore = dialog.getByRole('button', { name: /^恢复版本 \d+（.*）$/ });
    // The list arrives from the archive after the dialog opens: wait for it, not for a fixed time.
    await expect.poll(() => restore.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await dialog.getByRole('button', { name: /^查看版本 \d+（.*）与当前的差异$/ }).last().click();
    await expect.poll(() => dialog.locator('.diff').textContent()).toContain(`${ROW1} 自然人：当前 5 → 此版本 0`);
    await restore.last().click(); // the oldest: the report as created
    // Restoring asks first (issue 15 #4).
    await page.getByRole('dialog', { name: /^恢复版本 \d+/ }).getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(() => row(ROW1)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    await page.getByRole('button', { name: '历史版本' }).click();
    // Newest first: [restore (current), the edits, the creation]; bring the edits back.
    await page.getByRole('dialog', { name: '历史版本' }).getByRole('button', { name: /^恢复版本 \d+（.*）$/ }).first().click();
    await page.getByRole('dialog', { name: /^恢复版本 \d+/ }).getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(() => row(GRANTED)).toEqual(['3', '1', '2', '0', '0', '0', '6']);
    await page.reload();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    expect(await row(GRANTED)).toEqual(['3', '1', '2', '0', '0', '0', '6']);
  });

  it('an imported report with stale totals: shown as published and marked; opening never rewrites it; 按明细重算总计', async () => {
    type Opened = { summary: { id: number }; report: { requests: Record<string, number[]>; appeals: Record<string, number[]> } };
    const made = await apiCall<Opened>(served, 'report:create', { agency: '石门乡人民政府', year: 2024 });
    const id = made.summary.id;
    const body = made.report;
    body.requests.newReceived = [3, 0, 0, 0, 0, 0, 5]; // as published: 总计 5, its cells say 3
    body.appeals.review = [1, 0, 0, 0, 4];
    await saveLatest(served, id, body);
    const versionOf = async () => (await apiCall<{ summary: { version: number } }>(served, 'report:open', { id })).summary.version;
    const before = await versionOf();
    await page.goto(`${served.origin}/#/report/${id}`);
    await page.getByRole('grid', { name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
    const total = cell(page, `${ROW1} 总计`);
    expect(await total.textContent()).toBe('5');
    expect(await total.getAttribute('class')).toMatch(/\bstale\b/);
    expect(await total.getAttribute('title')).toBe('保留的原公布数；按明细计算应为 3');
    expect(await page.locator('#sec-requests .stale-banner').textContent()).toContain('本表有1个总计保留了原公布数');
    // Editing a cell recomputes only the totals that cell feeds.
    await cell(page, '行政复议 结果纠正').click();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    expect(await text('行政复议 总计')).toBe('2');
    expect(await total.textContent()).toBe('5');
    // Opening saved nothing: waited for the positive signal that the edit is stored (not a fixed
    // pause), that save is the only one since opening, and it keeps the published 总计.
    const stored = async () => (await apiCall<Opened>(served, 'report:open', { id })).report;
    await expect.poll(async () => (await stored()).appeals.review?.[1], { timeout: 10_000 }).toBe(1);
    expect(await versionOf()).toBe(before + 1);
    expect((await stored()).requests.newReceived?.[6]).toBe(5);
    await page.locator('#sec-requests').getByRole('button', { name: '按明细重算总计' }).click();
    await expect.poll(() => total.textContent()).toBe('3');
    expect(await page.locator('.stale-banner').count()).toBe(0);
    const revisions = await apiCall<{ reason: string }[]>(served, 'report:revisions', { id });
    expect(revisions[0]!.reason).toBe('recompute');
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
  });
});
