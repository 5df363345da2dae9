/**
 * 汇总 in real Chromium over serve:web: a roster of 12 units pasted in, files of mixed formats
 * (our .docx/.xlsx/.json exports, published .html pages, a .docx re-saved by LibreOffice, one
 * unreadable file) taken in with progress, a close name confirmed, one unit's broken figures sent
 * back (the 退回意见 read back by python-docx), the corrected file received as a new revision, and the
 * 汇总表 exported and read back by openpyxl against sums computed here.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCell, layoutOf, type Report } from '../../report';
import { buildExport } from '../../main/export';
import { madeCollection } from '../rollup/helpers';
import { apiCall, ensureBuilt, launch, openPage, serve, type Served } from './helpers';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
const ORGAN = '某某县人民政府';
const units = madeCollection(12);
/** Unit 3 first sends a report whose 自然人 column does not balance. */
const broken: Report = structuredClone(units[3]!.report);
broken.requests.carriedForward![0]! += 1;
/** Unit 5's file names it without 「人民」: a close match to confirm. */
const renamed = units[5]!.agency.replace('人民政府', '政府');

let served: Served;
let browser: Browser;
let page: Page;
let inbox: string;
const files: string[] = [];

const write = async (report: Report, kind: 'docx' | 'xlsx' | 'json' | 'html', name?: string) => {
  const { data, fileName } = await buildExport(report, kind);
  const path = join(inbox, name ?? fileName);
  writeFileSync(path, data);
  return path;
};

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  inbox = join(served.dir, '收件箱');
  mkdirSync(join(inbox, 'resaved'), { recursive: true });
  const kinds = ['docx', 'xlsx', 'json', 'html', 'docx', 'docx', 'xlsx', 'html', 'xlsx', 'json'] as const;
  for (let i = 0; i < 11; i++) {
    if (i === 3) files.push(await write(broken, 'xlsx'));
    else if (i === 5) files.push(await write({ ...units[5]!.report, agency: renamed }, 'docx'));
    else if (i === 10) {
      // A Word file someone opened and saved again in another office suite.
      const own = await write(units[10]!.report, 'docx', 'own-10.docx');
      execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', join(inbox, 'resaved'), own], { stdio: 'ignore', timeout: 120_000 });
      const path = join(inbox, `${units[10]!.agency}（另存）.docx`);
      copyFileSync(join(inbox, 'resaved', 'own-10.docx'), path);
      files.push(path);
    } else files.push(await write(units[i]!.report, kinds[i]!));
  }
  const junk = join(inbox, '扫描件.docx');
  writeFileSync(junk, 'this was a scanned image renamed to .docx');
  files.push(junk);
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

const board = () => page.getByRole('region', { name: '收齐情况' });
const row = (agency: string) => board().getByRole('row').filter({ has: page.getByRole('rowheader', { name: agency, exact: true }) });
const bytesOf = async (d: Download) => readFileSync((await d.path())!);

async function intake(paths: string[]): Promise<ReturnType<Page['getByRole']>> {
  await page.getByRole('button', { name: '收取报告' }).click();
  const dialog = page.getByRole('dialog', { name: /^收取报告/ });
  await dialog.waitFor();
  await dialog.locator('input[type=file]:not([webkitdirectory])').setInputFiles(paths);
  await dialog.getByText(`已读 ${paths.length} / 共 ${paths.length}`).waitFor({ timeout: 60_000 });
  return dialog;
}

