/**
 * Table 三 as a PDF viewer copies a Word-made table (`pdftotext` plain of a LibreOffice PDF made by
 * test/fixtures/pdf/word-like/make.py; test/fixtures/text/README.md): every label first, then the
 * figures row by row, except rows without a ruled line between them, which come out column by
 * column. The count-fit tries every such cut (row-blocks.ts) and takes the one reading the rules keep.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { cellsInOrder, countFit, pageTailFigures } from '../../main/import/text/count-fit';
import { blockReadings } from '../../main/import/text/row-blocks';
import { getCell } from '../../report/cells';
import type { Report } from '../../report/types';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const lanxi = () => loadReport(join(TEXTS, 'lanxi-2024.json'));
/**
 * The Word-like documents (test/fixtures/pdf/word-like/make.py) print 「本年度未发生政府信息公开行政复议、
 * 行政诉讼。」 in place of Table 四, whatever the .json says: Table 四 is read as that sentence says (0).
 */
const wrongOutsideTable4 = (r: Parameters<typeof unflaggedWrong>[0], want: Report) => {
  expect(Object.values(r.report.appeals).flat().every((v) => v === 0)).toBe(true);
  return unflaggedWrong(r, want).filter((c) => !c.startsWith('appeals.'));
};

describe('Word-like Table 三 through pdftotext plain', () => {
  for (const file of ['lanxi-2024.word-like.pdftotext.txt', 'lanxi-2024.word-like-p6.pdftotext.txt'])
    it(`${file}: 其他 / 总计 / 结转 given column by column, every cell of Table 三 right and trusted`, async () => {
      const r = await importFile(file, readFileSync(join(TEXTS, file)));
      const want = lanxi();
      expect(wrongOutsideTable4(r, want)).toEqual([]);
      expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
      expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
      expect(r.report.requests.resultTotal).toEqual([2139, 72, 8, 1, 5, 105, 2330]);
    });
});

describe('the last rows at the end of the page, after the next sections (page break inside Table 三)', () => {
  it('pingtan-2022.word-like-p5.pdftotext.txt: 163 figures before 四、, 12 at the page end; read together, all right', async () => {
    const file = 'pingtan-2022.word-like-p5.pdftotext.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(import.meta.dirname, '../../../shared/fixtures/published/pingtan-2022.json'));
    expect(wrongOutsideTable4(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
    expect(r.report.text.other).not.toMatch(/\d\s*\n\s*\d/);
  });

  it('pageTailFigures: only figure lines after the text of the page, up to the page break', () => {
    const text = '0\n0\n四、行政复议\n本年度未发生。\n\n0\n\n2\n75\n\f第二页\n9\n';
    expect(pageTailFigures(text, text.indexOf('四'))).toEqual(['0', '2', '75']);
    expect(pageTailFigures('3\n4\n\f', 0)).toEqual([]);
    expect(pageTailFigures(text, text.indexOf('第二页'))).toEqual(['9']);
  });
});

describe('block readings (pure)', () => {
  const want = lanxi();
  const rows = (cellsInOrder(want.format, 'requests').map((p) => getCell(want, p) as number));
  const nCols = 7;
  /** The rows from `first` on, `size` of them, given column by column. */
  const columnWise = (figures: number[], first: number, size: number) => {
    const out = [...figures];
    for (let j = 0; j < size; j++) for (let c = 0; c < nCols; c++) out[first * nCols + c * size + j] = figures[(first + j) * nCols + c]!;
    return out;
  };

  it('rows given column by column anywhere, in blocks of two or three, read back to the printed table', () => {
    for (const [first, size] of [[22, 3], [12, 2], [0, 2], [10, 3], [16, 2], [2, 4]] as const) {
      const tokens = columnWise(rows, first, size);
      expect(tokens).not.toEqual(rows);
      const fit = countFit(tokens.map(String), want.format, 'requests');
      expect(fit, `rows ${first}…${first + size - 1}`).not.toBeNull();
      for (const [p, v] of fit!) expect(v, p).toBe(String(getCell(want, p)));
    }
  });

  it('readings are told apart by their figures: all-zero rows cut any way are one reading', () => {
    const zeros = rows.map(() => 0);
    expect(blockReadings(zeros, want.format)).toHaveLength(1);
  });

  it('a block that breaks a row total is no reading; figures out of any block order are no answer', () => {
    const tokens = columnWise(rows, 22, 3);
    [tokens[0], tokens[1]] = [tokens[1]!, tokens[0]!];
    expect(countFit(tokens.map(String), want.format, 'requests')).toBeNull();
    expect(blockReadings(rows.slice(1), want.format)).toBeNull();
  });
});
