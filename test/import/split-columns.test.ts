/**
 * Table 三 cut in two (split-columns.ts): pdftotext plain of Chromium's PDF of our wide page gives
 * 自然人 … 法律服务机构 row by row under Table 三's heading and 其他 / 总计 only after Table 四's
 * heading, in column-by-column blocks. Both parts are bound by every row's total and the table rules.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { cellsInOrder } from '../../main/import/text/count-fit';
import { splitColumnsFit } from '../../main/import/text/split-columns';
import { getCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import type { Report } from '../../report/types';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('Table 三 whose 其他 / 总计 columns come out under Table 四’s heading', () => {
  for (const name of ['rand-county-2023', 'rand-county-2020'])
    it(`${name}.zeros.chromium.pdftotext.txt: Tables 三 and 四 all right, nothing flagged`, async () => {
      const file = `${name}.zeros.chromium.pdftotext.txt`;
      const r = await importFile(file, readFileSync(join(TEXTS, file)));
      const want = loadReport(join(TEXTS, `${name}.json`));
      expect(unflaggedWrong(r, want)).toEqual([]);
      expect(cellDiffs(r.report, want).filter((d) => /^(requests|appeals)\./.test(d))).toEqual([]);
      expect(r.uncertain.filter((p) => /^(requests|appeals)\./.test(p))).toEqual([]);
    });
});

describe('one row of the left part turned round (「三、」 between its figures)', () => {
  it('lanxi-2024.zeros.chromium.pdftotext.txt: 「2 0 1 … 548 37」 read as 548 37 2 0 1; Tables 三 and 四 all right', async () => {
    const file = 'lanxi-2024.zeros.chromium.pdftotext.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'lanxi-2024.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => /^(requests|appeals)\./.test(d))).toEqual([]);
    expect(r.uncertain.filter((p) => /^(requests|appeals)\./.test(p))).toEqual([]);
    expect(r.report.requests.unavailableNotHeld).toEqual([548, 37, 2, 0, 1, 6, 594]);
  });
});

describe('splitColumnsFit (pure)', () => {
  const want = loadReport(join(TEXTS, 'rand-county-2023.json'));
  const def = getFormat(want.format);
  const rows = def.requests.rows.map((row) => def.requests.columns.map((_, c) => getCell(want, `requests.${row.key}.${c}`) as number));
  const appeals = cellsInOrder(want.format, 'appeals').map((p) => String(getCell(want, p)));
  const left = rows.flatMap((row) => row.slice(0, 5)).map(String);
  /** 其他 and 总计 of rows [from, to) column by column. */
  const block = (from: number, to: number) => [5, 6].flatMap((c) => rows.slice(from, to).map((row) => String(row[c])));
  const n = rows.length;
  const readsBack = (fit: Map<string, string>, report: Report) => [...fit].every(([p, v]) => v === String(getCell(report, p)));

  it('one block of 20 rows, then rows two by two or one by one: read back to the printed table', () => {
    for (const right of [block(0, n), [...block(0, 20), ...block(20, 22), ...block(22, n)], [...block(0, 3), ...block(3, n)]]) {
      const got = splitColumnsFit(left, [...right, ...appeals], want.format);
      expect(got).not.toBeNull();
      expect(readsBack(got!.fit, want)).toBe(true);
      expect(got!.rest).toEqual(appeals);
    }
  });

  it('counts that do not vouch for the parts, or 其他 / 总计 swapped, are no reading', () => {
    const right = block(0, n);
    expect(splitColumnsFit(left.slice(1), [...right, ...appeals], want.format)).toBeNull();
    expect(splitColumnsFit(left, [...right, ...appeals.slice(1)], want.format)).toBeNull();
    expect(splitColumnsFit(left, [...right.slice(n), ...right.slice(0, n), ...appeals], want.format)).toBeNull();
  });

  it('one row turned round is read back; two rows turned, or a turn of a row that the rules cannot tell, are no reading', () => {
    const turn = (rows: string[], r: number, k: number) => rows.map((x, i) => (Math.floor(i / 5) === r ? rows[r * 5 + ((i % 5) + k) % 5]! : x));
    const right = [...block(0, n), ...appeals];
    const row = def.requests.rows.findIndex((x) => x.key === 'newReceived');
    const one = turn(left, row, 2);
    expect(one).not.toEqual(left);
    const got = splitColumnsFit(one, right, want.format);
    expect(got).not.toBeNull();
    expect(readsBack(got!.fit, want)).toBe(true);
    const granted = def.requests.rows.findIndex((x) => x.key === 'granted');
    expect(splitColumnsFit(turn(one, granted, 1), right, want.format)).toBeNull();
  });

  it('two rows of the left part swapped break the column rules: no reading', () => {
    const swapped = [...left.slice(0, 5 * 2), ...left.slice(5 * 3, 5 * 4), ...left.slice(5 * 2, 5 * 3), ...left.slice(5 * 4)];
    expect(swapped).not.toEqual(left);
    expect(splitColumnsFit(swapped, [...block(0, n), ...appeals], want.format)).toBeNull();
  });
});

describe('Table 三 whose figures all come out under Table 四’s heading', () => {
  // test/import/holdout/make-widen.ts's word-like-kaiti-12pt way: a Word-made Table 三 in 12pt 楷体
  // (Table 三 only) → LibreOffice PDF → pdftotext plain. The labels fill the page, and every one of
  // the 175 figures is printed after 「四、政府信息公开行政复议、行政诉讼情况」.
  it('mengxi-2024.word-like-kaiti-12pt.pdftotext.txt: Table 三 all right, nothing flagged', async () => {
    const file = 'mengxi-2024.word-like-kaiti-12pt.pdftotext.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'mengxi-2024.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
  });
});
