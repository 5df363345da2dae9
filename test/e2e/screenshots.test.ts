/**
 * Screenshots at 1366×768 of the archive and of each table (test-results/screenshots/; curated copies in test/e2e/screenshots/), and the layout
 * checks behind them: no text overflows its cell, and Table 三's narrow merged labels are set
 * vertically, reading top to bottom.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cell, ensureBuilt, launch, openPage, seedQingshi, serve, type Served } from './helpers';

const DIR = join(import.meta.dirname, '../../test-results/screenshots');
let served: Served;
let browser: Browser;
let page: Page;
let ids: { y2023: number; y2024: number };

beforeAll(async () => {
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

/** Cells whose text is wider or taller than the cell (ignoring a pixel of rounding). */
const overflowing = (p: Page, table: string) =>
  p.locator(`table.sheet-${table} th, table.sheet-${table} td`).evaluateAll((els) =>
    els.filter((e) => e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1).map((e) => e.textContent),
  );

const showSection = async (id: string, offset = 0) => {
  await page.locator(`#${id}`).evaluate((el, dy) => {
    el.scrollIntoView({ block: 'start' });
    el.closest('.doc')!.scrollBy(0, dy - 4);
  }, offset);
};

describe('screens at 1366×768', () => {
  it('archive', async () => {
    await page.getByRole('region', { name: '示例县青石镇人民政府' }).waitFor();
    await page.screenshot({ path: join(DIR, 'archive.png') });
  });

  it('Table 二', async () => {
    await page.goto(`${served.origin}/#/report/${ids.y2024}`);
    await page.getByRole('grid', { name: '二、主动公开政府信息情况' }).waitFor();
    await showSection('sec-active');
    expect(await overflowing(page, 'active')).toEqual([]);
    await page.screenshot({ path: join(DIR, 'table-2.png') });
  });

  it('Table 三, with its vertical group labels reading top to bottom', async () => {
    const labels = page.locator('table.sheet-requests th.vertical');
    expect(await labels.allTextContents()).toEqual(['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理']);
    for (const box of await labels.evaluateAll((els) =>
      els.map((e) => {
        const span = e.querySelector('.vtext')!;
        const r = span.getBoundingClientRect();
        return { mode: getComputedStyle(span).writingMode, w: r.width, h: r.height };
      }),
    )) {
      expect(box.mode).toBe('vertical-rl');
      expect(box.h).toBeGreaterThan(box.w * 1.5);
    }
    expect(await overflowing(page, 'requests')).toEqual([]);
    await showSection('sec-requests');
    await page.screenshot({ path: join(DIR, 'table-3.png') });
    await showSection('sec-requests', 430);
    await page.screenshot({ path: join(DIR, 'table-3-lower.png') });
  });

  it('Table 四', async () => {
    await showSection('sec-appeals');
    expect(await overflowing(page, 'appeals')).toEqual([]);
    await page.screenshot({ path: join(DIR, 'table-4.png') });
  });

  it('a finding followed to its cells', async () => {
    await cell(page, '四、结转下年度继续办理 自然人').click();
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /三、自然人列：第一项加第二项之和/ }).click();
    await page.screenshot({ path: join(DIR, 'finding.png') });
    await page.keyboard.press('Control+z');
  });
});
