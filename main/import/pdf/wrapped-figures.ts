/**
 * Figures wider than their cell wrap inside it (1 cm figure columns, full-width 「１２８８」 in a
 * landscape page): the cell prints 「110」 over 「47」 for 11047, and the row's one-line cells sit on
 * a line between the two halves. Read line by line, that row is three rows of stray figures and the
 * whole table is flagged. Here a top line and a bottom line whose figures stand in the same columns,
 * about one line apart, with the row's other figures between them, are joined into one row — only
 * when the joined row keeps its own rule (Table 三: six applicant cells make 总计; Table 四: each
 * group's four outcomes make its 总计). Otherwise nothing is joined and the rows stay flagged.
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel, splitItem } from '../text/normalize';
import { prefixForms } from '../text/labels';
import type { PdfItem } from './extract';
import type { Line } from './line';
import { rowAddsUp } from './row-rule';

/** Two lines of one wrapped cell: their baselines between these many font sizes apart. */
const MIN_WRAP_GAP = 1.0;
export const MAX_WRAP_GAP = 1.7;

/** A figure's first line half a line above the row's one-line cells: baselines at most this many sizes apart. */
const RAISED_GAP = 0.9;
const UNIT = '件';

const DIGITS = /^\d+$/;
const center = (i: PdfItem) => i.x + i.width / 2;

/** The figures at the end of a line (after any words), or [] when it ends in words. */
function trailingFigures(l: Line): PdfItem[] {
  let k = l.items.length;
  while (k > 0 && DIGITS.test(l.items[k - 1]!.str.trim())) k--;
  return l.items.slice(k);
}

/**
 * How each Table 三 row label of either format begins when printed: its item number and two characters
 * (「2.其他」「二、上年」「(七)总计」, compact). A line holding one is that row's own line.
 */
const ROW_STARTS = [...new Set(Object.values(FORMATS).flatMap((f) => f.requests.rows.flatMap((r) => {
  const { prefix, core } = splitItem(compactLabel(r.label));
  return prefixForms(prefix).map((p) => p + core.slice(0, 2));
})))];

/**
 * Whether a line's words begin a row label of its own. Such a line is the next row, never the second
 * half of a figure wrapped in the row above: a table whose rows print the same figures (「1 1 1 1 1 1 6」
 * in every row) would otherwise join two rows into 「11 … 66」, which keeps every rule.
 */
function startsRow(l: Line): boolean {
  const words = compactLabel(l.items.filter((i) => !DIGITS.test(i.str.trim())).map((i) => i.str).join(''));
  return ROW_STARTS.some((s) => words.includes(s));
}

const sameColumn = (a: PdfItem, b: PdfItem) => Math.abs(center(a) - center(b)) <= Math.max(a.width, b.width) / 2 + 1;
const overlaps = (a: PdfItem, b: PdfItem) => a.x < b.x + b.width && b.x < a.x + a.width;

/** The join of `top` (a line ending in figures) with a bottom line below it, or null when none is certain. */
function joinAt(lines: readonly Line[], t: number): { bottom: number; middle: number | null; joined: PdfItem[] } | null {
  const top = lines[t]!;
  const upper = trailingFigures(top);
  if (!upper.length || upper.some((f) => !/^[1-9]/.test(f.str.trim()))) return null;
  for (let b = t + 1; b < lines.length; b++) {
    const bottom = lines[b]!;
    if (bottom.page !== top.page || top.y - bottom.y > top.size * MAX_WRAP_GAP) return null;
    if (top.y - bottom.y < top.size * MIN_WRAP_GAP || bottom.group) continue;
    if (startsRow(bottom)) return null;
    const lower = trailingFigures(bottom);
    if (lower.length !== upper.length) continue;
    if (!lower.every((f, k) => sameColumn(f, upper[k]!))) continue;
    // The row's one-line cells: on the lines between, never in a column of the wrapped ones.
    const between = lines.slice(t + 1, b).filter((l) => !l.group && trailingFigures(l).length);
    if (between.length > 1) return null;
    // With every cell wrapped, the row's label alone stands between the halves (「一、本年新收…」 between
    // 「773 … 291」 and 「2 … 00」): the joined row goes on the label's line, where the label reader looks.
    const label = lines.slice(t + 1, b).filter((l) => !l.group && !trailingFigures(l).length);
    // A top line with its own row label, another row's label between: two rows (「（一）予以公开 1 … 6」 over
    // 「（二）部分公开…」 wrapped round 「1 … 6」 would join into 「11 … 66」, every rule kept).
    if (startsRow(top) && label.some(startsRow)) return null;
    const host = between[0] ?? (label.length === 1 ? label[0] : undefined);
    const middle = host ? lines.indexOf(host) : null;
    const rest = between[0] ? trailingFigures(between[0]) : [];
    if (rest.some((f) => upper.some((u) => overlaps(f, u)))) return null;
    const wrapped = upper.map((u, k) => ({ ...u, str: u.str.trim() + lower[k]!.str.trim(), width: Math.max(u.width, lower[k]!.width) }));
    const joined = [...rest, ...wrapped].sort((x, y) => x.x - y.x);
    return rowAddsUp(joined.map((f) => Number(f.str))) ? { bottom: b, middle, joined } : null;
  }
  return null;
}

