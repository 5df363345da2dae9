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
import { cellsInOrder, keepsRules, onlyReading } from './count-fit';
import { blockReadings, columnBlockReadings, MAX_BLOCK_ROWS, rowKeepsTotal } from './row-blocks';

/** Whole readings checked against the rules at most (0.16 ms each): 64 keeps an import's share of this search near 10 ms. */
const MAX_PAIRINGS = 64;

export interface SplitFit {
  /** Table 三's cells read from both parts. */
  fit: Map<CellPath, string>;
  /** The figures after the right part: Table 四's own. */
  rest: string[];
}

/**
 * `left`: the figures under Table 三's heading; `after`: those under Table 四's heading. The rows
 * before a page break may come out whole, and only those after it cut (a Word table through
 * pdftotext plain: 「2.重复申请 0 0 3.要求提供公开 2 196 …」, the rest after Table 四's heading), so
 * the first `whole` rows have every column and the others the first `k`. Read only when `left` is
 * exactly that many figures for some `whole` and `k`, and `after` holds exactly the remaining
 * columns, with Table 四's cells or none (Table 四 stated as none in words): the counts vouch for
 * where one part ends. Every (whole, k) the counts allow is tried; two readings that keep the rules are none.
 */
export function splitColumnsFit(left: readonly string[], after: readonly string[], format: FormatId): SplitFit | null {
  const def = getFormat(format);
  const nRows = def.requests.rows.length;
  const nCols = def.requests.columns.length;
  const appealCells = cellsInOrder(format, 'appeals').length;
  const cells = cellsInOrder(format, 'requests');
  const keeps = rowKeepsTotal(format);
  const figures = left.map(Number);
  const found = new Map<string, { figures: number[]; rest: string[] }>();
  for (let whole = 0; whole < nRows; whole++) {
    for (let k = 1; k < nCols; k++) {
      const cutRows = nRows - whole;
      if (whole * nCols + cutRows * k !== figures.length) continue;
      const rightCount = cutRows * (nCols - k);
      if (after.length !== rightCount + appealCells && after.length !== rightCount) continue;
      const wholeRows = columnBlockReadings(figures.slice(0, whole * nCols), whole, nCols, MAX_BLOCK_ROWS, keeps);
      const at = whole * nCols;
      const leftRows = Array.from({ length: cutRows }, (_, r) => figures.slice(at + r * k, at + r * k + k));
      const rightReadings = columnBlockReadings(after.slice(0, rightCount).map(Number), cutRows, nCols - k, cutRows,
        (row, r) => keeps([...leftRows[r]!, ...row], whole + r));
      const rest = after.slice(rightCount);
      // Every pairing is a whole table to check against the rules: past a bound, too many answers to choose from.
      if ((wholeRows?.length ?? 0) * (rightReadings?.length ?? 0) > MAX_PAIRINGS) return null;
      for (const top of wholeRows ?? []) {
        const readings = (rightReadings ?? []).map((rows) => [...top.flat(), ...rows.flatMap((row, r) => [...leftRows[r]!, ...row])]);
        let kept = readings.filter((f) => keepsRules(cells, f, format, 'requests'));
        if (!kept.length && !whole && rightReadings?.length === 1) kept = rotated(format, leftRows, rightReadings[0]!);
        for (const f of kept) found.set(f.join(), { figures: f, rest });
      }
    }
  }
  if (found.size !== 1) return null;
  const [only] = found.values();
  return { fit: new Map(cells.map((p, i) => [p, String(only!.figures[i])])), rest: only!.rest };
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

/** At most this many of Table 三's figures stray after Table 四's heading with a column's header. */
const MAX_STRAY = 2;

/**
 * A column whose header wraps over three lines (「法律 / 服务 / 机构」) may come out, with the figure
 * under it in the first row, after Table 四's heading (pdftotext plain of a Word table in a small
 * font): Table 三's span is short of one or two figures, and Table 四's span holds just those. Where
 * they go is not in the text; the rules decide: they are tried at every place among Table 三's
 * figures, and exactly one reading that keeps the rules (count-fit.ts, row blocks and all) is an
 * answer. Only when Table 四's span holds nothing else, so no figure of Table 四 is taken for Table 三's.
 */
export function strayFiguresFit(left: readonly string[], after: readonly string[], format: FormatId): SplitFit | null {
  if (!after.length || after.length > MAX_STRAY || left.length + after.length !== cellsInOrder(format, 'requests').length) return null;
  // Every insertion place, and every reading of it by row blocks: whole tables checked against the rules, bounded.
  function* readings() {
    for (let at = 0; at <= left.length; at++)
      for (const rows of blockReadings([...left.slice(0, at), ...after, ...left.slice(at)].map(Number), format) ?? []) yield rows.flat();
  }
  const fit = onlyReading(readings(), format, 'requests', MAX_PAIRINGS * 4);
  return fit && { fit, rest: [] };
}
