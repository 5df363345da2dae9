/**
 * The .xlsx read back by openpyxl (merges, values, number formats, cached formula results) and by
 * LibreOffice (converts to PDF; pdftotext finds every label and figure). The hidden _cells sheet must
 * lead an importer to every value cell, so the workbook round-trips to the same figures.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCell, layoutOf, runChecks, staleTotals, type Report } from '../../report';
import { placeGrid } from '../../main/export/grid';
import { buildXlsx } from '../../main/export/xlsx';
import { columnLetter, GRID_TOP } from '../../main/export/xlsx-table';
import {
  convertToPdfText,
  definitionLabels,
  figuresInOrder,
  invalidOoxmlParts,
  isSubsequence,
  longTextReport,
  numberTokens,
  python,
  qingshiWithMoney,
  sampleReports,
  squash,
  staleQingshi,
  tempDir,
  writeTemp,
} from './helpers';

const cases = [
  ...sampleReports(),
  { name: 'money-0.9840', report: qingshiWithMoney() },
  { name: 'stale', report: staleQingshi() },
  { name: 'long-text', report: longTextReport() },
];
const dir = tempDir('xlsx');
const files = new Map<string, string>();
let pdfText = new Map<string, string>();
const read = new Map<string, any>();

beforeAll(async () => {
  for (const c of cases) files.set(c.name, writeTemp(dir, `${c.name}.xlsx`, await buildXlsx(c.report)));
  pdfText = convertToPdfText([...files.values()], dir);
  for (const [name, f] of files) read.set(name, python('read_xlsx.py', f));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sheet = (name: string, title: string) => read.get(name).sheets.find((s: any) => s.title === title);

/** What an importer does: follow _cells to each value cell and rebuild the canonical value. */
function importFigures(name: string): Map<string, number | string> {
  const map = sheet(name, '_cells');
  const out = new Map<string, number | string>();
  for (const [coord, c] of Object.entries<any>(map.cells)) {
    if (!coord.startsWith('A') || coord === 'A1') continue;
    const row = coord.slice(1);
    const type = map.cells[`D${row}`]?.value;
    if (type === 'meta' || type === 'property') {
      out.set(c.value, map.cells[`E${row}`].value);
      continue;
    }
    const cell = sheet(name, map.cells[`B${row}`].value).cells[map.cells[`C${row}`].value];
    const value = cell.cached;
    if (type === 'money' || type === 'amount') {
      const decimals = /0\.(0+)/.exec(cell.numFmt)?.[1]?.length ?? 0;
      out.set(c.value, Number(value).toFixed(decimals));
    } else out.set(c.value, value);
  }
  return out;
}

