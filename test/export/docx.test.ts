/**
 * The .docx read back by independent programs: LibreOffice converts it to PDF and pdftotext finds
 * every label and figure; python-docx reads the page, the fonts and the table grid, which must match
 * the definition cell for cell (gridSpan / vMerge).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutOf, reportTitle, type Report } from '../../report';
import { buildDocx } from '../../main/export/docx';
import { chineseDate } from '../../main/export/blocks';
import { fontsUsedBy } from '../../main/export/fonts';
import {
  convertToPdfText,
  definitionLabels,
  expectedWordRows,
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
  { name: 'long-text', report: longTextReport() },
  { name: 'stale', report: staleQingshi() },
];
const dir = tempDir('docx');
const files = new Map<string, string>();
let pdfText = new Map<string, string>();
const read = new Map<string, any>();

beforeAll(async () => {
  for (const c of cases) files.set(c.name, writeTemp(dir, `${c.name}.docx`, await buildDocx(c.report)));
  pdfText = convertToPdfText([...files.values()], dir);
  for (const [name, f] of files) read.set(name, python('read_docx.py', f));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(cases)('.docx of $name', ({ name, report }: { name: string; report: Report }) => {
  it('converts in LibreOffice and the PDF shows the title, every heading and label, and every figure in order', () => {
    const text = pdfText.get(files.get(name)!)!;
    const flat = squash(text);
    expect(flat).toContain(squash(reportTitle(report.agency, report.year)));
    for (const label of definitionLabels(report.format)) expect(flat, label).toContain(squash(label));
    expect(isSubsequence(figuresInOrder(report), numberTokens(text))).toBe(true);
    if (report.closing.date) expect(flat).toContain(chineseDate(report.closing.date));
    expect(text).toMatch(/— 1 —/);
  });

  it('validates against the ECMA-376 schemas in every part (what Word and WPS require)', () => {
    const { parts, invalid } = invalidOoxmlParts(files.get(name)!);
    expect(parts).toBeGreaterThanOrEqual(10);
    expect(invalid).toEqual({});
  });

  it('has A4 paper and the GB/T 9704 margins', () => {
    expect(read.get(name).page).toEqual({ width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 });
  });

  it('has the three tables with the official merges, cell for cell, and borders on every cell', () => {
    const layout = layoutOf(report.format);
    const tables = read.get(name).tables;
    expect(tables).toHaveLength(3);
    (['active', 'requests', 'appeals'] as const).forEach((t, i) => {
      const grid = layout.grids[t];
      const got = tables[i];
      expect(got.layout).toBe('fixed');
      expect(got.grid).toHaveLength(grid.gridColumns);
      const cells = got.rows.map((r: any) => r.cells.map((c: any) => ({ text: squash(c.text), gridSpan: c.gridSpan, vMerge: c.vMerge })));
      const want = expectedWordRows(report, grid).map((r) => r.map((c) => ({ ...c, text: squash(c.text) })));
      expect(cells).toEqual(want);
      got.rows.forEach((r: any, k: number) => {
        expect(r.cantSplit).toBe(true);
        expect(r.header).toBe(k < grid.headerRows);
        for (const c of r.cells) expect(c.borders).toEqual(['bottom', 'left', 'right', 'top']);
      });
    });
  });

  it('sets East Asian and Latin fonts and zh-CN on every run, and an altName for every GB font', () => {
    const doc = read.get(name);
    const runs = doc.runFonts.filter((r: any) => r.text !== '');
    for (const r of runs) {
      expect(r.eastAsia, r.text).toBeTruthy();
      expect(r.ascii, r.text).toBe('Times New Roman');
      expect(r.hAnsi, r.text).toBe('Times New Roman');
      expect(r.langEastAsia, r.text).toBe('zh-CN');
    }
    const title = runs[0];
    expect(title).toMatchObject({ eastAsia: '方正小标宋简体', size: 44 });
    const heading = runs.find((r: any) => r.text === '一、总体情况');
    expect(heading).toMatchObject({ eastAsia: '黑体', size: 32 });
    const used = new Set(runs.map((r: any) => r.eastAsia));
    for (const f of fontsUsedBy(report)) if (f.eastAsian) expect(doc.fontTable[f.name]).toBe(f.altName);
    for (const n of used) expect(fontsUsedBy(report).map((f) => f.name)).toContain(n);
    expect(doc.fontTable['仿宋_GB2312']).toBe('仿宋');
  });
});

describe('.docx text', () => {
  it('sets （一） headings in 楷体_GB2312 and the body in 仿宋_GB2312', () => {
    const runs = read.get('qingshi-2024').runFonts;
    expect(runs.find((r: any) => r.text === '（一）主动公开')).toMatchObject({ eastAsia: '楷体_GB2312', size: 32 });
    expect(runs.find((r: any) => r.text.startsWith('全年在县政府门户网站'))).toMatchObject({ eastAsia: '仿宋_GB2312' });
  });

  it('breaks a long title after the agency into two centred lines', () => {
    const p = read.get('qingshi-2024').paragraphs[0];
    expect(p.runs.map((r: string) => r.trim())).toEqual(['示例县青石镇人民政府', '2024年政府信息公开工作年度报告']);
    expect(p.align).toContain('CENTER');
  });

  it('prints money exactly as stored and the gov-2019 procurement amount with its unit', () => {
    const money = read.get('money-0.9840').tables[0].rows.flatMap((r: any) => r.cells.map((c: any) => c.text));
    expect(money).toContain('0.9840');
    expect(pdfText.get(files.get('money-0.9840')!)).toContain('0.9840');
    const sh = read.get('shanghai-office-2019').tables[0].rows.flatMap((r: any) => r.cells.map((c: any) => c.text));
    expect(sh).toContain('251000元');
  });

  it('reads the narrow 三、本年度办理结果 label top to bottom', () => {
    const cells = read.get('qingshi-2024').tables[1].rows.flatMap((r: any) => r.cells);
    expect(cells.find((c: any) => c.text === '三、本年度办理结果').textDirection).toBe('tbRl');
  });

  it('numbers the pages 「— 1 —」 on odd and even pages', () => {
    const footers = read.get('qingshi-2024').footers;
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/— <\/w:t>.*PAGE.*<w:t[^>]*> —/s);
  });
});
