/**
 * More figures after a row's label than the row has cells, on its own line and on lines below, in
 * pdftotext -layout text: a figure too wide for its cell wraps, and its last digits print on a line
 * of their own (「１２０」 over 「８」 for 1208; holdout-fresh: a landscape page in full-width figures,
 * a Word table with narrow figure columns, where 「120 120」 stands above the label line of its row
 * and 「8 8」 below it). The row as read keeps its own sum (120 and 120 under 其他 and 总计, or 8 and
 * 8), so nothing else shows it; which digits are whose is not decided here: the row is flagged, and
 * so is the next row, which may have taken or lost them.
 */
import { figureTokens } from './count-fit';
import type { RowRead } from './rows';
import { readByJoins } from './wrapped-joins';

/** Ids of rows with surplus figures on their label's line and below it, and of the row after each. */
export function stackedFigureRows(rows: readonly RowRead[]): Set<string> {
  const out = new Set<string>();
  rows.forEach((r, i) => {
    const seg = r.segment;
    // A grid row's cells are its own; running text that is not laid out in lines is drift.ts's.
    // A row whose surplus one way of joining wrapped pieces explains (wrapped-joins.ts) took nothing of another's.
    if (!r.hit || seg === undefined || /[|\t]/.test(seg) || figureTokens(seg).length <= r.spec.width || readByJoins(r.candidates)) return;
    const [first, ...later] = seg.split('\n');
    if (!figureTokens(first!).length || !later.some((l) => figureTokens(l).length)) return;
    out.add(r.spec.id);
    const next = rows.slice(i + 1).find((n) => n.hit);
    if (next) out.add(next.spec.id);
  });
  return out;
}
