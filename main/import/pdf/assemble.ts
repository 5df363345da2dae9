/**
 * Lines of a PDF → the text the label-anchored reader takes. A table row (a label, then only
 * figures) becomes a markdown row with every cell in its column, blanks included, so the reader
 * takes it exactly. A row label wrapped over several lines, with the figures on a middle line,
 * is put back together: the fragments between two rows go to the row whose label they complete,
 * judged against the official labels (format.md §4/§5, aliases §12), and by distance when no
 * label tells (a misprinted one).
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel, similarity, splitItem } from '../text/normalize';
import { headerSets, place, setInForce, setLeft, type ColumnSet } from './columns';
import type { PdfItem, PdfPage } from './extract';
import { blankAppealRows, repeatedAppealHeaders } from './blank-appeal-row';
import { unglue } from './glued';
import { besideOther, isSubgroup } from './group-labels';
import { labelByPosition } from './label-cells';
import { documentLines, isNumber, lineText, type Line } from './lines';

/** Row labels only: a group label (（三）不予公开) sits in its own column and is never part of one. */
const KNOWN = [...new Set(Object.values(FORMATS).flatMap((f) => [
  ...f.requests.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])]),
  ...f.active.blocks.flatMap((b) => b.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])),
]).filter(Boolean).map(compactLabel))];

/** How well a label put together fits the official ones: 4 whole, 3 whole after stray words, 2 its beginning, 1 a part. */
const fitMemo = new Map<string, number>();
function fit(s: string): number {
  const c = compactLabel(s);
  if (!c) return 0;
  const known = fitMemo.get(c);
  if (known !== undefined) return known;
  if (fitMemo.size > 50_000) fitMemo.clear();
  const f = fitOfCompact(c);
  fitMemo.set(c, f);
  return f;
}

function fitOfCompact(c: string): number {
  if (KNOWN.includes(c)) return 4;
  if (KNOWN.some((k) => c.endsWith(k) && k.length >= 4)) return 3;
  if (KNOWN.some((k) => k.startsWith(c))) return 2;
  return KNOWN.some((k) => k.includes(c)) ? 1 : 0;
}

/** A run of items on one line with no wide gap: one table cell's worth of text. */
interface Piece {
  line: Line;
  items: PdfItem[];
  x: number;
  used: boolean;
}

interface Row {
  line: Line;
  own: Piece[];
  figures: PdfItem[];
  label: Piece[];
  /** The official label a misprinted one stands for (「2.其他法律行政止公开」), when only one is that close. */
  official?: string;
}

function piecesOf(line: Line, items: PdfItem[]): Piece[] {
  const out: Piece[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    const end = last ? Math.max(...last.items.map((i) => i.x + i.width)) : -Infinity;
    if (last && it.x - end <= line.size * 0.6) last.items.push(it);
    else out.push({ line, items: [it], x: it.x, used: false });
  }
  return out;
}

const pieceText = (p: Piece) => p.items.map((i) => i.str.trim()).join('');
const byPosition = (a: Piece, b: Piece) => a.line.page - b.line.page || b.line.y - a.line.y || a.x - b.x;

/** A label then only figures, the figures set apart from the label (not a sentence ending in a number). */
function asRow(line: Line): Row | null {
  if (line.group) return null;
  const first = line.items.findIndex((i) => isNumber(i.str));
  if (first < 0 || !line.items.slice(first).every((i) => isNumber(i.str))) return null;
  const label = line.items.slice(0, first);
  const last = label[label.length - 1];
  if (last && !line.items[first]!.cut && line.items[first]!.x - (last.x + last.width) < line.size * 0.5) return null;
  return { line, own: piecesOf(line, label), figures: line.items.slice(first), label: [] };
}

const MAX_CHOICES = 9;
const fitOf = (ps: Piece[]) => fit([...ps].sort(byPosition).map(pieceText).join(''));

/**
 * The label of a row: which of the pieces around it (and on its own line) make it up. Every subset
 * is tried; the one that spells an official label best wins, then the one whose pieces are nearer
 * this row than the neighbouring rows, then the one taking fewer pieces.
 */
