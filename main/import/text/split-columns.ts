/**
 * Table 三 cut in two by a PDF viewer (`pdftotext` plain of Chromium's PDF of a wide table): the
 * first columns (自然人 … 法律服务机构) come out row by row under Table 三's heading, the last ones
 * (其他, 总计) only after Table 四's heading, before Table 四's own figures, in blocks of rows given
 * column by column (「106 0 71 … 2368 34 1362 …」, then 「105 2330」 row by row). Every row's total
 * binds the two parts: the right part is read in every block cut whose rows keep their totals with
 * the left part beside them, and exactly one whole reading that keeps every rule of the table is an
 * answer (count-fit.ts takes it as its second opinion); none or two are not.
 */
import { getFormat } from '../../../report/formats';
import type { CellPath, FormatId } from '../../../report/types';
import { cellsInOrder, keepsRules } from './count-fit';
import { columnBlockReadings, rowKeepsTotal } from './row-blocks';

export interface SplitFit {
  /** Table 三's cells read from both parts. */
  fit: Map<CellPath, string>;
  /** The figures after the right part: Table 四's own. */
  rest: string[];
}

/**
 * `left`: the figures under Table 三's heading; `after`: those under Table 四's heading. Read only
 * when `left` is a whole number of columns for every row and `after` holds exactly the remaining
 * columns and Table 四's cells: the counts vouch for where one part ends.
 */
export function splitColumnsFit(left: readonly string[], after: readonly string[], format: FormatId): SplitFit | null {
  const def = getFormat(format);
  const nRows = def.requests.rows.length;
  const nCols = def.requests.columns.length;
  if (!left.length || left.length % nRows) return null;
  const k = left.length / nRows;
  if (k >= nCols) return null;
  const rightCount = nRows * (nCols - k);
  if (after.length !== rightCount + cellsInOrder(format, 'appeals').length) return null;
  const leftRows = Array.from({ length: nRows }, (_, r) => left.slice(r * k, r * k + k).map(Number));
  const keeps = rowKeepsTotal(format);
  const rightReadings = columnBlockReadings(after.slice(0, rightCount).map(Number), nRows, nCols - k, nRows,
    (row, r) => keeps([...leftRows[r]!, ...row], r));
  const cells = cellsInOrder(format, 'requests');
  let kept = (rightReadings ?? []).map((rows) => rows.flatMap((row, r) => [...leftRows[r]!, ...row]))
    .filter((figures) => keepsRules(cells, figures, format, 'requests'));
  if (!kept.length && rightReadings?.length === 1) kept = rotated(format, leftRows, rightReadings[0]!);
  if (kept.length !== 1) return null;
  return { fit: new Map(cells.map((p, i) => [p, String(kept[0]![i])])), rest: after.slice(rightCount) };
}

/**
 * A row's left figures may come out turned round: those printed level with its label after those
 * printed above it (a group label's first character, 「三、」, between them: 「2 0 1 … 548 37」 for
 * 548 37 2 0 1). Tried only when the rows as printed keep no rule: one row turned (any row, any
 * turn; every other row as printed) — a turn changes its columns' sums, so two turns that both
 * keep every rule are no answer, and neither is a table with two rows turned (nothing keeps the rules).
 */
function rotated(format: FormatId, leftRows: readonly number[][], right: readonly number[][]): number[][] {
  const cells = cellsInOrder(format, 'requests');
  const found = new Map<string, number[]>();
  leftRows.forEach((row, r) => {
    for (let k = 1; k < row.length; k++) {
      const turned = [...row.slice(k), ...row.slice(0, k)];
      if (turned.join() === row.join()) continue;
      const figures = leftRows.flatMap((other, o) => [...(o === r ? turned : other), ...right[o]!]);
      if (keepsRules(cells, figures, format, 'requests')) found.set(figures.join(), figures);
    }
  });
  return [...found.values()];
}
