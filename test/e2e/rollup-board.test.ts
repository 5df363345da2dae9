/**
 * The 汇总 board after 退回 at 1366×768 (issue 21.10–12, 14): the 尚待 line names who must act and
 * filters the board, the 退回 row shows its date and deadline, the 退回意见 carries the remark above
 * the findings (python-docx), 全部通过 passes the units without error after one confirmation, and the
 * editor opened from the board says 「← 返回汇总」.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../report';
import { buildExport } from '../../main/export';
import { madeCollection } from '../rollup/helpers';
import { apiCall, ensureBuilt, launch, openPage, ROOT, serve, type Served } from './helpers';

const SHOTS = join(ROOT, 'test-results', 'screenshots');
const ORGAN = '某某县人民政府';
const YEAR = 2024;
const units = madeCollection(8);
const broken: Report = structuredClone(units[2]!.report);
broken.requests.carriedForward![0]! += 1;
const REMARK = '请核对表三自然人列后重新报送，联系人：王五';

let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  await ensureBuilt();
  served = await serve();
  await apiCall(served, 'rollup:addUnits', { organ: ORGAN, year: YEAR, names: units.slice(1).map((u) => u.agency), level: 'township' });
  // Units 1–5 send a file (unit 2's does not balance); 本级, 6 and 7 have not sent anything.
  for (const r of [units[1]!.report, broken, units[3]!.report, units[4]!.report, units[5]!.report]) {
    const { data, fileName } = await buildExport(r, 'json');
    await apiCall(served, 'rollup:collect', { organ: ORGAN, year: YEAR, file: { fileName, dataBase64: data.toString('base64') } });
  }
  browser = await launch();
  ({ page } = await openPage(browser, served));
  await page.goto(`${served.origin}/#/rollup?${new URLSearchParams({ organ: ORGAN, year: String(YEAR) })}`);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

const board = () => page.getByRole('region', { name: '收齐情况' });
const row = (agency: string) => board().getByRole('row').filter({ has: page.getByRole('rowheader', { name: agency, exact: true }) });
const bodyRows = async () => (await board().getByRole('row').count()) - 1;

describe('the 汇总 board after 退回', () => {
  it('退回 with a deadline and a remark: the row says when and by when, the 退回意见 has the remark above the findings', async () => {
    await page.getByText('尚待：').waitFor();
    await row(units[2]!.agency).getByRole('button', { name: '退回' }).click();
    const dialog = page.getByRole('dialog', { name: /^退回/ });
    await dialog.getByLabel('改正期限').fill('2026-02-10');
    await dialog.getByRole('textbox', { name: /备注/ }).fill(REMARK);
    await page.screenshot({ path: join(SHOTS, 'rollup-sendback-dialog.png') });
    const download = page.waitForEvent('download', { timeout: 15_000 });
    await dialog.getByRole('button', { name: '生成退回意见' }).click();
    const file = join(served.dir, '退回意见.docx');
    writeFileSync(file, readFileSync((await (await download).path())!));
    const paras = execFileSync('/usr/bin/python3', ['-c', 'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))', file], { encoding: 'utf8' }).split('\n');
    const at = (t: string) => paras.findIndex((p) => p.includes(t));
    expect(paras[at('经审核')]).toContain('于2026年2月10日前重新报送');
    expect(at(`备注：${REMARK}`)).toBeGreaterThan(at('经审核'));
    expect(at(`备注：${REMARK}`)).toBeLessThan(at('一、须改正的错误'));
    execFileSync('/usr/bin/python3', [join(ROOT, '../shared/tools/ooxml/validate-ooxml.py'), file], { stdio: 'pipe' });
    await row(units[2]!.agency).getByText(/退回，限2026-02-10前改正/).waitFor();
  });

  it('尚待 names who must act, and each is a filter of the board', async () => {
    const owed = page.locator('.rollup-owed');
    await owed.getByRole('button', { name: '未交 3 个单位' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'rollup-board-after-sendback.png') });
    await owed.getByRole('button', { name: '已退回待改正 1 个' }).click();
    await expect.poll(bodyRows).toBe(1);
    expect(await row(units[2]!.agency).count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'rollup-board-filter-returned.png') });
    await owed.getByRole('button', { name: '待审核 4 个' }).click();
    await expect.poll(bodyRows).toBe(4);
    await owed.getByRole('button', { name: '未交 3 个单位' }).click();
    await expect.poll(bodyRows).toBe(3);
    expect(await page.getByRole('button', { name: '未交（3）', pressed: true }).count()).toBe(1);
    await page.getByRole('button', { name: /^全部（\d+）$/ }).click();
    await expect.poll(bodyRows).toBe(8);
  });

  it('通过 from the unit’s findings (检查): a unit without error passes there; one with errors cannot', async () => {
    await page.getByRole('tab', { name: /^检查/ }).click();
    const checks = page.getByRole('region', { name: '检查结果' });
    const unit = (agency: string) => checks.locator('details').filter({ has: page.getByText(agency, { exact: true }) });
    expect(await unit(units[2]!.agency).getByRole('button', { name: '通过' }).count()).toBe(0);
    await unit(units[1]!.agency).getByRole('button', { name: '通过' }).click();
    await expect.poll(() => unit(units[1]!.agency).getByRole('button', { name: '通过' }).count()).toBe(0);
    await page.getByRole('tab', { name: '收齐情况' }).click();
    await row(units[1]!.agency).locator('.badge.st-accepted').waitFor();
  });

  it('全部通过 passes the units without error after one confirmation', async () => {
    await page.getByRole('button', { name: '全部通过（无错误的 3 个单位）' }).click();
    const dialog = page.getByRole('dialog', { name: '全部通过' });
    await dialog.getByText('把没有错误、尚待审核的 3 个单位的报告全部标为“已通过”').waitFor();
    await page.screenshot({ path: join(SHOTS, 'rollup-accept-all.png') });
    await dialog.getByRole('button', { name: '确认全部通过' }).click();
    await page.getByText('已通过 3 个单位的报告').waitFor();
    for (const i of [1, 3, 4, 5]) await row(units[i]!.agency).locator('.badge.st-accepted').waitFor();
    await row(units[2]!.agency).locator('.badge.st-returned').waitFor();
    expect(await page.getByRole('button', { name: /^全部通过/ }).count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'rollup-board-after-accept-all.png') });
  });

  it('the editor opened from the board says 「← 返回汇总」 and goes back there', async () => {
    await row(units[1]!.agency).getByRole('button', { name: `打开${units[1]!.agency}的报告` }).click();
    await page.getByRole('button', { name: '← 返回汇总' }).click();
    await board().waitFor();
  });
});
