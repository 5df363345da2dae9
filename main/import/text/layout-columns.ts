/**
 * Table 三 in `pdftotext -layout` text of a page whose blank (zero) cells print nothing (issue 18
 * §2): a row's figures are separated by runs of spaces, and which column each one is in shows only
 * by where it stands on its line. pdftotext counts every character as one column (a CJK character
 * too; display width would put the figures beside the wrong header words), so a figure is placed
 * by its character position against the column words of the table's header line printed above it
 * (「自然人 商业企 科研机 社会公益 法律服务 其他 总计」; a page break repeats the header, each
 * row takes the nearest one above it).
 *
 * A figure may stand in a column only when its centre is near that column's header word; where two
 * columns are near, both readings are kept and the rules decide or the cells are flagged. Used only
 * when the text shows the layout: every row's last figure stands under 总计.
 */
import type { Candidate, Vals } from './candidates';
import { compactLabel } from './normalize';
import { columnSpans, spanOf } from './layout-clusters';
import { headerFor, layoutHeaders, type LayoutHeader, type Placed } from './layout-headers';
import type { RowRead } from './rows';
import { FIGURE, lineFigures, lineTokens } from './line-tokens';
import { beyondSpread } from './layout-spread';


/**
 * The figures of a row standing on a line of its own label, with their positions: the label's
 * last line, or, for a label wrapped around its figures, the line whose text before the figures is
 * the rest of this label (「形，不计其他情形）  8  1  9」), or a line of figures alone between the
 * label's lines (「2.其他法律行政法规」 / 「  314   1189 1503」 / 「禁止公开」: LibreOffice centres
 * figures on a wrapped label) when the rest of this label follows it (`printed`: the label as
 * printed before the segment, compact). Null when anything but figures follows them, or when
 * figures stand on any other line: a figure line below all of the label's text may as well be an
 * unfound next row's.
 */
export function figuresOnLabelLine(r: RowRead, printed?: string): Placed[] | null {
  if (r.segmentCol === undefined || r.segment === undefined) return null;
  const lines = r.segment.split('\n');
  const k = lines.findIndex((l) => lineFigures(l).length > 0);
  if (k < 0) return [];
  if (lines.some((l, i) => i !== k && lineFigures(l).length)) return null;
  const tokens = lineTokens(lines[k]!);
  const first = tokens.findIndex((m) => FIGURE.test(m.text));
  if (tokens.slice(first).some((m) => !FIGURE.test(m.text))) return null;
  if (k > 0 && first === 0) {
    if (printed === undefined || !labelGoesOn(r, printed, lines.slice(k + 1).join('\n'))) return null;
  } else if (k > 0) {
    const before = compactLabel(tokens[first - 1]!.text);
    if (before.length < 2 || !r.spec.labels.some((l) => compactLabel(l).includes(before))) return null;
  } else if (first > 0) return null;
  const offset = k === 0 ? r.segmentCol : 0;
  return tokens.slice(first).map((m, i) => {
    // On the label's last line the segment starts where the label ends.
    const before = tokens[first + i - 1];
    const afterLabel = before ? (FIGURE.test(before.text) ? undefined : m.start - before.start - before.text.length) : k === 0 ? m.start : undefined;
    return { text: m.text, center: offset + m.center, ...(afterLabel === undefined ? {} : { afterLabel }) };
  });
}

/**
 * The label printed so far (`printed`) is the start of one of the row's labels, and the rest of
 * that label follows in `after`, in order (a group label's pieces may stand between: 「）不 益」).
 */
function labelGoesOn(r: RowRead, printed: string, after: string): boolean {
  const rest = compactLabel(after);
  return r.spec.labels.some((l) => {
    const label = compactLabel(l);
    if (printed.length < 2 || !label.startsWith(printed) || label.length === printed.length) return false;
    let at = 0;
    for (const ch of label.slice(printed.length)) {
      at = rest.indexOf(ch, at) + 1;
      if (at === 0) return false;
    }
    return true;
  });
}

/** Two columns closer than this to a figure's nearest one are both possible for it. */
const SLACK = 1.5;

/** Columns a figure can stand in: the nearest, and any other nearly as near. */
function columnsNear(center: number, h: LayoutHeader): number[] {
  if (h.spans) {
    const j = spanOf(h.spans, center);
    return j < 0 ? [] : [j];
  }
  const d = h.centers.map((c) => Math.abs(c - center));
  const nearest = Math.min(...d);
  if (nearest > 1.5 * h.pitch) return [];
  return d.flatMap((x, j) => (x <= nearest + Math.min(SLACK, h.pitch / 2) ? [j] : []));
}