function chooseLabel(row: Row, around: Piece[], nearer: (p: Piece) => boolean): void {
  const pool = [...row.own, ...around].slice(0, MAX_CHOICES);
  // Of two whole labels (「（六）其他处理」 is a 2019 row and the 2021 group) the longer spells more of what is printed.
  let best = { fit: -1, length: 0, near: -Infinity, count: Infinity, mask: 0 };
  for (let mask = 0; mask < 1 << pool.length; mask++) {
    const chosen = pool.filter((_, i) => mask & (1 << i));
    // Words near a row that spell no label are only taken by a row that has no words of its own.
    if (row.own.length && chosen.some((p) => !row.own.includes(p)) && fitOf(chosen) === 0) continue;
    const text = compactLabel(chosen.sort(byPosition).map(pieceText).join(''));
    const f = fit(text);
    const length = f === 4 ? text.length : 0;
    const near = chosen.reduce((s, p) => s + (row.own.includes(p) || nearer(p) ? 1 : -1), 0);
    const c = [f - best.fit, length - best.length, near - best.near, best.count - chosen.length].find((d) => d !== 0) ?? 0;
    if (c > 0) best = { fit: f, length, near, count: chosen.length, mask };
  }
  row.label = pool.filter((_, i) => best.mask & (1 << i)).sort(byPosition);
  if (best.fit < 3) {
    // No official label spelt: the words of this row's cell (its own and those nearer it than any
    // other row) may be a misprint of exactly one label with the same item number.
    const cell = pool.filter((p) => row.own.includes(p) || nearer(p)).sort(byPosition);
    const official = misprintOf(compactLabel(cell.map(pieceText).join('')));
    if (official) {
      row.label = cell;
      row.official = official;
    }
  }
  for (const p of row.label) p.used = true;
}

const ORIGINAL = new Map(Object.values(FORMATS).flatMap((f) => f.requests.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])).map((l) => [compactLabel(l), l]));
const MISPRINT_SIMILARITY = 0.8;

/** The one Table 三 label (same item number, e.g. 「2.」) a printed label is a misprint of, or null. */
function misprintOf(c: string): string | null {
  const { prefix } = splitItem(c);
  if (!prefix || c.length < 6) return null;
  const scored = [...ORIGINAL.keys()].filter((k) => splitItem(k).prefix === prefix).map((k) => ({ k, s: similarity(c, k) })).sort((a, b) => b.s - a.s);
  const [first, second] = scored;
  if (!first || first.s < MISPRINT_SIMILARITY || (second && second.s > first.s - 0.15)) return null;
  return ORIGINAL.get(first.k)!;
}

function cellsOf(row: Row, set: ColumnSet | null, nearby: Row[]): string[] {
  if (!row.figures.length) return set ? set.centers.map(() => '') : [];
  const figures = row.figures.map((f) => f.str.trim());
  if (set) {
    const unglued = unglue(row.figures, set.centers);
    if (unglued === 'unreadable') return set.centers.map(() => '?'); // flagged by the reader, none guessed
    const placed = place(unglued, set.centers);
    if (placed) return placed.map((f) => (f ? f.str.trim() : ''));
  }
  // No header for this table: a nearby row with more figures shows where the columns are.
  for (const other of nearby) {
    if (other.figures.length <= row.figures.length) continue;
    const placed = place(row.figures, other.figures.map((f) => f.x + f.width / 2));
    if (placed) return placed.map((f) => (f ? f.str.trim() : ''));
  }
  return figures;
}

export interface PdfText {
  text: string;
  /** Rows of figures under Table 三's header that no label could be given: the table cannot be trusted. */
  orphans: number;
  /** Row labels printed wrong and read as the one official label they are close to. */
  misprints: { printed: string; official: string }[];
}