/** A 「件」 alone under a figure of its column, a line or so above: that figure's unit, wrapped in a narrow cell. */
function isWrappedUnit(lines: readonly Line[], i: number, u: PdfItem): boolean {
  const l = lines[i]!;
  return u.str.trim() === UNIT && lines.slice(0, i).some((a) => a.page === l.page && a.y - l.y <= l.size * MAX_WRAP_GAP &&
    a.items.some((f) => DIGITS.test(f.str.trim()) && sameColumn(f, u)));
}

/**
 * A row whose wrapped figures lost their second line (only 「件」 was there): a line of figures half a
 * line above the row's other figures, in other columns, joined when the whole row keeps its rule.
 */
function joinRaised(out: Line[]): void {
  for (let t = 0; t + 1 < out.length; t++) {
    const [top, row] = [out[t]!, out[t + 1]!];
    const upper = trailingFigures(top);
    const rest = trailingFigures(row);
    if (top.group || row.group || !upper.length || !rest.length || row.page !== top.page) continue;
    if (top.y - row.y > top.size * RAISED_GAP || rest.some((f) => upper.some((u) => overlaps(f, u)))) continue;
    const joined = [...rest, ...upper.map((u) => ({ ...u, y: row.y }))].sort((x, y) => x.x - y.x);
    if (!rowAddsUp(joined.map((f) => Number(f.str)))) continue;
    out[t + 1] = { ...row, items: [...row.items.filter((i) => !rest.includes(i)), ...joined] };
    out[t] = { ...top, items: top.items.filter((i) => !upper.includes(i)) };
  }
}

/**
 * A row whose cells are aligned to their top (Word's default): a figure too wide for its cell goes on
 * on the line below (「28」 over 「9」 for 289), where no other cell of the row has anything, and the
 * row's one-line cells stand on the first line. The lower halves are joined to the figures they stand
 * under only when each stands under exactly one of them, the line begins no row label of its own
 * (identical rows 「1 … 6」 over 「1 … 6」 are two rows), it holds fewer figures than the row (a whole
 * row of figures below is another row, or the centred case above), and the joined row keeps its rule.
 * Returns the row's figures joined, or null when that reading is not certain.
 */
function hangingJoin(top: Line, bottom: Line): PdfItem[] | null {
  if (top.group || bottom.group || startsRow(bottom)) return null;
  const upper = trailingFigures(top);
  const lower = trailingFigures(bottom);
  if (!lower.length || lower.length >= upper.length || bottom.items.some((i) => DIGITS.test(i.str.trim()) && !lower.includes(i))) return null;
  const under = lower.map((f) => upper.filter((u) => sameColumn(f, u)));
  if (under.some((us) => us.length !== 1) || new Set(under.map((us) => us[0])).size !== lower.length) return null;
  const joined = upper.map((u) => {
    const k = under.findIndex((us) => us[0] === u);
    if (k < 0) return u;
    return /^[1-9]/.test(u.str.trim()) ? { ...u, str: u.str.trim() + lower[k]!.str.trim(), width: Math.max(u.width, lower[k]!.width) } : null;
  });
  if (joined.some((f) => !f)) return null;
  return rowAddsUp(joined.map((f) => Number(f!.str))) ? (joined as PdfItem[]) : null;
}