describe('汇总 in the browser', () => {
  it('starts a collection from the archive page and pastes a roster of 12 units', async () => {
    await page.getByRole('button', { name: '汇总' }).click();
    await page.getByRole('textbox', { name: '汇总单位' }).fill(ORGAN);
    await page.getByRole('textbox', { name: '年度' }).fill('2024');
    await page.getByRole('button', { name: '开始汇总' }).click();
    await page.getByRole('button', { name: '统计范围' }).click();
    const dialog = page.getByRole('dialog', { name: /^统计范围/ });
    await dialog.getByRole('textbox').fill(units.slice(1).map((u) => u.agency).join('\n'));
    await dialog.getByRole('button', { name: '加入名单' }).click();
    await page.getByText('已加入 11 个单位').waitFor();
    await dialog.getByRole('combobox', { name: `${units[11]!.agency}的级别` }).selectOption('department');
    await page.getByText(`已把“${units[11]!.agency}”的级别改为部门`).waitFor();
    await dialog.getByRole('button', { name: '关闭' }).click();
    await row(units[11]!.agency).getByText('部门').waitFor();
    expect(await board().getByRole('row').count()).toBe(13);
    await page.getByText('未收齐（已收 0 / 共 12）').waitFor();
  });

  it('takes in 12 files with progress: mixed formats stored, the close name confirmed, the unreadable one listed', async () => {
    const dialog = await intake(files);
    await expect.poll(() => dialog.locator('tr.out-stored').count()).toBe(10);
    await dialog.getByRole('row', { name: /扫描件\.docx/ }).getByText(/不是有效的 Word/).waitFor();
    // Problems first: the close name to confirm, the unreadable file, the file stored with errors, then the ✓ rows.
    const order = await dialog.locator('tbody tr').allTextContents();
    expect(order[0]).toContain('相近');
    expect(order[1]).toContain('扫描件.docx');
    expect(order[2]).toContain('个错误');
    expect(order.slice(3).every((t) => t.includes('✓'))).toBe(true);
    await page.screenshot({ path: join(SHOTS, 'rollup-intake.png') });
    const close = dialog.getByRole('row', { name: /西岭|白沙|金桥|绿洲|银滩|青石|南湖|东城|北山|红旗|长乐/ }).filter({ hasText: '相近' });
    await expect.poll(() => close.count()).toBe(1);
    expect(await close.getByRole('combobox', { name: '对应的单位' }).inputValue()).toBe(units[5]!.agency);
    await close.getByRole('button', { name: '确认' }).click();
    await expect.poll(() => dialog.locator('tr.out-stored').count()).toBe(11);
    await dialog.getByRole('button', { name: '完成' }).click();
    await page.getByText('未收齐（已收 11 / 共 12）').waitFor();
    await expect.poll(() => row(units[3]!.agency).locator('td.bad').count()).toBe(1);
    await page.getByRole('button', { name: /^未交（\d+）$/ }).click();
    expect(await board().getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: /^全部（\d+）$/ }).click();
    await page.screenshot({ path: join(SHOTS, 'rollup-board.png') });
  });

  it('sends the broken unit back: the 退回意见 names the unbalanced column with its figures', async () => {
    await row(units[3]!.agency).getByRole('button', { name: '退回' }).click();
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.getByRole('dialog', { name: /^退回/ }).getByRole('button', { name: '生成退回意见' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe(`关于${units[3]!.agency}2024年政府信息公开工作年度报告的退回意见.docx`);
    const file = join(served.dir, 'sendback.docx');
    writeFileSync(file, await bytesOf(d));
    const text = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file], { encoding: 'utf8' });
    const r = broken.requests;
    const a = r.newReceived![0]! + r.carriedOver![0]!;
    const b = r.resultTotal![0]! + r.carriedForward![0]!;
    expect(text).toContain(`表三 自然人列：第一项加第二项之和（${a}）不等于第三项加第四项之和（${b}）`);
    expect(text).toContain(`${units[3]!.agency}：`);
    expect(text).toContain(ORGAN);
    await expect.poll(() => row(units[3]!.agency).getByText('退回').count()).toBeGreaterThan(0);
  });

  it('receives the corrected file as a new revision and the missing unit’s file; all pass; complete', async () => {
    const fixed = await write(units[3]!.report, 'docx', '更正后.docx');
    const late = await write(units[11]!.report, 'json');
    const dialog = await intake([fixed, late]);
    await expect.poll(() => dialog.locator('tr.out-stored').count()).toBe(2);
    await dialog.getByText(/已作为新版本保存/).waitFor();
    await dialog.getByRole('button', { name: '完成' }).click();
    const view = await apiCall<{ units: { agency: string; reportId: number; errors: number }[] }>(served, 'rollup:view', { organ: ORGAN, year: 2024 });
    const three = view.units.find((u) => u.agency === units[3]!.agency)!;
    expect(three.errors).toBe(0);
    expect((await apiCall<unknown[]>(served, 'report:revisions', { id: three.reportId })).length).toBeGreaterThanOrEqual(2);
    for (const u of units) await row(u.agency).getByRole('button', { name: '通过' }).click();
    await page.getByText('已收齐（共 12 个单位均已通过）').waitFor();
  });

  it('opens a unit’s report in the editor from the board, and comes back to the board', async () => {
    await row(units[2]!.agency).getByRole('button', { name: `打开${units[2]!.agency}的报告` }).click();
    await page.getByRole('button', { name: /返回/ }).click();
    await board().waitFor();
    expect(page.url()).toContain('#/rollup?');
  });

  it('shows the 汇总 with a cell’s contributions, and exports it: every cell equals the test’s own sum', async () => {
    await page.getByRole('tab', { name: '汇总表' }).click();
    const path = 'requests.newReceived.0';
    const name = layoutOf('gov-2021').cellByPath.get(path)!.name;
    await page.getByRole('cell', { name: new RegExp(`^${name}：`) }).click();
    const side = page.getByRole('complementary', { name: '各单位数字' });
    await side.getByRole('row', { name: new RegExp(units[11]!.agency) }).waitFor();
    expect(await side.getByRole('row').count()).toBe(13);
    await page.screenshot({ path: join(SHOTS, 'rollup-contributions.png') });

    const download = page.waitForEvent('download', { timeout: 15_000 });
    await page.getByRole('combobox', { name: '导出' }).selectOption('xlsx');
    const file = join(served.dir, '汇总.xlsx');
    writeFileSync(file, await bytesOf(await download));
    const py = `
import json, openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
cells = wb['_cells']
out = {'title': wb['报告信息']['A1'].value, 'values': {}}
for key, sheet, address, kind, value in cells.iter_rows(min_row=2, values_only=True):
    if kind in ('meta', 'property'): continue
    out['values'][key] = wb[sheet][address].value
print(json.dumps(out, ensure_ascii=False))
`;
    const got = JSON.parse(execFileSync('/usr/bin/python3', ['-c', py, file], { encoding: 'utf8' })) as { title: string; values: Record<string, number> };
    expect(got.title).toBe(`${ORGAN}2024年政府信息公开工作年度报告数据汇总表`);
    const cells = layoutOf('gov-2021').cells;
    expect(Object.keys(got.values)).toHaveLength(cells.length);
    for (const c of cells) {
      if (c.type === 'money') {
        // Money in 万元 summed as integers of 10⁻⁴ so the test's own sum is exact too.
        const tenThousandths = units.reduce((s, u) => s + Math.round(Number(getCell(u.report, c.path)) * 10_000), 0);
        expect(Math.round(got.values[c.path]! * 10_000), c.path).toBe(tenThousandths);
      } else expect(got.values[c.path], c.path).toBe(units.reduce((s, u) => s + (getCell(u.report, c.path) as number), 0));
    }
  });
});