export function pdfToText(pages: readonly PdfPage[]): PdfText {
  const lines = documentLines(pages);
  const rows = new Map<Line, Row>();
  for (const l of lines) {
    const r = asRow(l);
    if (r) rows.set(l, r);
  }
  const pieces = new Map<Line, Piece[]>();
  for (const l of lines) if (!rows.has(l) && !l.group) pieces.set(l, piecesOf(l, l.items));
  const sets = headerSets(lines);
  const setAt = (l: Line): ColumnSet | null => setInForce(sets, l);
  addBlankRows(lines, rows, pieces, sets, setAt);
  const order = lines.filter((l) => rows.has(l)).map((l) => rows.get(l)!);
  const leftOf = (r: Row) => {
    const inForce = setAt(r.line);
    return Math.min(r.figures[0]?.x ?? Infinity, inForce ? setLeft(inForce) : Infinity);
  };
  // Labels by where they sit first; what two labels could hold is given none (and flagged below).
  const unsure = new Set(labelByPosition(order.filter((r) => r.figures.length && !r.label.length), [...pieces.values()].flat(), fit, leftOf));
  // Label pieces: on the row's page, left of its figures, between the rows before and after it.
  order.forEach((r, n) => {
    const prev = order[n - 1];
    const next = order[n + 1];
    const limit = r.line.size * 5;
    const top = prev && prev.line.page === r.line.page ? prev.line.y : r.line.y + limit;
    const bottom = next && next.line.page === r.line.page ? next.line.y : r.line.y - limit;
    const inForce = setAt(r.line);
    const left = Math.min(r.figures[0]?.x ?? Infinity, inForce ? setLeft(inForce) : Infinity);
    const around = [...pieces.values()].flat().filter((p) => !p.used && p.line.page === r.line.page && p.line.y < top && p.line.y > bottom &&
      Math.max(...p.items.map((i) => i.x + i.width)) <= left + 2);
    const dist = (p: Piece, o: Row | undefined) => (o && o.line.page === p.line.page ? Math.abs(o.line.y - p.line.y) : Infinity);
    if (r.label.length || unsure.has(r)) return;
    around.sort((a, b) => Math.abs(a.line.y - r.line.y) - Math.abs(b.line.y - r.line.y));
    chooseLabel(r, around, (p) => dist(p, r) <= Math.min(dist(p, prev), dist(p, next)));
  });

  const repeats = repeatedAppealHeaders(lines, sets, (x) => rows.has(x));
  // Table 四's all-blank data row: labels are chosen already, so it takes none. Read as blank cells,
  // as Table 三's blank rows are, also where no table holds a figure at all (an all-zero report
  // printed with blank cells; readPdf says so, since a PDF whose figures give no text looks the same).
  for (const l of blankAppealRows(lines, sets, (x) => rows.has(x))) rows.set(l, { line: l, own: [], figures: [], label: [] });

  const out: string[] = [];
  let orphans = 0;
  const misprints: PdfText['misprints'] = [];
  for (const l of lines) {
    const set = setAt(l);
    const r = rows.get(l);
    if (r) {
      const dropped = r.own.filter((p) => !p.used);
      if (dropped.length) out.push(dropped.map(pieceText).join(' '));
      if (set?.words.length && !out.includes(headerLine(set))) out.push(headerLine(set));
      const at = order.indexOf(r);
      // Rows of the same table (no text across the page between them) show where its columns are.
      const nearby = order.filter((o) => o !== r && Math.abs(order.indexOf(o) - at) <= 12)
        .sort((x, y) => Math.abs(order.indexOf(x) - at) - Math.abs(order.indexOf(y) - at));
      const label = r.official ?? r.label.map(pieceText).join('');
      if (r.official) misprints.push({ printed: r.label.map(pieceText).join(''), official: r.official });
      // A figure among the label's words (「…一稳定”」 run into 「1101」 with no gap, tables in 14 pt): the
      // row's first cell is lost from its figures, so the whole Table 三 is flagged like a row without a label.
      const figureInLabel = r.label.some((p) => p.items.some((i) => i.str.trim().split(/\s+/).some((t) => /\d/.test(t) && isNumber(t))));
      if ((!label || figureInLabel) && set?.centers.length === 7) orphans++;
      const cells = cellsOf(r, set, nearby.filter((o) => sameBlock(o, r, lines, rows)));
      out.push(`| ${label ? `${label} | ` : ''}${cells.join(' | ')} |`);
      continue;
    }
    if (repeats.has(l)) continue;
    const rest = l.group ? [lineText(l)] : (pieces.get(l) ?? []).filter((p) => !p.used).map(pieceText);
    if (rest.length) out.push(rest.join(' '));
  }
  return { text: out.join('\n'), orphans, misprints };
}

