/**
 * 备份与恢复 in real Chromium against serve:web (the browser mode: files are uploaded by the page
 * and downloads come back to it): a backup made now and restored from the list, 备份到… as a
 * real SQLite file, a refused upload that changes nothing, and 换电脑 — the whole archive exported
 * from one serve:web and imported into a second one, new reports and a conflict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupSummary, OpenedReport } from '../../report/api';
import { apiCall, cell, ensureBuilt, launch, openPage, seedQingshi, serve, type Served, saveLatest } from './helpers';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const CELL = '四、结转下年度继续办理 自然人';
const AGENCY = '示例县青石镇人民政府';

let served: Served;
let other: Served;
let browser: Browser;
let page: Page;
let otherPage: Page;
let foreign: string[];
let otherForeign: string[];
let ids: { y2023: number; y2024: number };
/** The 导出整个档案 file of the first archive, carried to the second as a clerk would on a USB stick. */
let exported: Buffer;

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  ids = await seedQingshi(served);
  browser = await launch();
  ({ page, foreign } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await other?.stop();
}, 60_000);

const listed = (s: Served) => apiCall<{ reports: { year: number; updatedAt: string }[] }>(s, 'archive:list', {});
const backups = (s: Served) => apiCall<BackupSummary[]>(s, 'backup:list', {});
const opened = (s: Served, id: number) => apiCall<OpenedReport>(s, 'report:open', { id });
const bytesOf = async (d: Download) => readFileSync((await d.path())!);

async function openBackup(p: Page, s: Served): Promise<Locator> {
  await p.goto(`${s.origin}/`);
  await p.getByRole('button', { name: '备份与恢复' }).click();
  const dialog = p.getByRole('dialog', { name: '备份与恢复' });
  await dialog.waitFor();
  await dialog.locator('.backups, .empty').first().waitFor();
  return dialog;
}
const rowsOf = (dialog: Locator) => dialog.locator('table.backups tbody tr').allInnerTexts();
const said = (dialog: Locator) => dialog.locator('.sticky-actions .notice').textContent();

