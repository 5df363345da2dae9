/**
 * Where `pdftotext -layout` text of a blank-cell Table 三 is not laid out clearly enough to read
 * rows by position (layout-columns.ts: a stacked header that no row printed in full measures), the
 * rules alone often leave several placements that differ only in which column every figure of a
 * column stands in (a township's 21 rows of 「1 … 1」: all under 自然人, or all under 其他, keep every
 * rule alike). Some figures' places still say their column without doubt: such a figure is an
 * anchor, and column-placement.ts keeps only the placements that put it there. A figure anchors
 * only when its row stands clear on the page — its first figure not pushed by the label (spaces
 * between), its total under 总计 — and it stands within a character of one column's header word and
 * well away from every other; and only where two rows or more give anchors. The rules still decide:
 * a placement is read only where every placement keeping them and the anchors agrees.
 */
import { figuresOnLabelLine } from './layout-columns';
import { headerFor, layoutHeaders, type Placed } from './layout-headers';
import type { RowRead } from './rows';

/** Spaces between the label and the row's first figure: fewer, and the label may have pushed it. */
const MIN_GAP = 2;
/** A figure this near its column's header word… */
const NEAR = 1;
/** …and at least this far from every other column's. */
const CLEAR = 2.5;

/** For each row id, the applicant columns its place says (column → figure); empty when fewer than two rows give any. */
export function layoutAnchors(text: string, from: number, to: number, columnLabels: readonly string[], rows: readonly RowRead[],
  labelAt: (r: RowRead) => number): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  const headers = layoutHeaders(text, from, to, columnLabels);
  if (!headers.length) return out;
  const total = columnLabels.length - 1;
  for (const r of rows) {
    if (!r.hit) continue;
    const header = headerFor(headers, labelAt(r));
    const figures = header ? figuresOnLabelLine(r) : null;
    if (!header || !figures || figures.length < 2 || figures.length >= columnLabels.length) continue;
    if ((figures[0]!.afterLabel ?? 0) < MIN_GAP) continue;
    const columnOf = (f: Placed) => {
      const d = header.centers.map((c, k) => ({ k, d: Math.abs(c - f.center) })).sort((a, b) => a.d - b.d);
      return d[0]!.d <= NEAR && d[1]!.d >= CLEAR ? d[0]!.k : -1;
    };
    if (columnOf(figures[figures.length - 1]!) !== total) continue;
    const cols = figures.slice(0, -1).map(columnOf);
    // Every figure clear, in its columns' order, none under 总计: else the row gives nothing.
    if (cols.some((c, i) => c < 0 || c === total || (i > 0 && c <= cols[i - 1]!))) continue;
    out.set(r.spec.id, new Map(cols.map((c, i) => [c, Number(figures[i]!.text)])));
  }
  return out.size >= 2 ? out : new Map();
}
