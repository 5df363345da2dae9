/**
 * A revision whose stored JSON has flipped bytes (SQLite's integrity_check does not see inside a
 * value), in real Chromium against serve:web: 「导出整个档案」 still downloads and names what it
 * left out; viewing that revision says it is damaged.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../main/api/handlers';
import { openForUse } from '../../main/lifecycle/session';
import { ensureBuilt, launch, openPage, serve, type Served } from './helpers';

let served: Served;
let browser: Browser;
let page: Page;
let id = 0;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-damaged-rev-'));

beforeAll(async () => {
  await ensureBuilt();
  const file = join(dir, 'archive.sqlite');
  const handle = openForUse(file, { backupsDir: join(dir, 'backups') });
  let clock = Date.parse('2026-01-10T01:00:00Z');
  const h = createHandlers({ db: handle.db, now: () => new Date(clock) });
  const o = await h['report:create']({ agency: '青石镇人民政府', year: 2024 });
  id = o.summary.id;
  clock += 60_000;
  const first = await h['report:save']({ id, report: { ...o.report, text: { ...o.report.text, other: 'QXQXQ会损坏的一稿' } }, baseVersion: o.summary.version });
  clock += 10 * 60_000;
  await h['report:save']({ id, report: { ...o.report, text: { ...o.report.text, other: '完好的最新一稿' } }, baseVersion: first.summary.version });
  handle.db.pragma('wal_checkpoint(TRUNCATE)');
  handle.close();
  const bytes = readFileSync(file);
  for (let i = bytes.indexOf('QXQXQ'); i >= 0; i = bytes.indexOf('QXQXQ', i + 1)) bytes[i] = 0x01;
  writeFileSync(file, bytes);
  served = await serve({ db: file });
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('a damaged revision in the browser', () => {
  it('导出整个档案 downloads and names the revision it could not read', async () => {
    await page.getByRole('button', { name: '备份与恢复' }).click();
    const dialog = page.getByRole('dialog', { name: '备份与恢复' });
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await dialog.getByRole('button', { name: '导出整个档案' }).click();
    const d = await download;
    expect(JSON.parse(readFileSync((await d.path())!, 'utf8')).payload.reports[0].report.text.other).toBe('完好的最新一稿');
    const notice = dialog.locator('.sticky-actions .notice');
    await expect.poll(() => notice.textContent()).toContain('有1项内容已损坏、无法读取，没有导出：“青石镇人民政府”2024年度报告的历史版本（2026-01-10 09:01:00）。');
    await page.screenshot({ path: 'test-results/screenshots/export-damaged-revision.png' });
    await dialog.getByRole('button', { name: '关闭' }).click();
  });

  it('viewing that revision says 「该历史版本已损坏，无法打开」', async () => {
    await page.goto(`${served.origin}/#/report/${id}`);
    await page.getByRole('button', { name: '历史版本' }).click();
    const dialog = page.getByRole('dialog', { name: '历史版本' });
    await dialog.getByRole('button', { name: /^查看版本 \d+（2026-01-10 09:01:00）与当前的差异$/ }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('该历史版本已损坏，无法打开');
  });
});
