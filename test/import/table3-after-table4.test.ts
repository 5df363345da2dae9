/**
 * Table 三's figures partly under Table 四's heading, in pdftotext plain (no -layout) of real-looking
 * PDFs (holdout-fresh, fixtures README § "Table 三 partly under Table 四's heading"):
 * - the 总计 column cut off a landscape page into a block of its own per page (detached-totals.ts);
 * - a Word table whose rows after the page break give only their first columns, the rest after
 *   Table 四's heading (split-columns.ts, rows before the break whole);
 * - one figure gone with a wrapped column header (「法律 / 服务 / 机构」) after Table 四's heading
 *   (split-columns.ts strayFiguresFit).
 * Each is read only where the counts and every row's total leave one answer; anything else stays flagged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { cellsInOrder, cellTokens } from '../../main/import/text/count-fit';
import { detachedTotalsFit } from '../../main/import/text/detached-totals';
import { reattachTotals } from '../../main/import/text/reattach-totals';
import { strayFiguresFit } from '../../main/import/text/split-columns';
import { getCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const tables34 = (paths: readonly string[]) => paths.filter((p) => /^(requests|appeals)\./.test(p));

async function readFixture(file: string, truth: string) {
  const r = await importFile(file, readFileSync(join(TEXTS, file)));
  const want = loadReport(join(TEXTS, `${truth}.json`));
  return { r, want };
}

describe('pdftotext plain of a landscape web page: the 总计 column in a block of its own per page', () => {
  it('fresh-city-big-2025.site-emdash (zeros as 「——」, a row 「—— 955 ——」 that looks like a page number): Tables 三 and 四 right, nothing flagged', async () => {
    const { r, want } = await readFixture('fresh-city-big-2025.site-emdash.landscape.pdftotext.txt', 'fresh-city-big-2025');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(tables34(cellDiffs(r.report, want))).toEqual([]);
    expect(tables34(r.uncertain)).toEqual([]);
  });

  it('fresh-township-2020.site-jian (2019 layout, every cell 「3件」, the second block after Table 四’s heading): Tables 三 and 四 right', async () => {
    const { r, want } = await readFixture('fresh-township-2020.site-jian.landscape.pdftotext.txt', 'fresh-township-2020');
    expect(r.report.format).toBe('gov-2019');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(tables34(cellDiffs(r.report, want))).toEqual([]);
    expect(tables34(r.uncertain)).toEqual([]);
  });
});

describe('detachedTotalsFit (pure)', () => {
  const want = loadReport(join(TEXTS, 'fresh-city-big-2025.json'));
  const def = getFormat(want.format);
  const rows = def.requests.rows.map((row) => def.requests.columns.map((_, c) => String(getCell(want, `requests.${row.key}.${c}`))));
  const appeals = cellsInOrder(want.format, 'appeals').map((p) => String(getCell(want, p)));
  const page = (from: number, to: number) => rows.slice(from, to).map((row, i) => `${def.requests.rows[from + i]!.label}\n${row.slice(0, 6).join(' ')}`).join('\n');
  const block = (from: number, to: number) => ['总计', ...rows.slice(from, to).map((row) => row[6]!)].join('\n');
  const HEADING = '四、政府信息公开行政复议、行政诉讼情况';
  /** Table 三's text, Table 四's heading, Table 四's text: as detachedTotalsFit is called. */
  const fit = (t3: string, t4: string) => detachedTotalsFit(`${t3}\n${HEADING}\n${t4}`, 0, [t3.length + 1, t3.length + 1 + HEADING.length], t3.length + HEADING.length + t4.length + 2, want.format);
  const t3 = `${page(0, 10)}\n${block(0, 10)}\n${page(10, rows.length)}`;
  const t4 = `${block(10, rows.length)}\n行政复议\n${appeals.join(' ')}`;

  it('two pages, each with its block (the second after Table 四’s heading): every row read back, Table 四’s figures left after them', () => {
    const got = fit(t3, t4);
    expect(got).not.toBeNull();
    for (const [p, v] of got!.fit) expect(v).toBe(String(getCell(want, p)));
    expect(got!.rest).toEqual(appeals);
  });

  it('a total that breaks its row, a block one figure short, or no block at all: no reading', () => {
    expect(fit(t3.replace(`总计\n${rows[0]![6]}`, `总计\n${Number(rows[0]![6]) + 1}`), t4)).toBeNull();
    expect(fit(t3.replace(`\n${rows[9]![6]}\n${def.requests.rows[10]!.label}`, `\n${def.requests.rows[10]!.label}`), t4)).toBeNull();
    expect(fit(`${page(0, 10)}\n${page(10, rows.length)}`, `行政复议\n${appeals.join(' ')}`)).toBeNull();
  });
});

