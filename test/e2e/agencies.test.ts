/**
 * Issue 15 in Chromium at 1366×768: restoring an old version of a 定稿 report asks and says what
 * happens (next year's carried figures too, then 重新结转 there); 合并到… and 移到… put reports
 * under the right agency; the import dialog's fields stay inside it; 「回收站里已有…」 links to the bin.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, ensureBuilt, launch, openPage, saveLatest, serve, type Served } from './helpers';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const OWN = '示例县青石镇人民政府';
const SHORT = '青石镇人民政府';
const fixture = (year: number) => JSON.parse(readFileSync(join(import.meta.dirname, `../../../shared/fixtures/reports/qingshi-${year}.json`), 'utf8')) as Record<string, unknown>;

let served: Served;
let browser: Browser;
let page: Page;
const ids: Record<string, number> = {};

type Opened = { summary: { id: number; agencyId: number } };
beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  const y2023 = await apiCall<Opened>(served, 'report:create', { agency: OWN, year: 2023 });
  await saveLatest(served, y2023.summary.id, fixture(2023));
  const y2024 = await apiCall<Opened>(served, 'report:create', { agency: OWN, year: 2024, carryOver: true });
  await apiCall(served, 'report:setStatus', { id: y2023.summary.id, status: 'final' });
  await apiCall(served, 'agency:update', { id: y2023.summary.agencyId, own: true });
  // An import that went under the short name: 2022 only there, 2024 on both sides.
  await apiCall(served, 'import:confirm', { report: { ...fixture(2024), agency: SHORT, year: 2022 }, replace: false, uncertain: [] }).catch(() => undefined);
  const short2024 = await apiCall<Opened>(served, 'import:confirm', { report: { ...fixture(2024), agency: SHORT }, replace: false, uncertain: [] });
  const other = await apiCall<Opened>(served, 'report:create', { agency: '示例县白沙镇人民政府', year: 2021 });
  Object.assign(ids, { y2023: y2023.summary.id, y2024: y2024.summary.id, short2024: short2024.summary.id, other: other.summary.id });
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

describe('restoring an old version of a 定稿 report', () => {
  it('asks, says it becomes a draft and that 2024 carried figures from it; 2024 then offers 重新结转', async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2023}`);
    await page.getByRole('button', { name: '历史版本' }).click();
    const dialog = page.getByRole('dialog', { name: '历史版本' });
    const restore = dialog.getByRole('button', { name: /^恢复版本 \d+（.*）$/ });
    await expect.poll(() => restore.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    expect(await dialog.locator('tbody td').first().textContent()).toMatch(/^版本 \d+$/);
    // The comparison shows the old and the new text of a changed section.
    await dialog.getByRole('button', { name: /^查看版本 \d+（.*）与当前的差异$/ }).last().click();
    await expect.poll(() => dialog.locator('.diff-text').count()).toBeGreaterThan(0);
    expect(await dialog.locator('.diff-text pre.old').first().textContent()).not.toBe(await dialog.locator('.diff-text pre.new').first().textContent());
    await page.screenshot({ path: join(SHOTS, 'history-text-diff.png') });
    await restore.last().click(); // the report as first created: 结转下年度 0
    const ask = page.getByRole('dialog', { name: /^恢复版本 \d+/ });
    await ask.waitFor();
    expect(await ask.textContent()).toContain('此报告已定稿，恢复后将变为草稿');
    expect(await ask.textContent()).toContain('2024年度报告自本报告结转了数字');
    await page.screenshot({ path: join(SHOTS, 'restore-final-confirm.png') });
    await ask.getByRole('button', { name: '恢复并改为草稿' }).click();
    await expect.poll(() => page.locator('.editor-bar .badge').first().textContent()).toBe('草稿');
    await page.goto(`${served.origin}/#/report/${ids.y2024}`);
    const line = page.locator('.carry-line');
    await line.waitFor();
    await expect.poll(() => line.textContent()).toContain('2023年度报告的这些数字后来改过');
    await page.screenshot({ path: join(SHOTS, 'recarry-offered.png') });
    // The check report lists these findings with their cells named (for the leader who signs).
    const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('button', { name: '打印 / PDF' }).click()]);
    await tab.waitForLoadState();
    expect(await tab.locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await tab.locator('body').textContent()).toContain('2023年报告 四、结转下年度继续办理 自然人');
    await tab.setViewportSize({ width: 1366, height: 768 });
    await tab.screenshot({ path: join(SHOTS, 'check-report.png') });
    await tab.close();
    await line.getByRole('button', { name: '重新结转' }).click();
    await expect.poll(() => line.textContent()).not.toContain('后来改过');
    expect(await page.getByRole('complementary', { name: '检查结果' }).textContent()).not.toContain('上年结转（1）');
  });

  it('定稿 from the archive row lists the open 提醒 and asks once', async () => {
    await page.getByRole('button', { name: '← 返回档案' }).click();
    await page.getByRole('button', { name: `将2024年度报告标为已定稿（${OWN}）` }).click();
    const ask = page.getByRole('dialog', { name: /^还有\d+条提醒，仍要定稿吗？$/ });
    await ask.waitFor();
    expect(await ask.locator('li').allTextContents()).toContain('落款还没有成文日期，导出的报告将没有日期');
    await page.screenshot({ path: join(SHOTS, 'finalise-from-archive.png') });
    await ask.getByRole('button', { name: '已核实，定稿' }).click();
    await expect.poll(() => page.locator('.notice span').first().textContent()).toBe('2024年度报告已定稿');
  });
});

describe('the right agency', () => {
  it('合并到… moves 2022, asks about 2024, and leaves one agency', async () => {
    await page.goto(served.url);
    const region = page.getByRole('region', { name: SHORT, exact: true });
    await region.waitFor();
    await region.getByRole('button', { name: `将${SHORT}合并到其他机关` }).click();
    const dialog = page.getByRole('dialog', { name: `合并机关：“${SHORT}”` });
    await dialog.locator('table').waitFor();
    expect(await dialog.getByLabel('合并到').inputValue()).toBe(String((await apiCall<{ agencies: { id: number; name: string }[] }>(served, 'archive:list', {})).agencies.find((a) => a.name === OWN)!.id));
    expect(await dialog.getByRole('button', { name: '合并' }).isDisabled()).toBe(true); // 2024 undecided
    await dialog.getByRole('radio', { name: new RegExp(`^“${SHORT}”的`) }).check();
    await page.screenshot({ path: join(SHOTS, 'agency-merge.png') });
    await dialog.getByRole('button', { name: '合并' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain(`已将“${SHORT}”的报告合并到“${OWN}”`);
    await expect.poll(() => page.getByRole('region', { name: SHORT, exact: true }).count()).toBe(0);
    const own = page.getByRole('region', { name: OWN });
    await expect.poll(() => own.getByRole('button', { name: /^打开\d{4}年度报告/ }).allTextContents()).toEqual(['2024年度', '2023年度', '2022年度']);
  });

  it('移到… moves a report filed under the wrong agency', async () => {
    const row = page.getByRole('button', { name: '将2021年度报告（示例县白沙镇人民政府）移到其他机关' });
    await row.click();
    const dialog = page.getByRole('dialog', { name: '移动2021年度报告' });
    expect(await dialog.getByLabel('机关名称').inputValue()).toBe(OWN); // 本机关 by default
    await dialog.getByRole('button', { name: '移动' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain(`已将2021年度报告由“示例县白沙镇人民政府”移到“${OWN}”`);
    await expect.poll(() => page.getByRole('region', { name: '示例县白沙镇人民政府' }).count()).toBe(0);
  });

  it('the import dialog\'s fields stay inside it', async () => {
    await page.getByRole('button', { name: '导入报告' }).click();
    const dialog = page.getByRole('dialog', { name: '导入报告' });
    const box = (await dialog.boundingBox())!;
    const year = (await dialog.getByLabel('报告年度').boundingBox())!;
    expect(year.x + year.width).toBeLessThanOrEqual(box.x + box.width - 16); // inside the padding
    await page.screenshot({ path: join(SHOTS, 'import-dialog.png') });
    await dialog.getByRole('button', { name: '取消' }).click();
  });

  it('「回收站里已有…」 links to the recycle bin', async () => {
    const own = page.getByRole('region', { name: OWN });
    await own.getByRole('button', { name: `删除2022年度报告（${OWN}）` }).click();
    await page.getByRole('dialog', { name: '删除报告' }).getByRole('button', { name: '删除' }).click();
    await expect.poll(() => own.getByRole('button', { name: `打开2022年度报告（${OWN}）` }).count()).toBe(0);
    await page.getByRole('button', { name: '新建年度报告' }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await dialog.getByLabel('报告年度').fill('2022');
    await dialog.getByRole('checkbox').uncheck().catch(() => undefined);
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('回收站里已有');
    await dialog.getByRole('button', { name: '打开回收站' }).click();
    await page.getByRole('region', { name: '回收站' }).waitFor();
    expect(await page.getByRole('region', { name: '回收站' }).textContent()).toContain('2022年度');
  });
});
