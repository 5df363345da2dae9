/**
 * Where the value cells of one official table sit on its merged grid, and how the keyboard moves
 * between them. Positions are (navigation row, grid column): a navigation row is a table row that
 * holds value cells; the grid column is the cell's first column after rowspans and colspans are
 * laid out, so moving up and down follows the printed columns even across merged cells.
 */
import type { CellInfo, TableGrid } from '../../../report/layout';
import type { CellPath, TableId } from '../../../report/types';

export interface NavCell {
  path: CellPath;
  row: number;
  col: number;
  span: number;
  info: CellInfo;
  /** Computed totals: selectable and copyable, never typed into. */
  readOnly: boolean;
}

export interface NavTable {
  table: TableId;
  rows: NavCell[][];
  byPath: Map<CellPath, NavCell>;
}

/** The active cell. `col` is the column the user is travelling in, kept while passing merged cells. */
export interface Pos {
  row: number;
  col: number;
}

export function buildNav(grid: TableGrid): NavTable {
  const covered: boolean[][] = [];
  const rows: NavCell[][] = [];
  grid.rows.forEach((row, r) => {
    covered[r] ??= [];
    let c = 0;
    const values: NavCell[] = [];
    for (const item of row.cells) {
      while (covered[r]![c]) c++;
      for (let dr = 0; dr < item.rowSpan; dr++) {
        covered[r + dr] ??= [];
        for (let dc = 0; dc < item.colSpan; dc++) covered[r + dr]![c + dc] = true;
      }
      if (item.kind === 'value')
        values.push({ path: item.path, row: rows.length, col: c, span: item.colSpan, info: item.cell, readOnly: item.cell.totalOf !== undefined });
      c += item.colSpan;
    }
    if (values.length) rows.push(values);
  });
  const byPath = new Map<CellPath, NavCell>();
  for (const row of rows) for (const cell of row) byPath.set(cell.path, cell);
  return { table: grid.table, rows, byPath };
}

/** The cell of a row covering a grid column, or the nearest one when none covers it. */
export function cellInRow(nav: NavTable, row: number, col: number): NavCell | undefined {
  const cells = nav.rows[row];
  if (!cells?.length) return undefined;
  const hit = cells.find((c) => c.col <= col && col < c.col + c.span);
  if (hit) return hit;
  return cells.reduce((best, c) => (Math.abs(c.col - col) < Math.abs(best.col - col) ? c : best));
}

export const cellAt = (nav: NavTable, pos: Pos): NavCell | undefined => cellInRow(nav, pos.row, pos.col);

export const posOf = (cell: NavCell): Pos => ({ row: cell.row, col: cell.col });

export type Direction = 'up' | 'down' | 'left' | 'right';

/** Arrow keys: every cell, totals included; stops at the edges like a spreadsheet. */
export function moveArrow(nav: NavTable, pos: Pos, dir: Direction): Pos {
  const here = cellAt(nav, pos);
  if (!here) return pos;
  if (dir === 'left' || dir === 'right') {
    const cells = nav.rows[pos.row]!;
    const i = cells.indexOf(here) + (dir === 'right' ? 1 : -1);
    const next = cells[i];
    return next ? posOf(next) : pos;
  }
  const row = pos.row + (dir === 'down' ? 1 : -1);
  if (row < 0 || row >= nav.rows.length) return pos;
  return { row, col: pos.col };
}

const readingOrder = (nav: NavTable): NavCell[] => nav.rows.flat();

/** Tab / Shift+Tab: the next fillable cell in reading order, or null to let focus leave the table. */
export function moveTab(nav: NavTable, pos: Pos, back = false): Pos | null {
  const order = readingOrder(nav);
  const here = cellAt(nav, pos);
  let i = here ? order.indexOf(here) : -1;
  for (;;) {
    i += back ? -1 : 1;
    const c = order[i];
    if (!c) return null;
    if (!c.readOnly) return posOf(c);
  }
}

/** Enter / Shift+Enter: down (up) the same column to the next fillable cell; stays when there is none. */
export function moveEnter(nav: NavTable, pos: Pos, up = false): Pos {
  for (let row = pos.row + (up ? -1 : 1); row >= 0 && row < nav.rows.length; row += up ? -1 : 1) {
    const c = cellInRow(nav, row, pos.col);
    if (c && !c.readOnly) return { row, col: pos.col };
  }
  return pos;
}

/** Home / End on a row; with Ctrl, the first or last cell of the table. */
export function moveHomeEnd(nav: NavTable, pos: Pos, end: boolean, wholeTable: boolean): Pos {
  const row = wholeTable ? (end ? nav.rows.length - 1 : 0) : pos.row;
  const cells = nav.rows[row]!;
  return posOf(end ? cells[cells.length - 1]! : cells[0]!);
}

export function firstFillable(nav: NavTable): Pos {
  const c = readingOrder(nav).find((x) => !x.readOnly) ?? nav.rows[0]![0]!;
  return posOf(c);
}

/** A rectangular selection between two positions, widened to whole merged cells. */
export interface Rect {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

export function rectOf(nav: NavTable, a: Pos, b: Pos): Rect {
  const ca = cellAt(nav, a);
  const cb = cellAt(nav, b);
  const colsOf = (c: NavCell | undefined, p: Pos) => (c ? [c.col, c.col + c.span - 1] : [p.col, p.col]);
  const [a0, a1] = colsOf(ca, a);
  const [b0, b1] = colsOf(cb, b);
  return { r0: Math.min(a.row, b.row), r1: Math.max(a.row, b.row), c0: Math.min(a0!, b0!), c1: Math.max(a1!, b1!) };
}

/** Cells of the rectangle, row by row. */
export function cellsInRect(nav: NavTable, rect: Rect): NavCell[][] {
  const out: NavCell[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const cells = (nav.rows[r] ?? []).filter((c) => c.col <= rect.c1 && c.col + c.span - 1 >= rect.c0);
    if (cells.length) out.push(cells);
  }
  return out;
}

export const wholeTable = (nav: NavTable): Rect => ({
  r0: 0,
  r1: nav.rows.length - 1,
  c0: 0,
  c1: Math.max(...nav.rows.flat().map((c) => c.col + c.span - 1)),
});
