/**
 * 历年对比 and 生成统计表述 in real Chromium against serve:web: seven years of one township in both
 * formats → the columns, a highlighted swing, a marked chain break, four charts drawn, a PNG saved,
 * nothing requested outside the origin; in the editor 生成统计表述 → insert → checks clean →
 * a changed figure makes the sentence stale → 更新统计表述 fixes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, ensureBuilt, launch, openPage, serve, type Served } from './helpers';
import { seedTrend, TREND_AGENCY, TREND_YEARS } from './trend-seed';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
let served: Served;
let browser: Browser;
let page: Page;
let foreign: string[];
let ids: Record<number, number>;

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  ids = await seedTrend(served);
  browser = await launch();
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

describe('历年对比', () => {
  it('from the archive: a column per year, the swing highlighted, the chain break marked, four charts', async () => {
    await page.getByRole('button', { name: /^历年对比（7个年度）/ }).click();
    const table = page.locator('table.compare').first();
    await table.waitFor();
    const heads = await table.locator('thead th').allInnerTexts();
    expect(heads.map((h) => h.split('\n')[0])).toEqual(['项目', ...TREND_YEARS.map((y) => `${y}年`)]);
    expect(heads[1]).toContain('试行格式');

    const newRow = table.getByRole('row', { name: /^一、本年新收政府信息公开申请数量 总计/ });
    const swing = newRow.locator('td.swing');
    expect(await swing.count()).toBe(1);
    expect(await swing.innerText()).toMatch(/^24\n\+18（\+300%）\n大幅变动$/);
    // A row of the 2021 format only: 2019 and 2020 show —, never a mapped figure.
    const issued = table.getByRole('row', { name: /^行政规范性文件 本年制发件数/ });
    expect((await issued.locator('td').allInnerTexts()).slice(0, 2)).toEqual(['—', '—']);

    const chain = page.getByRole('region', { name: '结转衔接' });
    expect(await chain.innerText()).toContain('2处中断');
    const broken = chain.locator('table td.break');
    expect(await broken.count()).toBe(2);
    expect(await chain.getByRole('row', { name: /^自然人/ }).locator('td.break').innerText()).toMatch(/^1 → 0\n?衔接中断$/);
    expect(await table.getByRole('row', { name: /^二、上年结转政府信息公开申请数量 总计/ }).locator('td.break').count()).toBe(1);

    const charts = page.locator('.chart-panel');
    expect(await charts.count()).toBe(4);
    for (let i = 0; i < 4; i++) {
      const canvas = charts.nth(i).locator('.chart canvas');
      await canvas.waitFor();
      const box = await canvas.boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      // Each chart has its data table beside it, one column per year.
      expect(await charts.nth(i).locator('table.chart-data thead th').count()).toBe(TREND_YEARS.length + 1);
    }
    await page.screenshot({ path: join(SHOTS, 'trend-screen.png') });
    await chain.screenshot({ path: join(SHOTS, 'trend-chain.png') });
    for (const id of ['applicants', 'outcomes', 'appeals', 'decisions'])
      await page.locator(`.chart-panel[data-chart="${id}"]`).screenshot({ path: join(SHOTS, `trend-chart-${id}.png`) });
    await table.getByRole('row').first().scrollIntoViewIfNeeded();
  });

  it('every cell on demand; PNG and SVG saved; the .xlsx exported; no request left the origin', async () => {
    await page.getByRole('button', { name: /^显示全部单元格/ }).click();
    expect(await page.getByRole('row', { name: /^政府集中采购 采购项目数量/ }).count()).toBe(1);
    await page.getByRole('button', { name: '只看主要数字' }).click();

    const panel = page.locator('.chart-panel[data-chart="outcomes"]');
    const [png] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '保存为PNG' }).click()]);
    expect(png.suggestedFilename()).toBe(`${TREND_AGENCY}历年对比-办理结果（2019—2025年）.png`);
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [svg] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: '保存为SVG' }).click()]);
    const svgText = readFileSync((await svg.path())!, 'utf8');
    expect(svgText).toMatch(/^<svg[\s>]/);
    expect(svgText).toContain('予以公开');
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出Excel' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/历年对比（2019—2025年）\.xlsx$/);
    expect(foreign).toEqual([]);
  });
});

describe('生成统计表述 in the editor', () => {
  it('drafts, inserts, passes the checks; a changed figure makes it stale; 更新统计表述 fixes it', async () => {
    await page.goto(`${served.origin}/#/report/${ids[2025]}`);
    const overview = page.locator('#text-overview');
    await overview.waitFor();
    // The seeded report still lacks what the completeness checks ask for (empty sub-sections, no
    // 成文日期): those reminders are there before drafting, and drafting must add none.
    const nav = page.getByRole('navigation', { name: '报告各部分' });
    const remindersBefore = Number(/提醒 (\d+)/.exec(await nav.innerText())![1]);
    await page.getByRole('button', { name: '生成统计表述' }).click();
    const dialog = page.getByRole('dialog', { name: '生成统计表述' });
    const requests = dialog.getByRole('region', { name: '（二）依申请公开' });
    expect(await requests.locator('.draft-new').innerText()).toBe(
      '本年度共新收政府信息公开申请9件（其中自然人7件、科研机构1件、其他1件），较上年减少1件。' +
        '共办结8件，其中予以公开5件、部分公开1件、无法提供1件、不予处理1件；结转下年度继续办理1件。',
    );
    await dialog.screenshot({ path: join(SHOTS, 'draft-dialog.png') });
    await dialog.getByRole('button', { name: '全部插入' }).click();
    const text = await overview.inputValue();
    expect(text).toMatch(/^（一）主动公开\n本年度主动公开方面，[^\n]+\n（二）依申请公开\n本年度共新收[^\n]+\n本年度发生政府信息公开行政复议2件[^\n]+\n（三）/);
    await page.locator('#sec-overview').screenshot({ path: join(SHOTS, 'draft-inserted.png') });
    // 撤销插入 gives the text back as it was, and the draft can be inserted again.
    await page.getByRole('button', { name: '撤销插入' }).click();
    expect(await overview.inputValue()).toBe('（一）主动公开\n（二）依申请公开\n（三）政府信息管理\n（四）政府信息公开平台建设\n（五）监督保障');
    await page.getByRole('button', { name: '生成统计表述', exact: true }).click();
    await page.getByRole('dialog', { name: '生成统计表述' }).getByRole('button', { name: '全部插入' }).click();
    expect(await overview.inputValue()).toBe(text);
    // Checks clean: no error, and no reminder beyond the completeness ones already there (no X-rule).
    const counts = async () => /错误 (\d+)\s*提醒 (\d+)/.exec(await nav.innerText())!.slice(1).map(Number);
    const [errorsAfter, remindersAfter] = await counts();
    expect(errorsAfter).toBe(0);
    expect(remindersAfter).toBeLessThanOrEqual(remindersBefore);
    expect(await page.locator('.checks').innerText()).not.toContain('统计表述与表格不一致');

    // 予以公开 3 → 2, 部分公开 1 → 2 (自然人): the totals still add up; only the sentence is stale now.
    await cell(page, '（一）予以公开 自然人').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await cell(page, '（二）部分公开（区分处理的，只计这一情形，不计其他情形） 自然人').click();
    await page.keyboard.type(String(2));
    await page.keyboard.press('Enter');
    const update = page.getByRole('button', { name: '更新统计表述', exact: true });
    await update.waitFor();
    expect(await page.getByText('正文中有1段按表格生成的统计表述与表格不一致').count()).toBe(1);
    expect(await page.locator('.checks').innerText()).toContain('（二）依申请公开的统计表述与表格不一致');
    await page.screenshot({ path: join(SHOTS, 'draft-stale.png') });
    await update.click();
    const again = page.getByRole('dialog', { name: '生成统计表述' });
    expect(await again.locator('del').innerText()).toContain('予以公开5件、部分公开1件');
    await again.getByRole('region', { name: '（二）依申请公开' }).getByRole('button', { name: '替换原表述' }).click();
    const fixed = await overview.inputValue();
    expect(fixed).toContain('其中予以公开4件、部分公开2件、无法提供1件');
    expect(fixed.replace(/本年度共新收[^\n]+/, '#')).toBe(text.replace(/本年度共新收[^\n]+/, '#'));
    await page.getByRole('button', { name: '生成统计表述', exact: true }).waitFor();
    expect(await counts()).toEqual([0, remindersAfter]);
    expect(foreign).toEqual([]);
  });
});
