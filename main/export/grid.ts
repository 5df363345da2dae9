/**
 * Grid positions of a table's cells. A `TableGrid` lists each row's cells in grid order with the
 * positions covered by a rowSpan from above omitted (the HTML / docx convention); .xlsx addresses and
 * Word cell widths need the absolute column of each cell, which this recovers once for all exporters.
 */
import type { GridItem, TableGrid } from '../../report';

export interface PlacedCell {
  item: GridItem;
  /** 0-based grid row (including header rows) and column. */
  row: number;
  col: number;
}

/** Every cell of the grid with its top-left position; throws if the definition does not fill the grid exactly. */
export function placeGrid(grid: TableGrid): PlacedCell[][] {
  const covered = new Set<string>();
  const out: PlacedCell[][] = [];
  grid.rows.forEach((row, r) => {
    const placed: PlacedCell[] = [];
    let col = 0;
    for (const item of row.cells) {
      while (covered.has(`${r}:${col}`)) col++;
      placed.push({ item, row: r, col });
      for (let dr = 0; dr < item.rowSpan; dr++)
        for (let dc = 0; dc < item.colSpan; dc++) covered.add(`${r + dr}:${col + dc}`);
      col += item.colSpan;
    }
    for (let c = 0; c < grid.gridColumns; c++)
      if (!covered.has(`${r}:${c}`)) throw new Error(`${grid.table}: row ${r} leaves grid column ${c} empty`);
    out.push(placed);
  });
  return out;
}

/** Sum of the relative widths of the columns a cell spans. */
export function spanWidth(grid: TableGrid, col: number, colSpan: number): number {
  let w = 0;
  for (let c = col; c < col + colSpan; c++) w += grid.widths[c] ?? 0;
  return w;
}

/** The grid's relative widths scaled to integers that add up exactly to `total`. */
export function scaleWidths(grid: TableGrid, total: number): number[] {
  const sum = grid.widths.reduce((a, b) => a + b, 0);
  const out = grid.widths.map((w) => Math.floor((w / sum) * total));
  out[out.length - 1]! += total - out.reduce((a, b) => a + b, 0);
  return out;
}