/** `top` with its figures replaced by the joined ones, `bottom` without its lower halves (its words stay). */
function applyHanging(lines: Line[], t: number, b: number, joined: PdfItem[]): void {
  const [top, bottom] = [lines[t]!, lines[b]!];
  const upper = new Set(trailingFigures(top));
  const lower = new Set(trailingFigures(bottom));
  lines[t] = { ...top, items: [...top.items.filter((i) => !upper.has(i)), ...joined] };
  lines[b] = { ...bottom, items: bottom.items.filter((i) => !lower.has(i)) };
}

/** The next line below `t` that is not a vertical group label, or -1. */
function nextLine(lines: readonly Line[], t: number): number {
  for (let b = t + 1; b < lines.length; b++) if (!lines[b]!.group) return b;
  return -1;
}

/**
 * Whether the figures on line `b` may be the next row's, printed above its label (figures aligned to
 * their cells' top, labels centred: 「3 … 3」 then 「5 … 5」 over 「2.其他…」 would join into 35 … 35).
 * They are not when the line after them begins a row label with figures of its own: on its line, or
 * on the next line between the label's wrapped lines (「2.其他法律行政法规禁止」 「36 … 36」 「公开」).
 */
function mayBeNextRows(lines: readonly Line[], b: number): boolean {
  const a = nextLine(lines, b);
  const label = lines[a];
  if (!label || !startsRow(label) || trailingFigures(label).length) return false;
  const f = nextLine(lines, a);
  const [figures, rest] = [lines[f], lines[nextLine(lines, f)]];
  const between = figures && rest && figures.page === label.page && rest.page === label.page;
  return !(between && !startsRow(figures) && trailingFigures(figures).length && !startsRow(rest) && !trailingFigures(rest).length);
}

/**
 * Figures of a page's last row that went on over the page break (「166」 at a page's foot, 「7」 on the
 * next page's first line beside the label's last word 「信息」): joined as hangingJoin joins them on one page.
 */
export function joinAcrossPages(lines: Line[]): Line[] {
  const out = [...lines];
  for (let t = 0; t < out.length; t++) {
    const b = nextLine(out, t);
    // The next line on the next page: `t` is its page's last.
    if (b < 0 || out[b]!.page !== out[t]!.page + 1 || mayBeNextRows(out, b)) continue;
    const joined = hangingJoin(out[t]!, out[b]!);
    if (joined) applyHanging(out, t, b, joined);
  }
  return out.filter((l) => l.items.length);
}

/** Lines (top to bottom, one page or more) with every certain wrapped row joined onto one line. */
export function joinWrappedFigures(lines: Line[]): Line[] {
  const out = lines.map((l, i) => (l.group ? l : { ...l, items: l.items.filter((u) => !isWrappedUnit(lines, i, u)) })).filter((l) => l.items.length);
  for (let t = 0; t < out.length; t++) {
    const found = joinAt(out, t);
    if (!found) {
      const b = nextLine(out, t);
      const below = out[b];
      const near = below && below.page === out[t]!.page && out[t]!.y - below.y <= out[t]!.size * MAX_WRAP_GAP && !mayBeNextRows(out, b);
      const joined = near ? hangingJoin(out[t]!, below) : null;
      if (joined) applyHanging(out, t, b, joined);
      continue;
    }
    const top = out[t]!;
    const upper = new Set(trailingFigures(top));
    // The joined row takes the middle line's place (its label is there when it has one), else the top's.
    const host = found.middle ?? t;
    const hostLine = out[host]!;
    const words = hostLine.items.filter((i) => !DIGITS.test(i.str.trim()));
    const y = hostLine.y;
    out[host] = { ...hostLine, items: [...words, ...found.joined.map((f) => ({ ...f, y }))] };
    if (host !== t) {
      const left = top.items.filter((i) => !upper.has(i));
      out[t] = { ...top, items: left };
    }
    // The bottom line keeps its words (a wrapped label's last line beside the figures' second halves).
    const bottom = out[found.bottom]!;
    const lower = new Set(trailingFigures(bottom));
    out[found.bottom] = { ...bottom, items: bottom.items.filter((i) => !lower.has(i)) };
  }
  const rest = out.filter((l) => l.items.length);
  joinRaised(rest);
  return rest.filter((l) => l.items.length);
}
