/**
 * Rows by the labels they sit beside (issue 18 Wanted 2). In a Word-made table every cell is centred
 * vertically: a label wrapped over two lines has its figures on the line between them, a label over
 * three has them on its middle line, and a row may break across a page. Reading rows in order then
 * gives a row the figures of its neighbour. Here the label column is cut into whole labels first —
 * consecutive lines in one column (the next page's top continuing a label cut by the page break)
 * that spell exactly one official label — and each line of figures goes to the label whose vertical
 * extent holds it. A line of figures that two labels could hold, or a label two lines claim, is
 * given to none: the caller then flags the table instead of placing it.
 */
import type { PdfItem } from './extract';
import type { Line } from './lines';

export interface LabelPiece {
  line: Line;
  items: PdfItem[];
  x: number;
  used: boolean;
}

export interface FigureRow {
  line: Line;
  own: LabelPiece[];
  figures: PdfItem[];
  label: LabelPiece[];
}

interface Cell {
  pieces: LabelPiece[];
}

const text = (p: LabelPiece) => p.items.map((i) => i.str.trim()).join('');
const top = (l: Line) => l.y + l.size * 0.85;
const bottom = (l: Line) => l.y - l.size * 0.25;
/** The middle of a line of figures (its baseline plus half a digit). */
const middle = (l: Line) => l.y + l.size * 0.35;

/**
 * Whole labels read down each label column: a chain grows while it is still the beginning of an
 * official label (`fit` 2) and is kept when it spells one whole (`fit` 4).
 */
function cellsOf(pieces: LabelPiece[], fit: (s: string) => number, pageOrder: (p: LabelPiece) => number): Cell[] {
  const columns = new Map<number, LabelPiece[]>();
  for (const p of pieces) {
    const key = [...columns.keys()].find((x) => Math.abs(x - p.x) <= 3) ?? p.x;
    columns.set(key, [...(columns.get(key) ?? []), p]);
  }
  const cells: Cell[] = [];
  for (const column of columns.values()) {
    column.sort((a, b) => pageOrder(a) - pageOrder(b) || b.line.y - a.line.y);
    let i = 0;
    while (i < column.length) {
      let chain = [column[i]!];
      let best: LabelPiece[] | null = fit(text(column[i]!)) === 4 ? [...chain] : null;
      for (let k = i + 1; k < column.length; k++) {
        const prev = chain[chain.length - 1]!;
        const next = column[k]!;
        const samePage = next.line.page === prev.line.page;
        // One line below on the same page, or the first line of the next page (a row cut by the break).
        if (samePage && prev.line.y - next.line.y > prev.line.size * 1.9) break;
        if (!samePage && (next.line.page !== prev.line.page + 1 || column.some((o) => o.line.page === next.line.page && o.line.y > next.line.y))) break;
        const grown = [...chain, next];
        const f = fit(grown.map(text).join(''));
        if (f < 2) break;
        chain = grown;
        if (f === 4) best = [...chain];
      }
      if (best) {
        cells.push({ pieces: best });
        i += best.length;
      } else i++;
    }
  }
  return cells;
}

/** Which label cell holds a line of figures: the one whose extent on its page holds its middle, else the one clearly nearest. */
function holder(row: FigureRow, cells: Cell[]): { cell: Cell; d: number } | null | 'ambiguous' {
  const y = middle(row.line);
  const scored = cells
    .map((c) => {
      const here = c.pieces.filter((p) => p.line.page === row.line.page);
      if (!here.length) return { c, d: Infinity };
      const hi = Math.max(...here.map((p) => top(p.line)));
      const lo = Math.min(...here.map((p) => bottom(p.line)));
      return { c, d: y > hi ? y - hi : y < lo ? lo - y : 0 };
    })
    .filter((s) => s.d <= row.line.size * 1.2)
    .sort((a, b) => a.d - b.d);
  // Of cells in different columns the innermost (nearest the figures) is the row's own label: a
  // group label (「（六）其他处理」, itself a 2019 row) spans the rows beside it.
  const innermost = Math.max(...scored.filter((x) => x.d === 0).map((x) => x.c.pieces[0]!.x));
  const inColumn = scored.filter((x) => !Number.isFinite(innermost) || Math.abs(x.c.pieces[0]!.x - innermost) <= 3);
  const [first, second] = inColumn;
  if (!first) return null;
  if (second && second.d - first.d < row.line.size * 0.5) return 'ambiguous';
  return { cell: first.c, d: first.d };
}

