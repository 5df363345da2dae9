/**
 * Columns of Table 三 in `pdftotext -layout` text measured on the figures themselves (issue 18 §2):
 * under one header (one page), the centres of every figure the rows print fall into groups that
 * stand apart, one per column. Header words are a poor measure where a narrow cell wraps or
 * squeezes them (「社会公益」 printed eight characters left of its figures), and rows printed in
 * full are rare on a page of blanks; but a figure of one column drifts a character or two from row
 * to row while columns stand five or more apart.
 *
 * Only a clear split is taken: as many groups as columns, every gap between groups at least twice
 * the widest gap inside one, and no row with two figures in one group. Anything less (a column
 * no row on the page uses, figures drifting as far as the next column) gives no groups, and the
 * caller keeps to the header words.
 */

/** A column's extent: the leftmost and rightmost figure centre seen in it. */
export interface ColumnSpan {
  lo: number;
  hi: number;
}

/** Gaps between groups must be this many characters at least: a column drifts up to two from row to row. */
const MIN_GAP = 3;
/** …and this many times the widest gap inside a group. */
const CLEAR = 2;

/** The columns' extents from the centres of the figures of each row, or null without a clear split. */
export function columnSpans(rows: readonly (readonly { center: number }[])[], width: number): ColumnSpan[] | null {
  const centres = [...new Set(rows.flatMap((r) => r.map((f) => f.center)))].sort((a, b) => a - b);
  if (centres.length < width) return null;
  const gaps = centres.slice(1).map((c, i) => ({ at: i, size: c - centres[i]! }));
  const bySize = [...gaps].sort((a, b) => b.size - a.size);
  const between = bySize.slice(0, width - 1);
  const inside = bySize.slice(width - 1);
  const narrowest = Math.min(...between.map((g) => g.size));
  const widest = inside.length ? inside[0]!.size : 0;
  if (narrowest < MIN_GAP || narrowest < CLEAR * widest) return null;
  const cuts = between.map((g) => g.at).sort((a, b) => a - b);
  const spans: ColumnSpan[] = [];
  let from = 0;
  for (const cut of [...cuts, centres.length - 1]) {
    spans.push({ lo: centres[from]!, hi: centres[cut]! });
    from = cut + 1;
  }
  // Two figures of one row in one group: the groups are not columns.
  const column = (c: number) => spans.findIndex((s) => c >= s.lo && c <= s.hi);
  for (const r of rows) {
    const cols = r.map((f) => column(f.center));
    if (cols.some((c, i) => i > 0 && c <= cols[i - 1]!)) return null;
  }
  return spans;
}

/** The column whose extent holds a centre, or -1. */
export function spanOf(spans: readonly ColumnSpan[], center: number): number {
  return spans.findIndex((s) => center >= s.lo && center <= s.hi);
}
