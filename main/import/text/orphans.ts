/**
 * Figures that no row's label is followed by: between a row's segment (the text from its label to
 * the next label or stop, rows.ts) and the next label. In a browser's copy every figure follows its
 * row's label; a figure outside every segment shows the text puts figures out of their rows' order
 * (pdftotext's reading order, a figure wrapped onto a line of its own below a group label's piece),
 * and the rows beside it may hold a neighbour's figures or lack one of their own (Table 二, which has
 * no rule to tell: active.ts).
 */
import type { RowRead, Source } from './rows';

const segmentsOf = (rows: readonly RowRead[]) =>
  rows.filter((r) => r.hit && r.segmentEnd !== undefined).map((r) => ({ from: r.hit!.start, to: r.segmentEnd! }));

/** Compact indices of the digits between `start` and `end` that stand outside every row's segment. */
export function orphanDigits(src: Source, rows: readonly RowRead[], start: number, end: number): number[] {
  const spans = segmentsOf(rows);
  const out: number[] = [];
  for (let i = start; i < end; i++) if (/\d/.test(src.c.text[i]!) && !spans.some((s) => i >= s.from && i < s.to)) out.push(i);
  return out;
}