/** How far (in line heights) the pieces that show a cell's left edge may be: the same table, not the one above. */
const START_WINDOW = 20;

/**
 * Pieces cut where a cell begins: in a narrow table a group cell's words (「（六）」) run on into the
 * next cell's (「1.申请人无正当理」) with no gap. A cell begins where pieces of three or more lines
 * near it begin — near, since another table higher on the page (Table 二's 「信息内容」 column) may
 * begin its pieces where a label of Table 三 only goes on (「行政机关不再处理…」 after 「行」).
 */
function splitAtColumns(pieces: LabelPiece[]): Map<LabelPiece, LabelPiece> {
  const starts = new Map<string, LabelPiece[]>();
  const key = (page: number, x: number) => `${page}:${Math.round(x)}`;
  // Where pieces begin (not every item: 「属于…」 always follows its 「7.」 and begins no cell).
  for (const p of pieces) starts.set(key(p.line.page, p.x), [...(starts.get(key(p.line.page, p.x)) ?? []), p]);
  const isStart = (line: LabelPiece['line'], x: number) => [-1, 0, 1]
    .some((d) => (starts.get(key(line.page, Math.round(x) + d)) ?? []).filter((q) => Math.abs(q.line.y - line.y) <= line.size * START_WINDOW).length >= 3);
  const parts = new Map<LabelPiece, LabelPiece>();
  for (const p of pieces) {
    let current: LabelPiece | null = null;
    for (const it of p.items) {
      if (!current || isStart(p.line, it.x)) {
        current = { line: p.line, items: [], x: it.x, used: false };
        parts.set(current, p);
      }
      current.items.push(it);
    }
  }
  return parts;
}

/**
 * Gives rows their labels by position. Returns the rows left without one because two labels could
 * hold them or two rows are as near one label (never guessed); rows no label cell holds are left to
 * the caller's reading by the words around them.
 */
export function labelByPosition(
  rows: FigureRow[],
  free: LabelPiece[],
  fit: (s: string) => number,
  leftOf: (r: FigureRow) => number,
): FigureRow[] {
  const pages = [...new Set(rows.map((r) => r.line.page))];
  const whole = [...free, ...rows.flatMap((r) => r.own)].filter((p) => !p.used && pages.some((pg) => Math.abs(pg - p.line.page) <= 1));
  const parts = splitAtColumns(whole);
  const cells = cellsOf([...parts.keys()], fit, (p) => p.line.page);
  const claims = new Map<Cell, { row: FigureRow; d: number }[]>();
  const unsure: FigureRow[] = [];
  for (const r of rows) {
    const left = leftOf(r);
    const near = cells.filter((c) => c.pieces.every((p) => Math.max(...p.items.map((i) => i.x + i.width)) <= left + 2));
    const h = holder(r, near);
    if (h === 'ambiguous') unsure.push(r);
    else if (h) claims.set(h.cell, [...(claims.get(h.cell) ?? []), { row: r, d: h.d }]);
  }
  for (const [cell, claimants] of claims) {
    // Two lines of figures near one label: the one inside its extent has it; the other is read by
    // the words around it (the caller), unless both are as near (then neither is placed).
    claimants.sort((a, b) => a.d - b.d);
    const [first, second] = claimants;
    if (second && second.d - first!.d < first!.row.line.size * 0.5) {
      unsure.push(...claimants.map((c) => c.row));
      continue;
    }
    const r = first!.row;
    r.label = [...cell.pieces];
    // The piece a part was cut from is spent with it: no other row takes its words again.
    for (const p of cell.pieces) p.used = parts.get(p)!.used = true;
  }
  return unsure;
}
