/**
 * Wrong cells the third holdout corpus (test/import/holdout/make-fresh.ts, /work/holdout-fresh) found,
 * each on a fixture with its true figures. (The PDF ones are in pdf-wrapped-figures.test.ts.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from './helpers';
import { tallyOne } from './tally';

const TEXT = join(import.meta.dirname, '../fixtures/text');

describe('the fresh holdout corpus: cells once read wrong', () => {
  // pdftotext -nopgbrk of LibreOffice's PDF of the &nbsp; page (gov-2019 township): Table 二's figures
  // stand before their labels (「上一年项目数量 本年增/减 处理决定数量 22 47 280 第二十条第（五）项 信息内容
  // 行政许可 0 0 0 …」), and without the form feeds the text did not pass for a PDF viewer's: 行政许可
  // took 其他对外管理服务事项's 0 0 0 for its 22 47 280. Figures that no row's label is followed by
  // now mark the text as out of order, and rows whose figures are not on their label's line are flagged.
  it('pdftotext -nopgbrk: Table 二 rows whose figures are out of order are flagged, none read wrong', async () => {
    const want = loadReport(join(TEXT, 'fresh-township-2020.json'));
    const t = await tallyOne(join(TEXT, 'fresh-township-2020.nbsp.libreoffice-html.pdftotext-nopgbrk.txt'), want);
    expect(t.wrongCells).toEqual([]);
    const active = await tallyOne(join(TEXT, 'fresh-township-2020.nbsp.libreoffice-html.pdftotext-nopgbrk.txt'), want, ['active.licensing.']);
    expect(active.flagged).toBe(3);
  });
});
