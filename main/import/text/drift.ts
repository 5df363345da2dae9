/**
 * Figures drifting off their labels in running text (pdftotext's plain text of a landscape or Calc
 * PDF): a cell's figures are centred against its label, so a row whose label wraps, or a group label
 * printed between lines, puts one row's figures before its label, after the previous row's. Then one
 * row holds two rows' figures, and the rows after it each read their successor's figures until a row
 * with none (or a label not found) closes the drift. Those rows between read a full, rule-keeping
 * row of figures — but another row's (holdout-widen: 「1.本机关不掌握相关政府信息」 reading
 * 「2.没有现成信息需要另行制作」's 2082 … 3238; 「3.其他」 reading （七）总计's; in -layout text of a Word
 * table writing 「—」 for zero, 「8.属于行政查询事/项」 wrapped around its own row of 「—」 reading the
 * next row's 1 … 2, whose label was not found). The rows between the surplus and the gap are
 * flagged (and the surplus row when the gap's label was not found); which row the figures are is
 * not decided here.
 */
import { finding } from '../../../report/checks/helpers';
import type { Finding } from '../../../report/types';
import { ZERO_MARK } from './count-fit';
import type { RowRead } from './rows';
import { readByJoins } from './wrapped-joins';

/** A drift closes within this many rows; farther apart, a surplus and a gap are not one drift. */
const MAX_SPAN = 4;

/** Cells printed in a row's segment: figures, and the marks a page prints for zero (「—」 「-」 「/」). */
const figureCount = (r: RowRead): number =>
  r.raw.split(/[\s\u00a0\u3000]+/).filter((t) => /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?件?$/.test(t) || ZERO_MARK.test(t)).length;
/** A row read from a grid (markdown, tabs, pipes): its cells cannot drift to another row. */
const gridRow = (r: RowRead): boolean => /[|\t]/.test(r.segment ?? r.raw);

/** Ids of the rows between a row with another row's figures too and a row with none (and that row, when the other's label is not found). */
export function driftedRows(rows: readonly RowRead[]): Set<string> {
  // Pieces of figures wrapped in their cells, all joined one way only (wrapped-joins.ts), are the row's own.
  const surplus = (r: RowRead) => !!r.hit && !gridRow(r) && figureCount(r) >= 2 * r.spec.width && !readByJoins(r.candidates);
  const gap = (r: RowRead) => !r.hit || (!gridRow(r) && figureCount(r) === 0);
  const out = new Set<string>();
  rows.forEach((r, i) => {
    if (!surplus(r)) return;
    for (const step of [1, -1]) {
      const between: string[] = [];
      for (let j = i + step; j >= 0 && j < rows.length && Math.abs(j - i) <= MAX_SPAN; j += step) {
        if (gap(rows[j]!)) {
          // A gap whose label was not found: the surplus row's other figures have no row to go to, so
          // which are its own is not known either. (A found row with none is shared-runs.ts's to split.)
          [...(rows[j]!.hit ? [] : [r.spec.id]), ...between].forEach((id) => out.add(id));
          break;
        }
        if (gridRow(rows[j]!)) break;
        between.push(rows[j]!.spec.id);
      }
    }
  });
  return out;
}

/** Flags the drifted rows' cells (paths by `pathOf`) and says why. */
export function flagDrift(rows: readonly RowRead[], uncertain: Set<string>, pathOf: (id: string, c: number) => string, labelOf: (id: string) => string): Finding[] {
  const drifted = rows.filter((r) => driftedRows(rows).has(r.spec.id));
  if (!drifted.length) return [];
  const cells = drifted.flatMap((r) => Array.from({ length: r.spec.width }, (_, c) => pathOf(r.spec.id, c)));
  cells.forEach((p) => uncertain.add(p));
  return [finding('IMPORT-DRIFT', 'error', cells, null, null,
    `表三有一行后面有两行的数字、附近另一行却没有数字（原文是不分格的文字，数字没有排在各自的行名旁）：${drifted.map((r) => `“${labelOf(r.spec.id)}”`).join('、')}读到的可能是相邻一行的数字，已标出，请对照原文核对`)];
}