/** Every reading that puts the figures, left to right, into columns near them; others blank. */
export function placedReadings(figures: Placed[], h: LayoutHeader, keep: (v: Vals) => boolean): Candidate[] {
  const near = figures.map((f) => columnsNear(f.center, h));
  const width = h.centers.length;
  const out: Candidate[] = [];
  const cols: number[] = [];
  const rec = (i: number) => {
    if (i === figures.length) {
      const vals: Vals = Array.from({ length: width }, () => null);
      cols.forEach((c, k) => (vals[c] = figures[k]!.text));
      if (keep(vals)) out.push({ vals, how: 'placed' });
      return;
    }
    for (const c of near[i]!)
      if (!cols.length || c > cols[cols.length - 1]!) {
        cols.push(c);
        rec(i + 1);
        cols.pop();
      }
  };
  rec(0);
  return out;
}

/** The row's last figure stands under 总计 and nowhere else (a row's total is printed whenever it is not 0). */
function totalAligned({ figures, header }: { figures: Placed[]; header: LayoutHeader }): boolean {
  const near = columnsNear(figures[figures.length - 1]!.center, header);
  return near.length === 1 && near[0] === header.centers.length - 1;
}

/**
 * Column centres seen on rows printed in full under a header (every cell a figure): where the
 * figures stand is a better measure than the header words, which wrap and are cut.
 */
function measured(h: LayoutHeader, rows: Placed[][]): LayoutHeader {
  const full = rows.filter((f) => f.length === h.centers.length);
  if (!full.length) return h;
  const centers = h.centers.map((_, j) => full.reduce((s, f) => s + f[j]!.center, 0) / full.length);
  const gaps = centers.slice(1).map((c, i) => c - centers[i]!);
  if (!gaps.every((g) => g > 1)) return h;
  const m = { at: h.at, centers, pitch: Math.min(...gaps), measured: true };
  // A long label squeezes its line's figures (the zoomed page: 「二、上年结转政府信息公开申请 290 454 …
  // 4937」 ends six characters before the rows below it): a measure most other rows' totals do
  // not stand under is no measure.
  const partial = rows.filter((f) => f.length >= 2 && f.length < h.centers.length);
  const off = partial.filter((f) => !totalAligned({ figures: f, header: m })).length;
  return partial.length >= 3 && off * 3 > partial.length * 2 ? h : m;
}

/**
 * A stacked header no full row measured takes the measure of one whose words stand the same way,
 * shifted as a whole (the header repeated on the next page a few characters over); otherwise none.
 */
function transferred(h: LayoutHeader, byHeader: ReadonlyMap<LayoutHeader, LayoutHeader>): LayoutHeader | null {
  for (const [printed, m] of byHeader) {
    if (!m.measured) continue;
    const shift = h.centers[0]! - printed.centers[0]!;
    if (h.centers.every((c, j) => Math.abs(c - printed.centers[j]! - shift) <= 0.5))
      return { at: h.at, centers: m.centers.map((c) => c + shift), pitch: m.pitch, measured: true, ...(m.needsRule ? { needsRule: true } : {}) };
  }
  return null;
}

/**
 * Every figure under a header stands within three quarters of its pitch of a column word, and
 * every row's last figure under 总计: the words mark the columns though printed over several lines.
 */
function wordsOverFigures(h: LayoutHeader, rows: readonly Placed[][]): boolean {
  const near = (f: Placed) => Math.min(...h.centers.map((c) => Math.abs(c - f.center))) <= 1;
  return rows.length >= 3 && rows.every((r) => r.every(near) && totalAligned({ figures: r, header: h }));
}

/**
 * Whether the table is laid out by position: at least three rows carry two or more figures on
 * their label's line, and in two of three such rows (or more) the last one stands under 总计.
 * Running text puts figures right after labels of any length, so its totals do not line up.
 */
export function laidOut(rows: { figures: Placed[]; header: LayoutHeader }[]): boolean {
  const multi = rows.filter((r) => r.figures.length >= 2);
  const aligned = multi.filter(totalAligned).length;
  return aligned >= 3 && aligned * 3 >= multi.length * 2;
}

/** The row's label as printed before its segment, compact (undefined when the segment is not found after it). */
function printedLabel(text: string, r: RowRead, at: number): string | undefined {
  if (!r.segment) return undefined;
  const a = text.indexOf(r.segment, at);
  return a < 0 ? undefined : compactLabel(text.slice(at, a));
}

/**
 * Rows of Table 三 in layout text read by position (in place): their readings become the placed
 * ones. Returns the ids of the rows read so, or an empty set when the text is not laid out; `weak`
 * collects those read on the least evidence (blank rows, rows under header words alone), which a
 * rule must confirm (layout-confirm.ts); null: such rows are not read. `offSpread` collects the rows
 * with a figure farther off its column than the page's other rows show (layout-spread.ts), read
 * only where a rule confirms them.
 */
