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
import { cellTokens, onlyReading } from './count-fit';
import { columnBlockReadings, MAX_BLOCK_ROWS, rowKeepsTotal } from './row-blocks';
import type { SplitFit } from './split-columns';

export interface TotalBlock {
  /** The line 「总计」 and the lines of figures under it, as [start, end) places in the text. */
  word: readonly [number, number];
  lines: readonly [number, number];
  figures: string[];
}

/**
 * The 总计 blocks between `from` and `to` (a line 「总计」, then lines of one cell each). Blank lines, and
 * the line of Table 四's heading (`heading`: its [start, end)), may stand between the word and its
 * figures: the page's last lines.
 */
export function totalBlocks(text: string, from: number, to: number, heading?: readonly [number, number]): TotalBlock[] {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let at = from; at < to;) {
    const nl = text.indexOf('\n', at);
    const end = nl < 0 || nl >= to ? to : nl + 1;
    lines.push({ start: at, end, text: text.slice(at, end).trim() });
    at = end;
  }
  const out: TotalBlock[] = [];
  const skippable = (l: { start: number; end: number; text: string }) =>
    l.text === '' || (heading !== undefined && l.start <= heading[0] && l.end >= heading[1]);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.text !== '总计') continue;
    let j = i + 1;
    while (j < lines.length && skippable(lines[j]!)) j++;
    const first = j;
    const figures: string[] = [];
    while (j < lines.length && isCell(lines[j]!.text)) figures.push(cellTokens(lines[j++]!.text)[0]!);
    // One figure under a 总计 is a header's, or a group's: a page's column has at least two rows.
    if (figures.length < 2) continue;
    out.push({ word: [lines[i]!.start, lines[i]!.end], lines: [lines[first]!.start, lines[j - 1]!.end], figures });
    i = j - 1;
  }
  return out;
}

const isCell = (t: string) => cellTokens(t).length === 1 && !/\s/.test(t);

/** The cells of text[from, to) outside the blocks. */
export function cellsOutside(text: string, from: number, to: number, blocks: readonly TotalBlock[]): string[] {
  let kept = '';
  let at = from;
  for (const [a, b] of blocks.flatMap((x) => [x.word, x.lines]).sort((x, y) => x[0] - y[0])) {
    if (b <= from || a >= to) continue;
    kept += `${text.slice(at, Math.max(at, a))}\n`;
    at = Math.max(at, b);
  }
  return cellTokens(kept + text.slice(at, to));
}

/**
 * Table 三's span runs from `from` (its first row) to Table 四's heading `heading`; Table 四's from
 * there to `to`. Table 三's cells read with each row's total from the blocks, and Table 四's figures
 * left after them.
 */
export function detachedTotalsFit(text: string, from: number, heading: readonly [number, number], to: number, format: FormatId): SplitFit | null {
  const def = getFormat(format);
  const nRows = def.requests.rows.length;
  const nCols = def.requests.columns.length;
  if (def.requests.columns.findIndex((c) => c.total) !== nCols - 1) return null;
  const blocks = totalBlocks(text, from, to, heading);
  const totals = blocks.flatMap((b) => b.figures).map(Number);
  const left = cellsOutside(text, from, heading[0], blocks).map(Number);
  if (totals.length !== nRows || left.length !== nRows * (nCols - 1)) return null;
  const keeps = rowKeepsTotal(format);
  const readings = columnBlockReadings(left, nRows, nCols - 1, MAX_BLOCK_ROWS, (row, r) => keeps([...row, totals[r]!], r));
  const fit = onlyReading((readings ?? []).map((rows) => rows.flatMap((row, r) => [...row, totals[r]!])), format, 'requests');
  return fit && { fit, rest: cellsOutside(text, heading[1], to, blocks) };
}
