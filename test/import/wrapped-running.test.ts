/**
 * Figures wrapped inside their cells in running text, pdftotext plain and -raw (wrapped-joins.ts): the
 * pieces joined where exactly one way of joining makes the row keep its own rule, and nothing else does;
 * fixtures README § "A figure wrapped inside its cell in running text".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { rowReadings, type Vals } from '../../main/import/text/candidates';
import { segmentCells } from '../../main/import/text/cells';
import { isCount } from '../../main/import/text/rows';
import { wrappedJoins } from '../../main/import/text/wrapped-joins';
import { getCell } from '../../report/cells';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const tables34 = (paths: readonly string[]) => paths.filter((p) => /^(requests|appeals)\./.test(p));

/** A Table 三 row's readings from the text after its label (T3-3: six applicant cells make 总计). */
const sumOk = (v: Vals) => v.slice(0, 6).reduce((s, x) => s + Number(x ?? 0), 0) === Number(v[6] ?? 0);
function readRow(segment: string): Vals[] {
  const { cells, exact, running } = segmentCells(segment, '5.属于三类内部事务信息', 7);
  return rowReadings(cells, { width: 7, exact, running, typeOk: (v) => v.every(isCount), check: sumOk }).map((c) => c.vals);
}

describe('a row with more figures than cells: wrapped pieces joined', () => {
  it('「105」 over 「6」 under 总计 (full-width figures, landscape page): 1056', () => {
    expect(readRow('\n０ １０５６ ０\n０\n０\n０ １０５\n６\n')).toEqual([['0', '1056', '0', '0', '0', '0', '1056']]);
  });

  it('every figure wrapped (Word table, narrow figure columns), a last piece 「00」: 29100', () => {
    expect(readRow('\n773\n2\n56\n63\n416\n7\n49\n37\n241\n2\n418\n9\n291\n00\n'))
      .toEqual([['7732', '5663', '4167', '4937', '2412', '4189', '29100']]);
  });

  it('pieces on one line, apart by a space, were printed apart: no join', () => {
    expect(readRow('\n0 1056 0 0 0 0 105 6\n')).toEqual([]);
  });

  it('a 0 is a figure of its own, never a wrapped figure’s start', () => {
    // 「0」 over 「7」 joined would give 07 = 7 = 1 + 5 + 1: no such join.
    const { cells } = segmentCells('\n1 5 1 0 0 0 0\n7\n', '5.属于三类内部事务信息', 7);
    expect(wrappedJoins(cells, 7, sumOk)).toEqual([]);
    // Every way of joining, whatever the rule: 「7」 goes to 1, 5 or 1 (17, 57), never to a 0.
    const any = wrappedJoins(cells, 7, () => true)!;
    expect(any.map((v) => v.join(' ')).sort()).toEqual(['1 5 17 0 0 0 0', '1 57 1 0 0 0 0', '17 5 1 0 0 0 0']);
  });

  it('two joins that both keep the total: no reading', () => {
    // 「1」「1」「1」 as 11, 1 or 1, 11 under 法律服务机构 and 其他: 0 + 0 + 3 + 5 + 12 = 20 either way.
    const segment = '\n0\n0\n3\n5\n1\n1\n1\n20\n';
    expect(wrappedJoins(segmentCells(segment, '', 7).cells, 7, sumOk)).toHaveLength(2);
    expect(readRow(segment)).toEqual([]);
  });

  it('seven figures as printed that keep the total beside the surplus: another answer, no join', () => {
    // Two rows of 「1 1 1 1 1 1 6」 stacked column by column (the row above had no figures of its own):
    // 「11 … 66」 keeps the total as well as either row.
    expect(readRow(`\n${['1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '6', '6'].join('\n')}\n`)).toEqual([]);
  });
});

async function readFixture(file: string, truth: string) {
  const r = await importFile(file, readFileSync(join(TEXTS, file)));
  return { r, want: loadReport(join(TEXTS, `${truth}.json`)) };
}

describe('holdout-fresh copies with wrapped figures', () => {
  it('pdftotext -raw of a landscape page in full-width figures: Table 三 whole, nothing flagged', async () => {
    const { r, want } = await readFixture('fresh-city-big-2025.site-full-width.landscape.pdftotext-raw.txt', 'fresh-city-big-2025');
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(tables34(r.uncertain)).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-WRAPPED' && f.cells.includes('requests.deniedInternalAffairs.6'))).toBe(true);
  });

  it('pdftotext -raw of a Word table with narrow figure columns: nothing wrong, only the row whose total’s last digit is lost flagged', async () => {
    // Word-like pages print Table 三 only (Table 四 stated as none in words): Table 三's cells are counted.
    const { r, want } = await readFixture('fresh-city-big-2025.word-like-narrow-figures.pdftotext-raw.txt', 'fresh-city-big-2025');
    expect(unflaggedWrong(r, want).filter((c) => c.startsWith('requests.'))).toEqual([]);
    expect(new Set(tables34(r.uncertain).map((p) => p.split('.')[1]))).toEqual(new Set(['unavailableNotHeld']));
  });

  it('pdftotext -layout of the landscape page: a line of tails under the line of their heads (「773 5663 … 418 291」 over 「2 9 00」) joined in order', async () => {
    const { r, want } = await readFixture('fresh-city-big-2025.site-full-width.landscape.pdftotext-layout.txt', 'fresh-city-big-2025');
    expect(unflaggedWrong(r, want)).toEqual([]);
    // 一、本年新收 7732 … 29100, 二、上年结转 1851 … 2534, （七）总计 9583 … 31194: every figure of the row read, none flagged.
    for (const row of ['newReceived', 'carriedOver', 'resultTotal'])
      for (let c = 0; c < 7; c++) {
        const path = `requests.${row}.${c}`;
        expect(r.uncertain).not.toContain(path);
        expect(getCell(r.report, path)).toBe(getCell(want, path));
      }
  });

  it('pdftotext -layout of a table printing 「1 1 1 1 1 1 6」 in every row, two rows’ figures under one label: nothing wrong', async () => {
    const { r, want } = await readFixture('fresh-county-identical-2020.nbsp.chromium.pdftotext-layout.txt', 'fresh-county-identical-2020');
    expect(unflaggedWrong(r, want)).toEqual([]);
  });
});
