/**
 * The 汇总表 .xlsx's 报告信息 sheet lists what concerns a roll-up (its table rules), not a report's
 * text or 落款 reminders (X-2/X-3/C-3 「落款还没有成文日期」), and names cells by their labels.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { buildExport } from '../../main/export';
import { INFO_SHEET } from '../../main/export/xlsx';
import { tempDir } from '../helpers/temp';
import { madeCollection } from '../rollup/helpers';
import { writeFileSync, mkdirSync } from 'node:fs';

const tmp = tempDir();
afterAll(tmp.cleanup);

async function cli(args: string[]) {
  let err = '';
  const code = await runCli(args, { out: () => {}, err: (t) => (err += `${t}\n`), env: {}, cwd: tmp.dir });
  return { code, err };
}

describe('汇总表 info sheet', () => {
  it('lists the roll-up\'s table findings only, cells by label', async () => {
    const units = madeCollection(3);
    // One unit's 表三 does not balance: the roll-up's own T3-1 must be listed (an error the sum inherits).
    (units[1]!.report.requests.carriedForward as number[])[0]! += 4;
    const inbox = join(tmp.dir, 'in');
    mkdirSync(inbox);
    for (const u of units) writeFileSync(join(inbox, `${u.agency}.json`), (await buildExport(u.report, 'json')).data);
    const db = tmp.file('c.sqlite');
    await cli(['collect', inbox, '--into', '某某县人民政府', '--year', '2024', '--db', db, '--add-units']);
    const out = tmp.file('汇总表.xlsx');
    expect((await cli(['rollup', '--unit', '某某县人民政府', '--year', '2024', '--db', db, '--out', out])).code).not.toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.getWorksheet(INFO_SHEET)!.eachRow((r) => rows.push([1, 2, 3, 4].map((c) => String(r.getCell(c).value ?? ''))));
    const start = rows.findIndex((r) => r[0] === '规则');
    const listed = rows.slice(start + 1).filter((r) => r[0]);
    expect(listed.map((r) => r[0])).toContain('T3-1');
    for (const r of listed) {
      expect(r[0]).toMatch(/^T/);
      expect(r[3]).not.toMatch(/[a-z]+\.[a-zA-Z]+/); // 「三、…」, never requests.carriedForward.0 or closing.date
    }
    expect(rows.flat().join('\n')).not.toContain('成文日期还没有');
  });
});
