/** Shared by the export tests: fixtures, the independent readers (LibreOffice, poppler, Python) and expectations from the definition. */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { cloneReport, emptyReport, layoutOf, validateJson, type FormatId, type Report, type TableGrid } from '../../report';
import { placeGrid } from '../../main/export/grid';
import { cellText } from '../../main/export/values';

const FIXTURES = join(import.meta.dirname, '../../../shared/fixtures');

export function loadFixture(rel: string): Report {
  const r = validateJson(JSON.parse(readFileSync(join(FIXTURES, rel), 'utf8')));
  if (!r.ok) throw new Error(`${rel}: ${JSON.stringify(r.errors)}`);
  return r.report;
}

/** The reports every exporter is proven on: both formats, real figures, gov-2019 figures-only copies, all zeros. */
export function sampleReports(): { name: string; report: Report }[] {
  return [
    { name: 'qingshi-2024', report: loadFixture('reports/qingshi-2024.json') },
    { name: 'shanghai-office-2019', report: loadFixture('published/shanghai-office-2019.json') },
    { name: 'wenquan-2020', report: loadFixture('published/wenquan-2020.json') },
    { name: 'empty-2021', report: emptyReport('gov-2021', '示例县青石镇人民政府', 2024) },
  ];
}

/** qingshi with money "0.9840" (sample 004's figure), to prove the trailing zero survives. */
export function qingshiWithMoney(amount = '0.9840'): Report {
  const r = cloneReport(loadFixture('reports/qingshi-2024.json'));
  r.active.fees!.amount = amount;
  return r;
}

/**
 * qingshi with every text part several paragraphs long, CJK punctuation (“ ” … — ·) included: the
 * exports of a long report, and the runs Word would set in the Latin face without an eastAsia hint.
 */
export function longTextReport(): Report {
  const r = cloneReport(loadFixture('reports/qingshi-2024.json'));
  const filler = '本段为加长测试文字，引用“政务公开”……并说明——各项工作·逐月推进的情况，用于检验分页与字体。';
  for (const part of ['preamble', 'overview', 'problems', 'other'] as const)
    r.text[part] = [r.text[part], ...Array.from({ length: 4 }, (_, i) => filler.repeat(i + 2))].join('\n');
  return r;
}

/** qingshi as published with one wrong total: 一、本年新收 总计 printed 10 instead of 9. */
export function staleQingshi(): Report {
  const r = cloneReport(loadFixture('reports/qingshi-2024.json'));
  r.requests.newReceived![6] = 10;
  return r;
}

/**
 * Every XML part of a .docx / .xlsx validated against the ECMA-376 schemas (../shared/tools/ooxml):
 * the invalid parts with their errors, {} when the file is clean. Word and WPS read only what the schema
 * allows; LibreOffice forgives, so its renders prove nothing about this. `parts`: how many were read.
 */
export function invalidOoxmlParts(file: string): { parts: number; invalid: Record<string, string[]> } {
  const tool = join(import.meta.dirname, '../../../shared/tools/ooxml/validate-ooxml.py');
  const res = spawnSync('/usr/bin/python3', [tool, file, '--json'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (res.status !== 0 && res.status !== 1) throw new Error(`validate-ooxml.py ${file}: ${res.stderr}`);
  const out = JSON.parse(res.stdout) as { parts: number; invalid: Record<string, string[]> };
  return { parts: out.parts, invalid: out.invalid ?? {} };
}

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `nianbao-${prefix}-`));

export function python(script: string, file: string): any {
  const out = execFileSync('/usr/bin/python3', [join(import.meta.dirname, script), file], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out);
}

/**
 * Converts files to PDF with LibreOffice in one headless run, with a private profile, and returns
 * each PDF's text (pdftotext -raw: content-stream order, so a merged cell's lines stay together). Throws when LibreOffice reports an error or produces no PDF.
 */
export function convertToPdfText(files: string[], outDir: string): Map<string, string> {
  const profile = mkdtempSync(join(tmpdir(), 'nianbao-lo-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files],
      { encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const texts = new Map<string, string>();
  for (const f of files) {
    const pdf = join(outDir, basename(f).replace(/\.[^.]+$/, '.pdf'));
    texts.set(f, execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }));
  }
  return texts;
}

export const squash = (s: string) => s.replace(/\s+/g, '');

/** Every label of the three grids, and the headings of the six sections (or of the table sections only). */
export function definitionLabels(format: FormatId, textHeadings = true): string[] {
  const layout = layoutOf(format);
  const labels = layout.format.sections.filter((s) => textHeadings || s.kind === 'table').map((s) => s.heading);
  for (const grid of Object.values(layout.grids))
    for (const row of grid.rows) for (const c of row.cells) if (c.kind === 'label') labels.push(c.text);
  return [...new Set(labels)];
}

/** Every printed figure in document order (Table 二, 三, 四; row by row). */
export function figuresInOrder(report: Report): string[] {
  const layout = layoutOf(report.format);
  return (['active', 'requests', 'appeals'] as const).flatMap((t) =>
    layout.grids[t].rows.flatMap((row) => row.cells.flatMap((c) => (c.kind === 'value' ? [cellText(report, c.cell)] : []))),
  );
}

/** Whether `needles` occur in `hay` in this order (not necessarily adjacent). */
export function isSubsequence(needles: string[], hay: string[]): boolean {
  let i = 0;
  for (const h of hay) if (i < needles.length && h === needles[i]) i++;
  return i === needles.length;
}

/**
 * Numeric tokens of a text in reading order, units kept (251000元). Renderers put a thin gap between
 * digits and CJK (autospace), which pdftotext prints as a space, so the unit may follow a space.
 */
export const numberTokens = (text: string): string[] =>
  (text.match(/\d+(?:\.\d+)?(?:[ \t]*(?:万元|元))?/g) ?? []).map((t) => t.replace(/\s+/g, ''));

/**
 * What Word's table XML must hold for a grid, row by row: one w:tc per cell start and per position
 * covered from above (vMerge continue), none for positions covered by a gridSpan.
 */
export function expectedWordRows(report: Report, grid: TableGrid): { text: string; gridSpan: number; vMerge: string | null }[][] {
  const placed = placeGrid(grid);
  const starts = new Map<string, (typeof placed)[number][number]>();
  for (const row of placed) for (const p of row) starts.set(`${p.row}:${p.col}`, p);
  return placed.map((_, r) => {
    const out: { text: string; gridSpan: number; vMerge: string | null }[] = [];
    for (let c = 0; c < grid.gridColumns; ) {
      const here = starts.get(`${r}:${c}`);
      if (here) {
        const text = here.item.kind === 'value' ? cellText(report, here.item.cell) : here.item.text;
        out.push({ text, gridSpan: here.item.colSpan, vMerge: here.item.rowSpan > 1 ? 'restart' : null });
        c += here.item.colSpan;
        continue;
      }
      const above = [...starts.values()].find((p) => p.col === c && p.row < r && p.row + p.item.rowSpan > r)!;
      out.push({ text: '', gridSpan: above.item.colSpan, vMerge: 'continue' });
      c += above.item.colSpan;
    }
    return out;
  });
}

export function writeTemp(dir: string, name: string, data: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}
