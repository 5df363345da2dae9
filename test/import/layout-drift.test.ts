/**
 * Property (issue 18, first demand: never a figure read wrong without a flag): pdftotext -layout
 * moves a figure a few characters from row to row. For every -layout fixture with true figures,
 * every figure of Tables 三/四 moved ±1…±6 characters within its gap (never past another token),
 * and every row of figures moved as a whole (layout-drift.ts), is imported and compared with the
 * true report. A shift "reads wrong" when any cell differs from the true one without a flag.
 *
 * The property does NOT hold yet; this test measures it and is a ratchet (lower the ceilings as
 * the readers improve, never raise them):
 * - Three to six characters is a whole column or more in these PDFs (Table 三's columns stand 4–5
 *   characters apart, Table 四's about 3): the figure then stands where the neighbour's own figure
 *   would, and position cannot tell them apart. Only a rule (T3-2 column sums, T3-1) can, and in
 *   a table with a wrapped row left unread no rule checks the column, so the figure is read as
 *   printed (lanxi's Chromium -layout texts: 77 and 47 such shifts).
 * - Table 四's one data row has no column sums inside a group: a figure moved ⅔ of its narrow
 *   column is read in the neighbour's even at 1–2 characters (`small4`).
 * - Drift of 1–2 characters reads a Table 三 cell wrong once: rand-city-2019's 「6.属于四类过程性
 *   信息」 5 moved 2 right reads under 科研机构 (`smallT3`).
 * Tried and not kept (import-drift branch; the holdout's right-rate may not fall, and these made it fall):
 * - a second reading (the neighbour column) for a figure more than 2 characters or 0.25–0.4 of the
 *   pitch from its column's centre: fixes the 2-character case, but chromium-pdf/nbsp 97.3 → 91.8 %
 *   at 0.25, and at 0.4 the rules chose a wrong reading among the extra ones (3 cells wrong,
 *   rand-city-2024 chromium-60): more readings are only safe where a rule checks every column;
 * - a row with a figure off its column by > 0.3 pitch (at most 2 characters) read only where a
 *   rule confirms it (layout-confirm.ts's weak rows), measured on header centres: lanxi 77 → 28,
 *   47 → 28, no new wrong, but chromium-pdf/nbsp 97.3 → 91.0 %, print-dialog 68.9 → 56.2 %;
 *   measured on the right edges of rows printed in full (figures end together in a cell): lanxi
 *   77 → 0, 47 → 0, zoom 7 → 0, rand-city 14 → 11 (the 2-character case gone), still 0 wrong over
 *   the holdout, but chromium-pdf/nbsp 97.3 → 93.3 %, print-dialog 68.9 → 57.6 %, -60 66.5 → 62.5 %
 *   (real rows drift farther than that from full rows' edges). The right edge is the measure to
 *   build on; what it needs is a per-page tolerance learnt from the rows the rules do confirm.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import type { Report } from '../../report/types';
import { expected, loadReport, SHARED, unflaggedWrong } from './helpers';
import { drifts } from './layout-drift';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const lanxi = () => loadReport(join(TEXTS, 'lanxi-2024.json'));
const city19 = () => loadReport(join(TEXTS, 'rand-city-2019.json'));
const qingshi23 = () => loadReport(join(SHARED, 'reports/qingshi-2023.json'));

/**
 * [fixture, true figures, ceilings: shifts reading a cell wrong (any size), Table 三 shifts of 1–2
 * characters reading wrong, Table 四 shifts of 1–2 reading wrong] — measured on this branch.
 */
const CASES: [string, () => Report, number, number, number][] = [
  ['pingtan-2022-blank-zeros.pdftotext-layout.txt', () => expected('pingtan-2022'), 9, 0, 0],
  ['lanxi-2024.pdftotext-layout.txt', lanxi, 0, 0, 0],
  ['pingtan-2022.nbsp.chromium.pdftotext-layout.txt', () => expected('pingtan-2022'), 7, 0, 2],
  ['lanxi-2024.nbsp.chromium.pdftotext-layout.txt', lanxi, 77, 0, 0],
  ['lanxi-2024.nbsp-paragraphs.chromium.pdftotext-layout.txt', lanxi, 47, 0, 0],
  ['rand-city-2019.zeros.chromium.pdftotext-layout.txt', city19, 0, 0, 0],
  ['rand-city-2019.nbsp.chromium.pdftotext-layout.txt', city19, 14, 1, 0],
  ['rand-city-2019.nbsp.libreoffice-html.pdftotext-layout.txt', city19, 0, 0, 0],
  ['rand-city-2022.nbsp-paragraphs.chromium.pdftotext-layout.txt', () => loadReport(join(TEXTS, 'rand-city-2022.json')), 0, 0, 0],
  ['qingshi-2023.nbsp.chromium.pdftotext-layout.txt', qingshi23, 9, 0, 2],
  ['qingshi-2023.nbsp.chromium-print.pdftotext-layout.txt', qingshi23, 6, 0, 2],
  ['pingtan-2022.nbsp.chromium-print.pdftotext-layout.txt', () => expected('pingtan-2022'), 10, 0, 0],
  ['rand-city-2019.nbsp.chromium-zoom.pdftotext-layout.txt', city19, 7, 0, 0],
  // 0 on the import-drift branch; 11 once import-layout's second round (split labels, borrowed page
  // columns) was merged: those readings take more drifted figures. The next round starts here.
  ['lanxi-2024.nbsp.chromium-60.pdftotext-layout.txt', lanxi, 11, 0, 0],
];

describe('figures drifting in pdftotext -layout text are read right or flagged', () => {
  for (const [file, want, ceiling, table3Small, table4Small] of CASES)
    it(file, () => {
      const text = readFileSync(join(TEXTS, file), 'utf8');
      const truth = want();
      expect(unflaggedWrong(importText(text), truth)).toEqual([]);
      const smallT3: string[] = [];
      let wrong = 0;
      let small4 = 0;
      let shifts = 0;
      for (const s of drifts(text)) {
        shifts++;
        const w = unflaggedWrong(importText(s.text), truth);
        if (!w.length) continue;
        wrong++;
        const d = Math.abs(Number(/ ([+-]\d+):/.exec(s.what)![1]));
        if (d <= 2 && w.some((c) => c.startsWith('requests.'))) smallT3.push(`${s.what} → ${w.join(', ')}`);
        if (d <= 2 && w.some((c) => c.startsWith('appeals.'))) small4++;
      }
      expect(shifts).toBeGreaterThan(40);
      expect(smallT3.length, smallT3.join('\n')).toBeLessThanOrEqual(table3Small);
      expect(small4).toBeLessThanOrEqual(table4Small);
      expect(wrong).toBeLessThanOrEqual(ceiling);
    }, 60_000);
});