/** Two rows of one table: no line of running text (wider than the label column) between them. */
function sameBlock(a: Row, b: Row, lines: readonly Line[], rows: Map<Line, Row>): boolean {
  const [i, j] = [lines.indexOf(a.line), lines.indexOf(b.line)].sort((x, y) => x - y);
  const left = Math.min(a.figures[0]?.x ?? Infinity, b.figures[0]?.x ?? Infinity);
  for (let k = i! + 1; k < j!; k++) {
    const l = lines[k]!;
    if (rows.has(l) || l.group) continue;
    if (l.items.some((it) => it.x + it.width > left + 2)) return false;
  }
  return true;
}

/** The header as one grid row in printed order (the text reader maps columns by it). */
const headerLine = (s: ColumnSet) => `| ${s.words.join(' | ')} |`;

const MAX_LABEL_LINES = 8; // a label wrapped over this many lines at most (the longest: six, in a narrow A5 column)

/**
 * Rows printed with every cell blank have no figures to anchor them: under a table header, words
 * left of its columns that spell a whole official label (over one or more lines) are such a row.
 */
function addBlankRows(lines: Line[], rows: Map<Line, Row>, pieces: Map<Line, Piece[]>, sets: readonly ColumnSet[], setAt: (l: Line) => ColumnSet | null): void {
  const candidates = lines.filter((l) => pieces.has(l) && setAt(l));
  for (let i = 0; i < candidates.length; i++) {
    const line = candidates[i]!;
    const left = setLeft(setAt(line)!);
    for (const p of pieces.get(line)!) {
      if (p.used || Math.max(...p.items.map((it) => it.x + it.width)) > left + 2) continue;
      // The label may go on over the next lines, in the same column (same left edge).
      const chain = [p];
      for (let k = i + 1; k < candidates.length && chain.length < MAX_LABEL_LINES && fitOf(chain) !== 4; k++) {
        const below = candidates[k]!;
        const above = chain[chain.length - 1]!.line;
        if (below.page !== above.page) {
          // A row split by a page break (LibreOffice): its label goes on under the header repeated on the next page.
          const repeat = sets.find((x) => x.page === below.page && x.centers.length === 7);
          if (below.page !== above.page + 1 || !repeat) break;
          if (below.y >= repeat.y) continue;
        } else if (above.y - below.y > line.size * 2.5) break; // lines of other columns come between; a wide gap ends the cell
        // Never across a row of figures: words above and below one are that row's label.
        const from = lines.indexOf(chain[chain.length - 1]!.line);
        if (lines.slice(from + 1, lines.indexOf(below)).some((l) => rows.has(l))) break;
        const q = pieces.get(below)!.find((x) => !x.used && Math.abs(x.x - p.x) <= 3);
        if (!q) continue;
        if (fitOf([...chain, q]) < 2) break;
        chain.push(q);
      }
      if (fitOf(chain) !== 4) continue;
      // （六）其他处理 is a 2019 row and a 2021 group: words of another label beside its lines make it the group.
      if (isSubgroup(chain.map(pieceText).join('')) && besideOther(chain, candidates, pieces)) continue;
      // Nor when the label's last line sits right above a row of figures that has no words of its own.
      const nextLine = lines[lines.indexOf(chain[chain.length - 1]!.line) + 1];
      const nextRow = nextLine ? rows.get(nextLine) : undefined;
      if (nextRow && !nextRow.own.length && nextRow.figures.length && Math.abs(nextLine!.y - chain[chain.length - 1]!.line.y) <= line.size * 1.2) continue;
      const last = chain[chain.length - 1]!.line;
      const synthetic: Line = last.page === line.page ? { page: line.page, y: (line.y + last.y) / 2, size: line.size, items: [] } : { ...last, items: [] };
      chain.forEach((c) => (c.used = true));
      rows.set(synthetic, { line: synthetic, own: [], figures: [], label: chain });
      const at = lines.indexOf(last);
      lines.splice(at + 1, 0, synthetic);
    }
  }
}

