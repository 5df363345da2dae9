/**
 * Table 三's figures as PDF-viewer plain text gives them (`pdftotext` without -layout): row by row,
 * except where a few neighbouring rows share one text block (rows without a ruled line between
 * them, the rows on either side of a page break, 其他 / （七）总计 / 四、结转下年度): there the
 * figures of those rows come out column by column (「0 2139 66 0 72 5 …」 for 其他, 总计, 结转).
 * Every way of cutting the rows into such blocks is one candidate reading; each block must keep
 * its rows' totals (T3-3), and the whole must keep every rule of the table. The readings are
 * compared by their figures, not by how they were cut (all-zero rows cut any way read the same):
 * exactly one reading is an answer, two or more are not.
 */
import { layoutOf } from '../../../report/layout';
import { getFormat } from '../../../report/formats';
import type { FormatId } from '../../../report/types';

/** Rows per block: the holdout's Word/LibreOffice tables give 2 and 3; 4 leaves room without much more search. */
export const MAX_BLOCK_ROWS = 4;
/** More distinct part-readings than this from any row on: too many answers to choose from, no reading. */
const MAX_READINGS = 64;

export type Rows = number[][];

/** For each row, its T3-3 checks: the total column against the columns it sums. */
function rowTotalChecks(format: FormatId): Array<Array<{ total: number; of: number[] }>> {
  const def = getFormat(format);
  const col = (p: string) => Number(p.split('.')[2]);
  return def.requests.rows.map((r) =>
    layoutOf(format).totals
      .filter((t) => t.rule === 'T3-3' && t.path.startsWith(`requests.${r.key}.`))
      .map((t) => ({ total: col(t.path), of: t.of.map(col) })),
  );
}

/** Whether a whole row of Table 三 (every column, in order) keeps its own total (T3-3). */
export function rowKeepsTotal(format: FormatId): (row: readonly number[], r: number) => boolean {
  const checks = rowTotalChecks(format);
  return (row, r) => checks[r]!.every((k) => row[k.total] === k.of.reduce((s, c) => s + row[c]!, 0));
}

/**
 * Every distinct reading of `figures` (exactly nRows × nCols of them) as blocks of at most
 * `maxBlock` rows, each block given column by column, every row passing `keeps`; null when there
 * are more than MAX_READINGS. A block of one row is the plain row-by-row order, always among them.
 */
export function columnBlockReadings(
  figures: readonly number[], nRows: number, nCols: number, maxBlock: number, keeps: (row: number[], r: number) => boolean,
): Rows[] | null {
  if (figures.length !== nRows * nCols) return null;
  const memo = new Map<number, Rows[] | null>();
  // Readings of the rows from `first` to the end, by the figures they give (memoised: each start is cut once).
  const from = (first: number): Rows[] | null => {
    if (first === nRows) return [[]];
    if (memo.has(first)) return memo.get(first)!;
    const seen = new Map<string, Rows>();
    for (let size = 1; size <= maxBlock && first + size <= nRows; size++) {
      const at = first * nCols;
      const block: Rows = Array.from({ length: size }, (_, j) => Array.from({ length: nCols }, (_, c) => figures[at + c * size + j]!));
      if (!block.every((row, j) => keeps(row, first + j))) continue;
      const rest = from(first + size);
      if (rest === null) { memo.set(first, null); return null; }
      for (const tail of rest) {
        const whole = [...block, ...tail];
        seen.set(whole.map((row) => row.join(',')).join(';'), whole);
        if (seen.size > MAX_READINGS) { memo.set(first, null); return null; }
      }
    }
    const out = [...seen.values()];
    memo.set(first, out);
    return out;
  };
  return from(0);
}

/** Table 三's readings (columnBlockReadings over the whole table, blocks of up to MAX_BLOCK_ROWS rows keeping their totals). */
export function blockReadings(figures: readonly number[], format: FormatId): Rows[] | null {
  const def = getFormat(format);
  return columnBlockReadings(figures, def.requests.rows.length, def.requests.columns.length, MAX_BLOCK_ROWS, rowKeepsTotal(format));
}
