/**
 * How far figures stand from their columns on one page of `pdftotext -layout` text, learnt from the
 * page itself (issue 18, first demand: never a figure read wrong without a flag). pdftotext prints a
 * figure a character or so off its column (a two-digit figure half a character from a one-digit
 * one; a long label pushes its line's first figures left; a zoomed or squeezed page moves whole
 * rows), and the other rows on the page show that play. A figure standing off its column by much
 * more than any other row's figures stand off theirs is not the page's play: it may be a
 * neighbour's figure moved, and which column it is in is not known. Such a row is read only where
 * a rule ties it to other rows (layout-confirm.ts). What a row is judged by is learnt on the other
 * rows under its header only: one figure out of place would otherwise widen its own tolerance.
 *
 * Two measures, both at twice the other rows' spread plus a quarter character:
 * - the distance from the nearest column centre the header gives, on four other rows or more;
 * - finer, the distance from the place where the other rows' figures of that column stand, by the
 *   alignment that suits the figure (left ends, centres or right ends: a Word cell right-aligns,
 *   a browser's centres), on six other rows or more and never under ¾ character (a clean page's
 *   spread is 0). A figure left of its place right after a long label is pushed, not moved.
 * Fewer rows, and looser or tighter bounds, flagged rows read right on the holdout (see
 * test/import/layout-drift.test.ts).
 */
import type { LayoutHeader, Placed } from './layout-headers';

/** The tolerance: this many times the page's spread… */
const TIMES = 2;
/** …plus this much (half a character is the parity of a figure's length in a centred cell). */
const MARGIN = 0.25;
/** The finer measure's tolerance is never below this. */
const FLOOR = 0.75;
/** Fewer other rows under a header teach too little to judge a row by (header centres; figures' places). */
const MIN_OTHERS = 4;
const MIN_OTHERS_FINE = 6;
/** A figure at most this many spaces after a label (or after a figure so placed) may be pushed left by it. */
const PUSHED_GAP = 2;

export interface PageRow {
  id: string;
  figures: readonly Placed[];
  header: LayoutHeader;
}

const nearestColumn = (f: Placed, h: LayoutHeader): number => {
  const d = h.centers.map((c) => Math.abs(c - f.center));
  return d.indexOf(Math.min(...d));
};

/** The farthest any of a row's figures stands from the nearest column centre of its header. */
const offCentre = (row: PageRow): number =>
  Math.max(0, ...row.figures.map((f) => Math.abs(f.center - row.header.centers[nearestColumn(f, row.header)]!)));

/** Where a figure stands by each alignment: its left end, centre, right end. */
const ALIGNMENTS = [-1, 0, 1] as const;
const position = (f: Placed, side: number): number => f.center + (side * f.text.length) / 2;

const median = (xs: number[]): number | undefined => {
  if (!xs.length) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2;
};

type Places = (number | undefined)[][];

/** Each column's place by each alignment: the median of the rows' figures nearest that column. */
function placesOf(rows: readonly PageRow[]): Places {
  const width = rows[0]!.header.centers.length;
  return ALIGNMENTS.map((side) => {
    const at: number[][] = Array.from({ length: width }, () => []);
    for (const r of rows) for (const f of r.figures) at[nearestColumn(f, r.header)]!.push(position(f, side));
    return at.map(median);
  });
}

/** A figure pushed left by a long label: few spaces after the label's text, or after a figure so pushed. */
function pushed(figures: readonly Placed[], i: number): boolean {
  for (let k = i; k >= 0; k--) {
    const f = figures[k]!;
    if (f.afterLabel !== undefined) return f.afterLabel <= PUSHED_GAP;
    const prev = figures[k - 1];
    if (!prev || f.center - f.text.length / 2 - (prev.center + prev.text.length / 2) > PUSHED_GAP) return false;
  }
  return false;
}

/**
 * The farthest any of a row's figures stands from its column's place, by the alignment that puts
 * it nearest (0 where no other row shows the column, or left of it when pushed by its label).
 */
const offPlace = (row: PageRow, places: Places): number =>
  Math.max(0, ...row.figures.map((f, i) => {
    const j = nearestColumn(f, row.header);
    const ds = ALIGNMENTS.flatMap((side, k) => (places[k]![j] === undefined ? [] : [position(f, side) - places[k]![j]!]));
    const d = ds.reduce((b, x) => (Math.abs(x) < Math.abs(b) ? x : b), ds[0] ?? 0);
    return d < 0 && pushed(row.figures, i) ? 0 : Math.abs(d);
  }));

/**
 * Ids of the rows (among `judged`) one of whose figures stands off its column by more than the
 * other rows under the same header show (`all`: every row read by position there, those printed
 * in full too), by either measure.
 */
export function beyondSpread(all: readonly PageRow[], judged: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const row of all) {
    if (!judged.has(row.id)) continue;
    const others = all.filter((o) => o.header === row.header && o.id !== row.id && o.figures.length);
    if (others.length < MIN_OTHERS) continue;
    if (offCentre(row) > TIMES * Math.max(...others.map(offCentre)) + MARGIN) out.add(row.id);
    if (others.length < MIN_OTHERS_FINE) continue;
    const places = placesOf(others);
    const spread = Math.max(...others.map((o) => offPlace(o, places)));
    if (offPlace(row, places) > Math.max(TIMES * spread + MARGIN, FLOOR)) out.add(row.id);
  }
  return out;
}