describe('backup and restore', () => {
  it('立即备份 adds a backup to the list and to 上次备份', async () => {
    const dialog = await openBackup(page, served);
    expect(await dialog.locator('.archive-file').textContent()).toBe(`档案文件：${served.db}`);
    const before = await rowsOf(dialog);
    await dialog.getByRole('button', { name: '立即备份' }).click();
    await expect.poll(() => said(dialog)).toMatch(/^已备份（\d{4}-\d\d-\d\d \d\d:\d\d，手动备份）。$/);
    await expect.poll(async () => (await rowsOf(dialog)).length).toBe(before.length + 1);
    expect((await rowsOf(dialog))[0]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\t手动备份\t\d+ KB\t恢复$/);
    expect(await dialog.locator('.last-backup').textContent()).toMatch(/^上次备份：.*（手动备份）$/);
    expect(await dialog.locator('.last-backup.error-text').count()).toBe(0); // a backup today: no warning
    await page.screenshot({ path: join(SHOTS, 'backup-dialog.png') });
  });

  it('restoring the backup brings back the earlier report; the replaced state is kept as 恢复前的备份', async () => {
    const manual = (await backups(served)).find((b) => b.reason === 'manual')!;
    // A change in the editor, and a report made after the backup, both to be undone by the restore.
    await page.goto(`${served.origin}/#/report/${ids.y2024}`);
    await page.getByRole('grid', { name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
    const original = await cell(page, CELL).textContent();
    await cell(page, CELL).click();
    await page.keyboard.type('97');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.save-state').textContent()).toMatch(/^已保存/);
    await apiCall(served, 'report:create', { agency: AGENCY, year: 2025 });

    const dialog = await openBackup(page, served);
    expect(await page.getByRole('button', { name: `打开2025年度报告（${AGENCY}）` }).count()).toBe(1);
    await dialog.getByRole('button', { name: `恢复 ${(await rowsOf(dialog)).find((r) => r.includes('手动备份'))!.split('\t')[0]} 手动备份` }).click();
    const ask = page.getByRole('dialog', { name: '恢复备份' });
    expect(await ask.locator('strong').textContent()).toBe('将用所选备份替换当前档案；当前档案会先自动备份。');
    expect(await ask.evaluate((d) => d.contains(document.activeElement) && document.activeElement!.textContent)).toBe('取消'); // the safe answer first
    await ask.getByRole('button', { name: '恢复并替换当前档案' }).click();
    await expect.poll(() => said(dialog)).toMatch(/^已恢复.*的手动备份，档案中现有2份报告。恢复前的档案已自动备份（.*，恢复前的备份），需要时可以再恢复回去。$/);
    await expect.poll(async () => (await rowsOf(dialog)).some((r) => r.includes('恢复前的备份'))).toBe(true); // the list reloads after the message
    expect((await backups(served)).some((b) => b.name === manual.name)).toBe(true);

    // The archive screen behind the dialog was reloaded from the restored archive.
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => page.getByRole('button', { name: `打开2025年度报告（${AGENCY}）` }).count()).toBe(0);
    expect((await listed(served)).reports.map((r) => r.year).sort()).toEqual([2023, 2024]);
    await page.getByRole('button', { name: `打开2024年度报告（${AGENCY}）` }).click();
    await page.getByRole('grid', { name: '四、政府信息公开行政复议、行政诉讼情况' }).waitFor();
    expect(await cell(page, CELL).textContent()).toBe(original);
  });

  it('备份到… downloads a real SQLite file', async () => {
    const dialog = await openBackup(page, served);
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await dialog.getByRole('button', { name: '备份到…' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^年报档案备份-\d{8}\.sqlite$/);
    expect((await bytesOf(d)).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
    await expect.poll(() => said(dialog)).toContain(`已备份到：${d.suggestedFilename()}（已交给浏览器下载`);
  });

  it('导出整个档案 downloads the archive as JSON', async () => {
    const dialog = await openBackup(page, served);
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await dialog.getByRole('button', { name: '导出整个档案' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/^年报档案-\d{8}\.json$/);
    exported = await bytesOf(d);
    expect(JSON.stringify(JSON.parse(exported.toString('utf8')))).toContain(AGENCY);
    await expect.poll(() => said(dialog)).toContain(`已导出整个档案：${d.suggestedFilename()}`);
  });

  it('a file that is not a backup is refused in Chinese and the archive stays as it was', async () => {
    const before = { list: await listed(served), backups: await backups(served) };
    const dialog = await openBackup(page, served);
    // The likeliest mistake: the JSON export (or any other file) renamed or picked as a backup.
    await dialog.getByLabel('从其他备份文件恢复…').setInputFiles({ name: '年报档案.sqlite', mimeType: 'application/octet-stream', buffer: exported });
    const ask = page.getByRole('dialog', { name: '恢复备份' });
    expect(await ask.locator('p').nth(1).textContent()).toContain('文件“年报档案.sqlite”');
    await page.screenshot({ path: join(SHOTS, 'backup-restore-confirm.png') });
    await ask.getByRole('button', { name: '恢复并替换当前档案' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('所选文件不是年报助手的档案或备份文件，无法用于恢复。');
    await page.screenshot({ path: join(SHOTS, 'backup-restore-refused.png') });
    expect(await listed(served)).toEqual(before.list);
    expect(await backups(served)).toEqual(before.backups);
  });
});

describe('换电脑: the whole archive into another archive', () => {
  const importFile = async (dialog: Locator) => {
    await dialog.getByLabel('导入档案…').setInputFiles({ name: '年报档案.json', mimeType: 'application/json', buffer: exported });
    const preview = otherPage.getByRole('dialog', { name: '导入档案：核对每份报告' });
    await preview.waitFor();
    return preview;
  };
  const planRows = (preview: Locator) => preview.locator('table.plan tbody tr');

  it('into an empty archive: both reports are new, imported after a backup, and listed', async () => {
    other = await serve();
    ({ page: otherPage, foreign: otherForeign } = await openPage(browser, other));
    const preview = await importFile(await openBackup(otherPage, other));
    expect(await preview.locator('.preview-head').textContent()).toMatch(/^文件“年报档案.json”（导出于.*）中有2份报告：新增2份，与本机相同0份，冲突0份。$/);
    const rows = await planRows(preview).allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 3))).toEqual([
      [AGENCY, '2023年度', '新增'],
      [AGENCY, '2024年度', '新增'],
    ]);
    expect(rows[1]!.split('\t')[4]).toBe('—');
    await preview.getByRole('button', { name: '导入' }).click();
    const dialog = otherPage.getByRole('dialog', { name: '备份与恢复' });
    await expect.poll(() => said(dialog)).toMatch(/^导入完成：新增2、替换0、保留0、相同0。导入前已自动备份本机档案（.*）。$/);
    await expect.poll(async () => (await rowsOf(dialog)).some((r) => r.includes('导入前的备份'))).toBe(true);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await otherPage.getByRole('button', { name: `打开2024年度报告（${AGENCY}）` }).waitFor();
    expect((await listed(other)).reports.map((r) => r.year).sort()).toEqual([2023, 2024]);
  });

  it('a conflict keeps the local report unless 采用导入 is chosen', async () => {
    const here = (await listed(other)).reports.find((r) => r.year === 2024) as unknown as { id: number };
    const local = (await opened(other, here.id)).report;
    local.text.preamble += '（本机修改）';
    await saveLatest(other, here.id, local);

    let preview = await importFile(await openBackup(otherPage, other));
    const rows = planRows(preview);
    expect((await rows.allInnerTexts()).map((r) => r.split('\t')[2])).toEqual(['相同', '冲突']);
    expect((await rows.nth(1).allInnerTexts())[0]!.split('\t')[4]).toMatch(/（较新）$/); // changed here after the export
    const choice = preview.getByRole('group', { name: `${AGENCY}2024年度 怎样处理` });
    expect(await choice.getByLabel('保留本机').isChecked()).toBe(true);
    expect(await choice.getByLabel('采用导入').isChecked()).toBe(false);
    await otherPage.screenshot({ path: join(SHOTS, 'backup-import-preview.png') });
    await preview.getByRole('button', { name: '导入' }).click();
    const dialog = otherPage.getByRole('dialog', { name: '备份与恢复' });
    await expect.poll(() => said(dialog)).toMatch(/^导入完成：新增0、替换0、保留1、相同1。/);
    expect((await opened(other, here.id)).report.text.preamble).toContain('（本机修改）');

    preview = await importFile(dialog);
    await preview.getByRole('group', { name: `${AGENCY}2024年度 怎样处理` }).getByLabel('采用导入').check();
    expect(await preview.locator('.sticky-actions .grow').textContent()).toContain('将用导入的内容替换1份本机报告。');
    await preview.getByRole('button', { name: '导入' }).click();
    await expect.poll(() => said(dialog)).toMatch(/^导入完成：新增0、替换1、保留0、相同1。/);
    const replaced = (await opened(other, here.id)).report;
    expect(replaced.text.preamble).not.toContain('（本机修改）');
    expect(replaced.text.preamble).toBe((await opened(served, ids.y2024)).report.text.preamble);
    // The local version is not gone: it is a revision of the report.
    const revisions = await apiCall<{ note: string }[]>(other, 'report:revisions', { id: here.id });
    expect(revisions.some((r) => r.note.includes('导入前的内容保留在历史版本中'))).toBe(true);
  });

  it('a file that is not an archive export is refused in Chinese before any preview; nothing changes', async () => {
    const before = await listed(other);
    const dialog = await openBackup(otherPage, other);
    await dialog.getByLabel('导入档案…').setInputFiles({ name: '年报档案.json', mimeType: 'application/json', buffer: Buffer.from('{"这不是": "档案"}') });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^档案导出文件无法读取：/);
    expect(await otherPage.getByRole('dialog', { name: '导入档案：核对每份报告' }).count()).toBe(0);
    expect(await listed(other)).toEqual(before);
  });

  it('made no request to any other origin', () => {
    expect(foreign).toEqual([]);
    expect(otherForeign).toEqual([]);
  });
});