describe.each(cases)('.xlsx of $name', ({ name, report }: { name: string; report: Report }) => {
  it('validates against the ECMA-376 schemas in every part (what Excel and WPS require)', () => {
    const { parts, invalid } = invalidOoxmlParts(files.get(name)!);
    expect(parts).toBeGreaterThanOrEqual(8);
    expect(invalid).toEqual({});
  });

  it('converts in LibreOffice and the PDF shows every label and every figure', () => {
    const text = pdfText.get(files.get(name)!)!;
    const flat = squash(text);
    for (const label of definitionLabels(report.format, false)) expect(flat, label).toContain(squash(label));
    expect(isSubsequence(figuresInOrder(report), numberTokens(text))).toBe(true);
  });

  it('has the info sheet first, a sheet per table with the official merges and a border on every grid cell', () => {
    const layout = layoutOf(report.format);
    const titles = read.get(name).sheets.map((s: any) => s.title);
    expect(titles).toEqual(['报告信息', '表二 主动公开', '表三 依申请公开', '表四 复议诉讼', '_cells']);
    for (const grid of Object.values(layout.grids)) {
      const s = sheet(name, grid.sheetName);
      const merges = [`A1:${columnLetter(grid.gridColumns)}1`];
      for (const row of placeGrid(grid))
        for (const { item, row: r, col } of row)
          if (item.rowSpan > 1 || item.colSpan > 1)
            merges.push(`${columnLetter(col + 1)}${r + GRID_TOP}:${columnLetter(col + item.colSpan)}${r + GRID_TOP + item.rowSpan - 1}`);
        else if (item.kind === 'label') expect(s.cells[`${columnLetter(col + 1)}${r + GRID_TOP}`].value).toBe(item.text);
      expect(s.merged).toEqual([...merges].sort());
      // openpyxl reports, for a merged range, the borders on its outer edges: every edge must be drawn.
      for (const row of placeGrid(grid))
        for (const { item, row: r, col } of row)
          for (let dr = 0; dr < item.rowSpan; dr++)
            for (let dc = 0; dc < item.colSpan; dc++) {
              const at = `${columnLetter(col + dc + 1)}${r + dr + GRID_TOP}`;
              const [top, left, bottom, right] = s.cells[at]?.borders ?? [];
              if (dr === 0) expect(top, `${grid.sheetName} ${at} top`).toBe('thin');
              if (dc === 0) expect(left, `${grid.sheetName} ${at} left`).toBe('thin');
              if (dr === item.rowSpan - 1) expect(bottom, `${grid.sheetName} ${at} bottom`).toBe('thin');
              if (dc === item.colSpan - 1) expect(right, `${grid.sheetName} ${at} right`).toBe('thin');
            }
      expect(s.paperSize).toBe(9);
      expect(s.fitToWidth).toBe(1);
      expect(s.fitToPage).toBe(true);
      expect(s.printTitleRows).toBe(`$1:$${1 + grid.headerRows}`);
    }
    expect(sheet(name, '_cells').state).toBe('hidden');
  });

  it('round-trips: following _cells gives back every figure, the format, year and agency', () => {
    const got = importFigures(name);
    expect(got.get('format')).toBe(report.format);
    expect(got.get('year')).toBe(report.year);
    expect(got.get('agency')).toBe(report.agency);
    for (const cell of layoutOf(report.format).cells) expect(got.get(cell.path), cell.path).toEqual(getCell(report, cell.path));
    if (report.format === 'gov-2019') expect(got.get('active.procurement.unit')).toBe(report.active.procurement!.unit);
  });

  it('writes totals as SUM formulas with cached results, and a stale total as its plain value', () => {
    const stale = new Set(staleTotals(report));
    const map = sheet(name, '_cells').cells;
    const where = new Map<string, { sheet: string; address: string }>();
    for (const [coord, c] of Object.entries<any>(map)) if (coord.startsWith('A')) where.set(c.value, { sheet: map[`B${coord.slice(1)}`]?.value, address: map[`C${coord.slice(1)}`]?.value });
    for (const t of layoutOf(report.format).totals.filter((x) => x.computes)) {
      const w = where.get(t.path)!;
      const cell = sheet(name, w.sheet).cells[w.address];
      if (stale.has(t.path)) expect(cell.value, t.path).toBe(getCell(report, t.path));
      else {
        expect(String(cell.value), t.path).toMatch(/^=SUM\(/);
        expect(cell.cached, t.path).toBe(getCell(report, t.path));
      }
    }
  });
});

describe('.xlsx figures', () => {
  it('keeps a stale total as published: a number, not a formula', () => {
    expect(staleTotals(cases.find((c) => c.name === 'stale')!.report)).toContain('requests.newReceived.6');
    const cell = sheet('stale', '表三 依申请公开').cells[`J${GRID_TOP + 3}`];
    expect(cell.value).toBe(10);
    expect(sheet('qingshi-2024', '表三 依申请公开').cells[`J${GRID_TOP + 3}`]).toMatchObject({ value: '=SUM(D5:I5)', cached: 9 });
  });

  it('stores money as a number whose format shows the stored decimals, and an amount with its unit', () => {
    const fees = Object.values<any>(sheet('money-0.9840', '表二 主动公开').cells).find((c) => c.numFmt === '0.0000');
    expect(fees.value).toBeCloseTo(0.984, 10);
    expect(squash(pdfText.get(files.get('money-0.9840')!)!)).toContain('0.9840');
    const amount = Object.values<any>(sheet('shanghai-office-2019', '表二 主动公开').cells).find((c) => c.value === 251000);
    expect(amount.numFmt).toBe('0"元"');
    const zero = Object.values<any>(sheet('empty-2021', '表二 主动公开').cells).filter((c) => c.numFmt === '0');
    expect(zero.length).toBeGreaterThan(0);
  });

  it('names the format in words, says 提醒 as the app does, and writes 「未发现问题」 in the sheet font', () => {
    const info = (n: string) => Object.values<any>(sheet(n, '报告信息').cells);
    const values = info('qingshi-2024').map((c) => String(c.value));
    expect(values).toContain('2021年版（国办公开办函〔2021〕30号）');
    expect(values).not.toContain('gov-2021');
    expect(info('shanghai-office-2019').map((c) => String(c.value))).toContain('2019年版（国办公开办函〔2019〕60号）');
    const stale = info('stale').map((c) => String(c.value));
    expect(stale.some((v) => /个提醒）$/.test(v))).toBe(true);
    expect(stale.some((v) => v.includes('提示'))).toBe(false);
    const clean = cases.filter((c) => runChecks(c.report).length === 0);
    expect(clean.length).toBeGreaterThan(0);
    for (const c of clean) expect(info(c.name).find((x) => x.value === '未发现问题')?.font, c.name).toBe('宋体');
  });

  it('breaks the group labels of column B after their number, and names the procurement unit in its label', () => {
    const cells = sheet('qingshi-2024', '表三 依申请公开').cells;
    const groups = Object.values<any>(cells).map((c) => String(c.value)).filter((v) => /^（[三四五六]）/.test(v) && v.includes('\n'));
    expect(groups).toEqual(expect.arrayContaining(['（三）\n不予公开', '（四）\n无法提供', '（五）\n不予处理', '（六）\n其他处理']));
    const sh = Object.values<any>(sheet('shanghai-office-2019', '表二 主动公开').cells).map((c) => String(c.value));
    expect(sh).toContain('采购总金额（元）');
  });

  it('lists the check results on the first sheet', () => {
    const info = Object.values<any>(sheet('stale', '报告信息').cells).map((c) => String(c.value));
    expect(info.some((v) => v.includes('T3-3'))).toBe(true);
    expect(info.some((v) => v.startsWith('检查结果（'))).toBe(true);
  });
});
