/**
 * Figures wrapped inside their cells in pdftotext -layout text (wrapped-layout.ts): joined onto their
 * row where the row's own rule confirms the join, left as printed (and flagged downstream) otherwise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { joinWrappedLayout } from '../../main/import/text/wrapped-layout';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const figures = (line: string) => line.trim().split(/\s+/).filter((t) => /^\d+$/.test(t));

/** 一、本年新收 with 1404, 805, 892 and 3760 wrapped, centred on the row (holdout-fresh, narrow figure columns). */
const CENTRED = [
  '                       140              80         89    376',
  '一、本年新收政府信息公开申请数量             245   228     186',
  '                         4               5          2     0',
];

describe('halves of wrapped figures joined onto their row', () => {
  it('centred: the upper and lower halves join on the middle line, in their columns', () => {
    const out = joinWrappedLayout(CENTRED.join('\n')).split('\n');
    // pdftotext puts every character, CJK too, in one column: 245 and 228 stand left of 80.
    expect(figures(out[1]!)).toEqual(['1404', '245', '228', '805', '186', '892', '3760']);
    expect(out[0]!.trim()).toBe('');
    expect(out[2]!.trim()).toBe('');
  });

  it('top-aligned: the last digits below one figure of a row that does not add up as printed', () => {
    const rows = ['        3.补正后申请内容仍不明   0     0     0     22   0    0     225', '        确                                 5'];
    const out = joinWrappedLayout(rows.join('\n')).split('\n');
    expect(figures(out[0]!)).toEqual(['0', '0', '0', '225', '0', '0', '225']);
    expect(out[1]!.trim()).toBe('确');
  });

  it('nothing joined when the joined row does not add up, or the line below is a row of its own', () => {
    const off = [CENTRED[0]!, CENTRED[1]!, CENTRED[2]!.replace('0', '1')].join('\n');
    expect(joinWrappedLayout(off)).toBe(off);
    const below = ['  1.属于国家秘密   0     0     0     22   0    0     225', '  2.重复申请                              5'].join('\n');
    expect(joinWrappedLayout(below)).toBe(below);
    // A row that adds up as printed keeps its figures; the 5 below is another row's.
    const whole = ['  3.其他   0     0     0     22   0    0     22', '                                   5'].join('\n');
    expect(joinWrappedLayout(whole)).toBe(whole);
  });

  it('every cell of a row wrapped: the halves above and below its label join onto the label’s line', () => {
    const bare = [
      '                         773   56    416 49 241        418   291',
      '一、本年新收政府信息公开申请数量',
      '                          2    63     7  37  2          9     00',
    ];
    const out = joinWrappedLayout(bare.join('\n')).split('\n');
    expect(out[1]!.startsWith('一、本年新收政府信息公开申请数量')).toBe(true);
    expect(figures(out[1]!)).toEqual(['7732', '5663', '4167', '4937', '2412', '4189', '29100']);
    expect(figures(out[0]!)).toEqual([]);
    expect(figures(out[2]!)).toEqual([]);
    // Two rows of 「1 1 1 1 1 1 6」 around a label with none: either keeps the rule alone, so no join (11 … 66 would too).
    const two = ['                1   1   1   1   1   1   6', '  3.补正后申请内容仍不明确', '                1   1   1   1   1   1   6'].join('\n');
    expect(joinWrappedLayout(two)).toBe(two);
    // A label running into the figures' columns: no room to write the row on its line.
    const long = [bare[0]!, '一、本年新收政府信息公开申请数量一、本年新收政府信息公开', bare[2]!].join('\n');
    expect(joinWrappedLayout(long)).toBe(long);
  });

  it('a Word table with narrow figure columns through pdftotext -layout: Table 三 read whole and right', () => {
    const want = loadReport(join(TEXTS, 'fresh-city-big-2025.json'));
    const r = importText(readFileSync(join(TEXTS, 'fresh-city-big-2025.word-like-narrow-figures.pdftotext-layout.txt'), 'utf8'));
    // The document prints 「本年度未发生…行政复议、行政诉讼」 in place of Table 四 (read as 0, as it says).
    expect(unflaggedWrong(r, want).filter((c) => !c.startsWith('appeals.'))).toEqual([]);
    expect(r.report.requests.notProcessedPublication).toEqual([0, 0, 0, 0, 0, 1208, 1208]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.notProcessedPublication'))).toEqual([]);
    // 一、本年新收 and （七）总计 with every cell wrapped round their label: read, nothing of Table 三 flagged.
    expect(r.report.requests.newReceived).toEqual(want.requests.newReceived);
    expect(r.report.requests.resultTotal).toEqual(want.requests.resultTotal);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
  });
});