describe('the 总计 blocks of a table that prints 0 as a blank cell: each total put back after its row (reattach-totals.ts)', () => {
  it('fresh-county-identical-2020.site-empty-td: the runs of figures meet the 21 totals in one way; nothing wrong, Table 三 read but for two rows', async () => {
    const { r, want } = await readFixture('fresh-county-identical-2020.site-empty-td.landscape.pdftotext.txt', 'fresh-county-identical-2020');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-TOTALS-BACK' && f.message.includes('21个'))).toBe(true);
    const unsure = new Set(r.uncertain.filter((p) => p.startsWith('requests.')).map((p) => p.split('.')[1]));
    expect(unsure.size).toBeLessThanOrEqual(2);
  });

  it('a page number between the rows (「— 2 —」) is no row’s figure: the totals are put back all the same', () => {
    const text = readFileSync(join(TEXTS, 'fresh-county-identical-2020.site-empty-td.landscape.pdftotext.txt'), 'utf8');
    const numbered = text.replace(/^(\s*2\.其他法律行政法规禁止公开)/m, '— 2 —\n$1');
    expect(numbered).not.toBe(text);
    expect(reattachTotals(numbered)?.totals).toBe(21);
  });

  it('runs that cannot meet the totals (a figure off by one) put nothing back', () => {
    const text = readFileSync(join(TEXTS, 'fresh-county-identical-2020.site-empty-td.landscape.pdftotext.txt'), 'utf8');
    expect(reattachTotals(text)).not.toBeNull();
    const broken = text.replace(/^总计\n(\d+)$/m, (_, n: string) => `总计\n${Number(n) + 1}`);
    expect(broken).not.toBe(text);
    expect(reattachTotals(broken)).toBeNull();
  });
});

describe('pdftotext plain of a Word table broken by a page: the rows after the break cut, their last columns after Table 四’s heading', () => {
  it('fresh-county-carried-2024.word-like-kaiti-12pt: Table 三 right; Table 四, stated as none in words, read as zeros', async () => {
    const { r, want } = await readFixture('fresh-county-carried-2024.word-like-kaiti-12pt.pdftotext.txt', 'fresh-county-carried-2024');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(tables34(cellDiffs(r.report, want))).toEqual([]);
    expect(tables34(r.uncertain)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-TABLE' && f.message.includes('未发生政府信息公开行政复议、行政诉讼'))).toBe(true);
    // The labels read none of Table 三's figures: the note does not claim they agreed.
    expect(r.findings.find((f) => f.rule === 'IMPORT-COUNT-FIT')?.message).toMatch(/按行名没有读出可以对照的数字/);
  });
});

describe('a figure gone with a wrapped column header after Table 四’s heading', () => {
  it('fresh-county-carried-2024.word-like-hei-9pt-wide-labels: 「法律 / 服务 / 机构 0」 under Table 四’s heading put back; Tables 三 and 四 right', async () => {
    const { r, want } = await readFixture('fresh-county-carried-2024.word-like-hei-9pt-wide-labels.pdftotext.txt', 'fresh-county-carried-2024');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(tables34(cellDiffs(r.report, want))).toEqual([]);
    expect(tables34(r.uncertain)).toEqual([]);
  });

  it('fresh-township-ones-2023.word-like-hei-9pt-wide-labels: （六）’s three rows, their labels unfound, read by the count; no note left saying they need typing', async () => {
    const { r, want } = await readFixture('fresh-township-ones-2023.word-like-hei-9pt-wide-labels.pdftotext.txt', 'fresh-township-ones-2023');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(tables34(r.uncertain)).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'IMPORT-FORMAT')).toEqual([]);
  });

  it('strayFiguresFit: one figure put back where only one place keeps the rules; a figure that fits nowhere, or too many, is no reading', () => {
    const want = loadReport(join(TEXTS, 'fresh-city-big-2025.json'));
    const all = cellsInOrder(want.format, 'requests').map((p) => String(getCell(want, p)));
    const at = 32; // 1.属于国家秘密's 法律服务机构, 123: only its own place keeps that row's total and the columns'
    const got = strayFiguresFit([...all.slice(0, at), ...all.slice(at + 1)], [all[at]!], want.format);
    expect(got).not.toBeNull();
    expect([...got!.fit.values()]).toEqual(all);
    expect(strayFiguresFit([...all.slice(0, at), ...all.slice(at + 1)], [String(Number(all[at]) + 1)], want.format)).toBeNull();
    expect(strayFiguresFit(all.slice(3), all.slice(0, 3), want.format)).toBeNull();
  });
});

describe('cellTokens', () => {
  it('reads 「3件」 and 「1,288」 as counts; 「—— 955 ——」 is a row of three cells, 「— 3 —」 a page number', () => {
    expect(cellTokens('3件 0件 1,288 12,345,678')).toEqual(['3', '0', '1288', '12345678']);
    expect(cellTokens('—— 955 ——')).toEqual(['0', '955', '0']);
    expect(cellTokens('— 3 —')).toEqual([]);
    expect(cellTokens('第3件 3万元 1,28')).toEqual([]);
  });
});

describe('notes of many rows with no figure', () => {
  it('fresh-county-identical-2020.site-empty-td: Table 二’s eight rows with nothing after their labels are one note naming them all, with all their cells', async () => {
    const { r } = await readFixture('fresh-county-identical-2020.site-empty-td.landscape.pdftotext.txt', 'fresh-county-identical-2020');
    const notes = r.findings.filter((f) => f.rule === 'IMPORT-MISSING' && f.message.startsWith('表二'));
    expect(notes).toHaveLength(1);
    expect(notes[0]!.message).toMatch(/^表二有8行后面没有数字（“规章”、“规范性文件”.*“政府集中采购”），需手工填写$/);
    expect(notes[0]!.cells).toHaveLength(r.uncertain.filter((p) => p.startsWith('active.') && !p.endsWith('.unit')).length);
  });
});
