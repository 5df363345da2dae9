/**
 * Table 二 column by column, each header followed by its figures, as `pdftotext` plain gives
 * Chromium's PDF of our 「复制到网站」 page (test/fixtures/text/README.md): read by the header each
 * run of figures follows (active-headers.ts), then checked like any in-order reading (active-fit.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { figuresUnderHeaders } from '../../main/import/text/active-headers';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('Table 二 through pdftotext plain of a Chromium PDF', () => {
  const cases = [
    ['pingtan-2022.zeros.chromium.pdftotext.txt', join(import.meta.dirname, '../../../shared/fixtures/published/pingtan-2022.json')],
    ['lanxi-2024.zeros.chromium.pdftotext.txt', join(TEXTS, 'lanxi-2024.json')],
  ] as const;
  for (const [file, expected] of cases)
    it(`${file}: every cell of Table 二 right and trusted (本年制发件数 0 88 … 现行有效件数 0 698)`, async () => {
      const r = await importFile(file, readFileSync(join(TEXTS, file)));
      const want = loadReport(expected);
      expect(unflaggedWrong(r, want)).toEqual([]);
      expect(cellDiffs(r.report, want).filter((d) => d.startsWith('active.'))).toEqual([]);
      expect(r.uncertain.filter((p) => p.startsWith('active.'))).toEqual([]);
    });
});

describe('figuresUnderHeaders (pure)', () => {
  const span = (s: string) => s.replace(/ /g, '\n\n');
  it('each header takes the figures after it, block by block and row by row, into cell order', () => {
    const text = span('规章 行政规范性文件 信息内容 本年制发件数 0 6 第二十条第（五）项 本年废止件数 0 4 本年处理决定数量 3571 本年处理决定数量 148 0 现行有效件数 0 117 本年收费金额（单位：万元） 1.25');
    expect(figuresUnderHeaders(text, 'gov-2021')).toEqual(['0', '0', '0', '6', '4', '117', '3571', '148', '0', '1.25']);
  });

  it('headers printed together before their figures, a figure after a word that is no header, or a count off: no reading', () => {
    expect(figuresUnderHeaders(span('本年制发件数 本年废止件数 0 0 1 0 本年处理决定数量 12 本年处理决定数量 3 0 现行有效件数 0 4 本年收费金额（单位：万元） 0'), 'gov-2021')).toBeNull();
    expect(figuresUnderHeaders(span('规章 0 0 0 本年处理决定数量 12 3 0 本年收费金额（单位：万元） 0'), 'gov-2021')).toBeNull();
    expect(figuresUnderHeaders(span('本年制发件数 0 6 本年废止件数 0 4 本年处理决定数量 3571 148 0 现行有效件数 0 117 7 本年收费金额（单位：万元） 0'), 'gov-2021')).toBeNull();
  });
});
