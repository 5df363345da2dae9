/**
 * Table 二 column by column, each header followed by its figures, as `pdftotext` plain gives
 * Chromium's PDF of our 「复制到网站」 page (test/fixtures/text/README.md): read by the header each
 * run of figures follows (active-headers.ts), then checked like any in-order reading (active-fit.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { activeFit } from '../../main/import/text/active-fit';
import { figuresUnderHeaders } from '../../main/import/text/active-headers';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('Table 二 through pdftotext plain of a Chromium PDF', () => {
  const cases = [
    ['pingtan-2022.zeros.chromium.pdftotext.txt', join(import.meta.dirname, '../../../shared/fixtures/published/pingtan-2022.json')],
    ['lanxi-2024.zeros.chromium.pdftotext.txt', join(TEXTS, 'lanxi-2024.json')],
    ['shanghai-office-2019.zeros.chromium.pdftotext.txt', join(import.meta.dirname, '../../../shared/fixtures/published/shanghai-office-2019.json')],
  ] as const;
  for (const [file, expected] of cases)
    it(`${file}: every cell of Table 二 right and trusted, unit included`, async () => {
      const r = await importFile(file, readFileSync(join(TEXTS, file)));
      const want = loadReport(expected);
      expect(unflaggedWrong(r, want)).toEqual([]);
      expect(cellDiffs(r.report, want).filter((d) => d.startsWith('active.'))).toEqual([]);
      expect(r.uncertain.filter((p) => p.startsWith('active.'))).toEqual([]);
      expect(r.report.active).toEqual(want.active);
    });
});

describe('figuresUnderHeaders (pure)', () => {
  const span = (s: string) => s.replace(/ /g, '\n\n');
  it('each header takes the figures after it, block by block and row by row, into cell order', () => {
    const text = span('规章 行政规范性文件 信息内容 本年制发件数 0 6 第二十条第（五）项 本年废止件数 0 4 本年处理决定数量 3571 本年处理决定数量 148 0 现行有效件数 0 117 本年收费金额（单位：万元） 1.25');
    expect(figuresUnderHeaders(text, 'gov-2021')).toEqual(['0', '0', '0', '6', '4', '117', '3571', '148', '0', '1.25']);
  });

  it('gov-2019: signed changes and an amount with its unit, glued or apart', () => {
    const text = span('本年新制作数量 13 60 上一年项目数量 4 0 上一年项目数量 5 2 上一年项目数量 1 三、收到 本年新公开数量 13 60 对外公开 总数量 524 368 本年增/减 -2 +3 处理决定数量 7 0 本年增/减 0 0 处理决定数量 0 0 本年增/减 0 采购项目数量 6 采购总金额 0.48 万元');
    const got = figuresUnderHeaders(text, 'gov-2019');
    expect(got?.slice(0, 6)).toEqual(['13', '13', '524', '60', '60', '368']);
    expect(got?.slice(6, 9)).toEqual(['4', '-2', '7']);
    expect(got?.slice(-2)).toEqual(['6', '0.48万元']);
    const fit = activeFit(got!, 'gov-2019', true);
    expect(fit?.get('active.procurement.amount')).toBe('0.48');
    expect(fit?.get('active.procurement.unit')).toBe('万元');
    expect(fit?.get('active.licensing.change')).toBe('-2');
    // In order (no header known), a signed figure or a unit is not read.
    expect(activeFit(got!, 'gov-2019')).toBeNull();
  });

  it('headers printed together before their figures, a figure after a word that is no header, or a count off: no reading', () => {
    expect(figuresUnderHeaders(span('本年制发件数 本年废止件数 0 0 1 0 本年处理决定数量 12 本年处理决定数量 3 0 现行有效件数 0 4 本年收费金额（单位：万元） 0'), 'gov-2021')).toBeNull();
    expect(figuresUnderHeaders(span('规章 0 0 0 本年处理决定数量 12 3 0 本年收费金额（单位：万元） 0'), 'gov-2021')).toBeNull();
    expect(figuresUnderHeaders(span('本年制发件数 0 6 本年废止件数 0 4 本年处理决定数量 3571 148 0 现行有效件数 0 117 7 本年收费金额（单位：万元） 0'), 'gov-2021')).toBeNull();
  });
});
