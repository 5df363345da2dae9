/** `trend` and `draft` on an archive: the JSON shapes of issue 13, the .xlsx with numbers, refusals. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli';
import { FIXTURES } from '../helpers/fixtures';
import { tempDir } from '../helpers/temp';

const tmp = tempDir();
afterAll(tmp.cleanup);
const ROOT = join(import.meta.dirname, '../..');
const AGENCY = '示例县青石镇人民政府';
const db = tmp.file('t.db');

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), env: {}, cwd: ROOT });
  return { code, out, err };
}

beforeAll(async () => {
  expect((await cli(['import', join(FIXTURES, 'reports/qingshi-2023.json'), join(FIXTURES, 'reports/qingshi-2024.json'), '--db', db])).code).toBe(0);
});

describe('trend', () => {
  it('--json prints agency, years, rows with values and changes, and the breaks', async () => {
    const r = await cli(['trend', '--agency', AGENCY, '--db', db, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.agency).toBe(AGENCY);
    expect(j.years).toEqual([2023, 2024]);
    const row = j.rows.find((x: { path: string }) => x.path === 'requests.newReceived.6');
    expect(row).toEqual({ path: 'requests.newReceived.6', label: '一、本年新收政府信息公开申请数量 总计', values: [6, 9], changes: [null, 3] });
    expect(Object.keys(j.rows[0])).toEqual(['path', 'label', 'values', 'changes']);
    expect(j.breaks).toEqual([]);
    expect(r.err).toContain('2个年度');
  });

  it('--out writes one sheet with years as columns and numbers, not text', async () => {
    const out = tmp.file('对比.xlsx');
    expect((await cli(['trend', '--agency', AGENCY, '--db', db, '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['历年对比']);
    const ws = wb.worksheets[0]!;
    expect([2, 3, 4, 5].map((c) => ws.getRow(2).getCell(c).value)).toEqual(['2023年', '2024年', '2024年较上年增减', '2024年增减幅度']);
    const line = ws.getRow(4);
    expect(line.getCell(1).value).toBe('一、本年新收政府信息公开申请数量 总计');
    expect([line.getCell(2).value, line.getCell(3).value, line.getCell(4).value, line.getCell(5).value]).toEqual([6, 9, 3, 0.5]);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' });
    // Both years are gov-2021: the 2019 format's own rows have no value in any year and are left out.
    const labels = ws.getColumn(1).values.filter((v): v is string => typeof v === 'string');
    expect(labels).toContain('行政规范性文件 现行有效件数');
    expect(labels.some((l) => l.startsWith('政府集中采购'))).toBe(false);
  });

  it('an agency not in the archive is a usage error', async () => {
    const r = await cli(['trend', '--agency', '不存在的机关', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('档案中没有“不存在的机关”');
  });
});

describe('draft', () => {
  it('prints one paragraph per line, --json the three sentences', async () => {
    const plain = await cli(['draft', '--agency', AGENCY, '--year', '2024', '--db', db]);
    expect(plain.code).toBe(0);
    const lines = plain.out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^本年度共新收政府信息公开申请9件（其中自然人7件、科研机构1件、其他1件），较上年增加3件；上年结转1件。/);
    const j = JSON.parse((await cli(['draft', '--agency', AGENCY, '--year', '2024', '--db', db, '--json'])).out);
    expect(Object.keys(j)).toEqual(['active', 'requests', 'appeals']);
    expect(j.appeals).toBe(lines[2]);
  });

  it('a year not in the archive is a usage error', async () => {
    const r = await cli(['draft', '--agency', AGENCY, '--year', '2019', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('2019年度的报告');
  });
});
