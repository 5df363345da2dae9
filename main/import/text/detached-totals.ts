/**
 * Table 三's 总计 column cut off its rows (`pdftotext` plain of a wide web table printed to PDF
 * landscape, holdout-widen/fresh `site-*.landscape`): each row comes out with its first six figures
 * only, and each page's 总计 column comes out as a block of its own — the word 「总计」 on a line, then
 * one figure per line, one for each of that page's rows — after the page's rows, or after Table 四's
 * heading. The blocks, in order, hold one figure per row; every row's total binds it to its six
 * figures (T3-3), so a reading in which every row keeps its total, and the table its rules, has one
 * answer. Read only when the counts vouch for it: the blocks hold exactly one figure per row and the
 * rest of the span exactly the other columns' cells.
 */
import { getFormat } from '../../../report/formats';
import type { FormatId } from '../../../report/types';
import { cellTokens, cellsInOrder, keepsRules } from './count-fit';
import { columnBlockReadings, MAX_BLOCK_ROWS, rowKeepsTotal } from './row-blocks';
import type { SplitFit } from './split-columns';

/** Where Table 三's span ends and Table 四's begins, in the two spans read together. */
const HEADING = '\u0000';

/**
 * The 总计 blocks of `text` (a line 「总计」, then lines of one cell each) taken out of it. Blank lines
 * and Table 四's heading may stand between the word and its figures (the page's last lines).
 */
function cutTotalBlocks(text: string): { rest: string; totals: string[] } {
  const lines = text.split('\n');
  const keep: string[] = [];
  const totals: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() !== '总计') { keep.push(lines[i]!); continue; }
    let j = i + 1;
    const between: string[] = [];
    while (j < lines.length && (lines[j]!.trim() === '' || lines[j] === HEADING)) between.push(lines[j++]!);
    const block: string[] = [];
    while (j < lines.length && isCell(lines[j]!.trim())) block.push(cellTokens(lines[j++]!)[0]!);
    // One figure under a 总计 is a header's, or a group's: a page's column has at least two rows.
    if (block.length < 2) { keep.push(lines[i]!); continue; }
    totals.push(...block);
    keep.push(...between);
    i = j - 1;
  }
  return { rest: keep.join('\n'), totals };
}

const isCell = (t: string) => cellTokens(t).length === 1 && !/\s/.test(t);

/**
 * `table3`: Table 三's span from its first row to Table 四's heading; `table4`: Table 四's span.
 * Table 三's cells read with each row's total from the blocks, and Table 四's figures left after them.
 */
export function detachedTotalsFit(table3: string, table4: string, format: FormatId): SplitFit | null {
  const def = getFormat(format);
  const nRows = def.requests.rows.length;
  const nCols = def.requests.columns.length;
  if (def.requests.columns.findIndex((c) => c.total) !== nCols - 1) return null;
  const { rest, totals: printed } = cutTotalBlocks(`${table3}\n${HEADING}\n${table4}`);
  const [rest3, rest4] = rest.split(HEADING) as [string, string];
  const totals = printed.map(Number);
  const left = cellTokens(rest3).map(Number);
  if (totals.length !== nRows || left.length !== nRows * (nCols - 1)) return null;
  const keeps = rowKeepsTotal(format);
  const readings = columnBlockReadings(left, nRows, nCols - 1, MAX_BLOCK_ROWS, (row, r) => keeps([...row, totals[r]!], r));
  const cells = cellsInOrder(format, 'requests');
  const kept = new Map<string, number[]>();
  for (const rows of readings ?? []) {
    const figures = rows.flatMap((row, r) => [...row, totals[r]!]);
    if (keepsRules(cells, figures, format, 'requests')) kept.set(figures.join(), figures);
  }
  if (kept.size !== 1) return null;
  const [figures] = kept.values();
  return { fit: new Map(cells.map((p, i) => [p, String(figures![i])])), rest: cellTokens(rest4) };
}
