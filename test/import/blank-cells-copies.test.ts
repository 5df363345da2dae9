/**
 * Pages that leave a zero's cell empty (`<td></td>`: the widened holdout's `site-empty-td` shape,
 * test/import/holdout/site-shapes.ts), as the page itself and as a browser copies it. Each blank is
 * a cell printed blank, so it is read as 0 in its own column:
 * - the page: Table 四's one data row with every cell empty was dropped as a spacer (15 cells unread);
 * - Chromium innerText: 「行政许可\t」, a row whose one cell is blank, was read as a row with no figure;
 *   「规章\t1653\t\t」 was cut into several readings (16 | 53 …) and flagged;
 * - Chromium's selection text leaves out a row's leading blank cells (「1\t1\t\t2…」 for 「\t1\t1\t\t2…」):
 *   Table 四's row, short of cells, was not read. The missing blanks are tried first and last, and the
 *   group sums choose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { expected, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('blank cells of a page and its browser copies keep their columns', () => {
  for (const [file, want] of [
    ['mengxi-2024.site-empty-td.html', () => loadReport(join(TEXTS, 'mengxi-2024.json'))],
    ['mengxi-2024.site-empty-td.innertext.txt', () => loadReport(join(TEXTS, 'mengxi-2024.json'))],
    ['rand-city-2019.site-empty-td.innertext.txt', () => loadReport(join(TEXTS, 'rand-city-2019.json'))],
    ['pingtan-2022.site-empty-td.selection.txt', () => expected('pingtan-2022')],
  ] as const)
    it(`${file}: every table read right, nothing flagged`, async () => {
      const r = await importFile(file, readFileSync(join(TEXTS, file)));
      const truth = want();
      expect(unflaggedWrong(r, truth)).toEqual([]);
      expect(r.uncertain).toEqual([]);
      expect(r.report.active).toEqual(truth.active);
      expect(r.report.requests).toEqual(truth.requests);
      expect(r.report.appeals).toEqual(truth.appeals);
    });
});