export function readByLayout(text: string, from: number, to: number, columnLabels: readonly string[], rows: RowRead[],
  labelAt: (r: RowRead) => number, keep: (v: Vals) => boolean, weak: Set<string> | null = new Set<string>(),
  offSpread: Set<string> = new Set<string>()): Set<string> {
  const headers = layoutHeaders(text, from, to, columnLabels);
  const placed = new Set<string>();
  if (!headers.length) return placed;
  const lines = rows.map((r) => {
    const header = r.hit ? headerFor(headers, labelAt(r)) : undefined;
    const plain = header ? figuresOnLabelLine(r) : null;
    // Figures alone between the label's lines: read only where a rule can confirm them.
    const figures = plain ?? (header && weak ? figuresOnLabelLine(r, printedLabel(text, r, labelAt(r))) : null);
    // A label put together from pieces (split-label.ts) places its figures as weakly as figures
    // alone between a label's lines: only where a rule confirms them.
    if (r.hit?.split && !weak) return { r, header, figures: null, wrapped: false };
    return { r, header, figures, wrapped: (!plain || !!r.hit?.split) && !!figures };
  });
  const raw = lines.flatMap(({ r, header, figures, wrapped }) => (header && figures?.length ? [{ r, figures, header, wrapped }] : []));
  const width = columnLabels.length;
  const byHeader = new Map(headers.map((h) => [h, measured(h, raw.filter((x) => x.header === h).map((x) => x.figures))]));
  // A stacked header's words do not stand over their columns: it reads rows only once measured.
  for (const [h, m] of byHeader) if (h.stacked && !m.measured) byHeader.set(h, transferred(h, byHeader) ?? m);
  // Or its words stand over every figure under it after all (a narrow page wraps them in place).
  for (const [h, m] of byHeader)
    if (weak && h.stacked && !m.measured && wordsOverFigures(h, raw.filter((x) => x.header === h).map((x) => x.figures))) byHeader.set(h, { ...m, measured: true, needsRule: true });
  // The header repeated on a page with too few rows to show it (（七）总计 and 四 alone on the last
  // page) takes such a header's places, on the same condition (a rule confirms them).
  for (const [h, m] of byHeader) if (weak && h.stacked && !m.measured) byHeader.set(h, transferred(h, byHeader) ?? m);
  // Best of all, the columns the figures under this header fall into (layout-clusters.ts).
  for (const [h, m] of byHeader) {
    const spans = columnSpans(raw.filter((x) => x.header === h).map((x) => x.figures), width);
    if (spans && weak) byHeader.set(h, { ...m, centers: spans.map((s) => (s.lo + s.hi) / 2), measured: true, spans, needsRule: true });
  }
  const found = raw.filter((x) => !x.header.stacked || byHeader.get(x.header)!.measured).map((x) => ({ ...x, header: byHeader.get(x.header)! }));
  if (!laidOut(found)) return placed;
  for (const { r, figures, header, wrapped } of found) {
    // A row printed with every cell is read as printed; only rows with blanks need their places.
    if (figures.length >= header.centers.length) continue;
    // Without its total under 总计 the row's figures are not all on this line (a wrapped row).
    if (!totalAligned({ figures, header })) {
      r.candidates = [];
      continue;
    }
    r.candidates = placedReadings(figures, header, keep);
    placed.add(r.spec.id);
    if (header.needsRule || wrapped) weak!.add(r.spec.id);
  }
  // A figure farther from its column than the page's rows show (layout-spread.ts): a rule must confirm the row.
  const onPage = found.filter((x) => (placed.has(x.r.spec.id) && x.r.candidates.length) || x.figures.length >= width);
  for (const id of beyondSpread(onPage.map((x) => ({ id: x.r.spec.id, figures: x.figures, header: x.header })), placed)) offSpread.add(id);
  // A row printing no figure at all keeps every cell blank, but only under a header whose every
  // other row has its figures on its own label's line with the total under 总计: pdftotext may move
  // a row's figures onto the next label's line or below it, and a row then looks blank while its
  // neighbour reads its figures, a shift the column sums cannot see.
  const trusted = new Set(found.filter((x) => x.figures.length >= width || totalAligned(x)).map((x) => x.r));
  const clean = (h: LayoutHeader) => (!h.stacked || byHeader.get(h)!.measured) &&
    lines.every((x) => x.header !== h || x.figures?.length === 0 || trusted.has(x.r));
  for (const { r, header, figures } of lines)
    if (weak && header && figures?.length === 0 && clean(header)) {
      r.candidates = [{ vals: Array.from({ length: width }, () => null), how: 'placed' }];
      placed.add(r.spec.id);
      weak.add(r.spec.id);
    }
  return placed;
}
