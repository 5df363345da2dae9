/**
 * Table 四 in `pdftotext -layout` text with blank cells as spaces (issue 18 §2): the data row's
 * figures placed by where they stand under the header's fifteen outcome columns, T4-1 deciding
 * with them; a header that does not stand over its figures gives no reading, never a wrong one.
 * Fixtures: the holdout's ways on the fixture reports (test/fixtures/text/README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { appealsByLayout } from '../../main/import/text/appeals-layout';
import type { Report } from '../../report/types';
import { expected, loadReport, SHARED, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
const appealsRight = (r: { report: Report; uncertain: readonly string[] }, want: Report) =>
  !r.uncertain.some((p) => p.startsWith('appeals.')) && JSON.stringify(r.report.appeals) === JSON.stringify(want.appeals);

const HEADER = [
  '     行政复议                    行政诉讼',
  '                   未经复议直接起诉',
  '结果 结果 其他 尚未 总计 结果 结果                 复议后起诉',
  '维持 纠正 结果 审结           其他 尚未 总计 结果 结果 其他 尚未 总计',
  '               维持 纠正 结果 审结      维持 纠正 结果 审结',
].join('\n');
const show = (rows: (string | null)[][] | null) => rows?.map((v) => v.map((x) => x ?? '.').join(' '));

describe('Table 四 by position in pdftotext -layout text', () => {
  it('Chromium PDF: 「6 6 … 4 4」 under 尚未审结/总计 of the two lawsuit groups', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    const r = importText(text('rand-city-2019.nbsp.chromium.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(appealsRight(r, want)).toBe(true);
  });

  it('print dialog: every group, figures stretched against the header words', () => {
    for (const [file, want] of [
      ['pingtan-2022.nbsp.chromium-print.pdftotext-layout.txt', expected('pingtan-2022')],
      ['qingshi-2023.nbsp.chromium-print.pdftotext-layout.txt', loadReport(join(SHARED, 'reports/qingshi-2023.json'))],
    ] as const) {
      const r = importText(text(file));
      expect(unflaggedWrong(r, want), file).toEqual([]);
      expect(appealsRight(r, want), file).toBe(true);
    }
  });

  it('a header squeezed far left of its figures (LibreOffice): no reading by position, nothing wrong', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    const t = text('rand-city-2019.nbsp.libreoffice-html.pdftotext-layout.txt');
    const r = importText(t);
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('appeals.litigationDirect.3');
  });

  it('one reading where the places and T4-1 leave one; both where a figure stands between two columns', () => {
    // 3 under 结果纠正, 5 under 尚未审结, 8 under 总计 (未经复议直接起诉); 9 8 7 24 (复议后起诉).
    const row = '                   3      5 8 9        8 7 24';
    expect(show(appealsByLayout(`${HEADER}\n${row}\n`, 5, 3))).toEqual(['. . . . . . 3 . 5 8 9 . 8 7 24']);
    // 「3」 halfway between 结果维持 and 结果纠正: both readings kept (the cells are flagged).
    expect(appealsByLayout(`${HEADER}\n${row.replace('                   3', '                 3  ')}\n`, 5, 3)).toHaveLength(2);
    // Totals that do not add up: no reading at all.
    expect(appealsByLayout(`${HEADER}\n${row.replace(' 24', ' 25')}\n`, 5, 3)).toEqual([]);
    // Figures on two lines, tab-separated cells, an uneven header: not read here.
    expect(appealsByLayout(`${HEADER}\n${row}\n  1\n`, 5, 3)).toBeNull();
    expect(appealsByLayout(`${HEADER}\n${row.replace(/ +/g, '\t')}\n`, 5, 3)).toBeNull();
    const words = ['结果', '结果', '其他', '尚未', '总计'];
    const even = [...words, ...words, ...words].join(' ');
    expect(appealsByLayout(`${even}\n${row}\n`, 5, 3)).not.toBeNull();
    // The same words with one gap four times the others (a zoomed page pushes words about).
    expect(appealsByLayout(`${even.replace('总计 结果', '总计          结果')}\n${row}\n`, 5, 3)).toBeNull();
  });
});
