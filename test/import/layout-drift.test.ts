/**
 * Property (issue 18, first demand: never a figure read wrong without a flag): pdftotext -layout
 * moves a figure a few characters from row to row. For every -layout fixture with true figures,
 * every figure of Tables 三/四 moved ±1…±6 characters within its gap (never past another token),
 * and every row of figures moved as a whole (layout-drift.ts), is imported and compared with the
 * true report. A shift "reads wrong" when any cell differs from the true one without a flag.
 *
 * The property holds for Table 三 (no shift of any size reads one of its cells wrong, asserted); for
 * Table 四 it does not yet, and this test measures it as a ratchet (lower the ceilings as the readers
 * improve, never raise them). `DRIFT_COUNTS=1` prints each fixture's counts.
 * - Latest: a cell decided by the rules from unsure cells was itself left unflagged (infer.ts: T3-1
 *   gave 四、结转下年度 from a flagged 二、上年结转 read a column off, and the rule that could have caught
 *   it was spent); now only sure cells decide others: lanxi nbsp-paragraphs 3 → 0, the last Table 三
 *   cases (fixture copies 5109 → 5102).
 * - Since the lead's last round: a row placed by position alone is read only where a rule checks its
 *   columns (requests.ts `unchecked`; T3-2 needs every outcome row read). That took Table 三's
 *   drift to 0 wherever a row is unread (lanxi 29 → 0, nbsp-paragraphs 33 → 3, chromium-60 11 → 0,
 *   zoom 7 → 0, rand-city-2019 14 → 8 and its 2-character case 1 → 0), at a cost in reads (fixture
 *   copies 5298 → 5109, holdout copy 76.7 → 75.5 %). What is left is mostly Table 四's one row
 *   (no column sums inside a group) and tables where every rule holds around a moved figure.
 * - A figure standing off its column by more than twice the page's own spread (how far the other
 *   rows' figures under the same header stand off theirs) plus a quarter character is read only where
 *   a rule confirms its row (layout-spread.ts, import-drift2). Measured from the header's column
 *   centres (four other rows or more): lanxi 77 → 44, nbsp-paragraphs 47 → 42, qingshi 9 → 6,
 *   pingtan 7 → 6; and, finer, from where the other rows print each column's figures (left end,
 *   centre or right end, whichever suits the figure; six other rows or more, at least ¾ character;
 *   a figure right after a long label may stand left, pushed by it): lanxi 44 → 29, nbsp-paragraphs
 *   42 → 33. Neither costs a cell read right on the holdout. What is left is mostly a figure moved a
 *   whole column or within a character of one (Table 三's columns stand 3–5 characters apart in
 *   these PDFs): it then stands where the neighbour's own figure would, and position cannot tell
 *   them apart. Only a rule (T3-2 column sums, T3-1) can, and in a table with
 *   a wrapped row left unread no rule checks the column, so the figure is read as printed.
 * - Table 四's one data row has no column sums inside a group: a figure moved ⅔ of its narrow
 *   column is read in the neighbour's even at 1–2 characters (`small4`). Its columns stand three
 *   characters apart in these Chromium PDFs, so a figure moved two characters stands nearer the
 *   neighbour's column than its own (qingshi's one `small4` left): the place says the neighbour. A
 *   whole row moved one character read wrong because the right reading needed a stretch of the
 *   header beyond what pdftotext gives (1.12): a reading that fits about as well under any stretch
 *   from 0.85 to 1.25 now keeps the row flagged (appeals-layout.ts RIVAL_STRETCH; pingtan 5 → 2,
 *   qingshi 6 → 5, holdout-fresh −4 cells). What is left of Table 四 (pingtan blank-zeros 9,
 *   chromium-print 10) are figures moved three characters or more: a whole column, the neighbour's
 *   place exactly, a different report as far as the text can tell.
 * - Every -layout text is also read without places (layout-second.ts); where that reading is
 *   sure of a cell the places read otherwise, the cell is flagged (pingtan nbsp.chromium 5 → 4).
 * - Drift of 1–2 characters reads a Table 三 cell wrong once: rand-city-2019's 「6.属于四类过程性
 *   信息」 5 moved 2 right reads under 科研机构 (`smallT3`).
 * Tried and not kept (the holdout's right-rate may not fall, and these made it fall):
 * - a second reading (the neighbour column) for a figure more than 2 characters or 0.25–0.4 of the
 *   pitch from its column's centre: fixes the 2-character case, but chromium-pdf/nbsp 97.3 → 91.8 %
 *   at 0.25, and at 0.4 the rules chose a wrong reading among the extra ones (3 cells wrong,
 *   rand-city-2024 chromium-60): more readings are only safe where a rule checks every column;
 * - a fixed tolerance (0.3 pitch, at most 2 characters) from header centres or full rows' right
 *   edges (import-drift): lanxi 77 → 0 but chromium-pdf/nbsp 97.3 → 93.3 %, print-dialog
 *   68.9 → 57.6 %: real rows drift 2–3 characters on zoomed, 60 % and print pages;
 * - the learnt spread (import-drift2) at 1–1.5 times instead of 2 on header centres: lanxi
 *   44 → 28, but 7–82 cells read right on the holdout flagged (a right-aligned Word table's figures
 *   1.5 characters off where its other rows stand within 1; a zoomed page's squeezed figures 2–3
 *   off); the finer measure without the ¾-character floor, or on four other rows: 35–63 cells lost
 *   (a clean page's spread is 0; lanxi's Word-like table has five rows); without the pushed-figure
 *   exception: 7 lost (lanxi zoom 「1.本机关不掌握… 548 37 2」); judging a figure only when it leans
 *   towards a column its row leaves free (a figure cannot pass its neighbours): lanxi 47–59,
 *   weaker, and still 7–42 cells lost; the finer measure taken relative to the row's own median
 *   shift (whole rows drift): no change once pushed figures are excepted, so not kept.
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
  ['pingtan-2022.nbsp.chromium.pdftotext-layout.txt', () => expected('pingtan-2022'), 2, 0, 0],
  ['lanxi-2024.nbsp.chromium.pdftotext-layout.txt', lanxi, 0, 0, 0],
  ['lanxi-2024.nbsp-paragraphs.chromium.pdftotext-layout.txt', lanxi, 0, 0, 0],
  ['rand-city-2019.zeros.chromium.pdftotext-layout.txt', city19, 0, 0, 0],
  ['rand-city-2019.nbsp.chromium.pdftotext-layout.txt', city19, 8, 0, 0],
  ['rand-city-2019.nbsp.libreoffice-html.pdftotext-layout.txt', city19, 0, 0, 0],
  ['rand-city-2022.nbsp-paragraphs.chromium.pdftotext-layout.txt', () => loadReport(join(TEXTS, 'rand-city-2022.json')), 0, 0, 0],
  ['qingshi-2023.nbsp.chromium.pdftotext-layout.txt', qingshi23, 5, 0, 1],
  ['qingshi-2023.nbsp.chromium-print.pdftotext-layout.txt', qingshi23, 5, 0, 1],
  ['pingtan-2022.nbsp.chromium-print.pdftotext-layout.txt', () => expected('pingtan-2022'), 10, 0, 0],
  ['rand-city-2019.nbsp.chromium-zoom.pdftotext-layout.txt', city19, 0, 0, 0],
  // 0 on the import-drift branch; 11 once import-layout's second round (split labels, borrowed page
  // columns) was merged: those readings take more drifted figures. The next round starts here.
  ['lanxi-2024.nbsp.chromium-60.pdftotext-layout.txt', lanxi, 0, 0, 0],
];

describe('figures drifting in pdftotext -layout text are read right or flagged', () => {
  for (const [file, want, ceiling, table3Small, table4Small] of CASES)
    it(file, () => {
      const text = readFileSync(join(TEXTS, file), 'utf8');
      const truth = want();
      expect(unflaggedWrong(importText(text), truth)).toEqual([]);
      const smallT3: string[] = [];
      const anyT3: string[] = [];
      let wrong = 0;
      let small4 = 0;
      let shifts = 0;
      for (const s of drifts(text)) {
        shifts++;
        const w = unflaggedWrong(importText(s.text), truth);
        if (!w.length) continue;
        wrong++;
        const d = Math.abs(Number(/ ([+-]\d+):/.exec(s.what)![1]));
        if (w.some((c) => c.startsWith('requests.'))) anyT3.push(`${s.what} → ${w.join(', ')}`);
        if (d <= 2 && w.some((c) => c.startsWith('requests.'))) smallT3.push(`${s.what} → ${w.join(', ')}`);
        if (d <= 2 && w.some((c) => c.startsWith('appeals.'))) small4++;
      }
      expect(shifts).toBeGreaterThan(40);
      expect(smallT3.length, smallT3.join('\n')).toBeLessThanOrEqual(table3Small);
      // Table 三 holds the property outright: no shift of any size reads one of its cells wrong.
      expect(anyT3, anyT3.join('\n')).toEqual([]);
      expect(small4).toBeLessThanOrEqual(table4Small);
      if (process.env.DRIFT_COUNTS) console.log(`DRIFT ${file} ${wrong} ${smallT3.length} ${small4}`);
      expect(wrong).toBeLessThanOrEqual(ceiling);
    }, 240_000);
});
