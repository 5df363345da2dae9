/** The types of the layout built from a format definition (./layout.ts): cells, grids, totals. */
import type { CellType, FormatDef } from './formats/model';
import type { CellPath, TableId } from './types';

export interface CellInfo {
  path: CellPath;
  table: TableId;
  type: CellType;
  /** Row label (with its group for numbered items) and column label: the accessible name. */
  rowLabel: string;
  colLabel: string;
  name: string;
  /** Set when the cell is computed from others. */
  totalOf?: CellPath[];
}

export interface GridLabel {
  kind: 'label';
  text: string;
  rowSpan: number;
  colSpan: number;
  /** header: column headers; section: 第二十条第（X）项; content: 信息内容 rows; rowLabel: labels of a data row. */
  role: 'header' | 'section' | 'content' | 'rowLabel';
  /** Narrow merged label whose text reads top to bottom (Table 三's groups). */
  vertical?: boolean;
}

export interface GridValue {
  kind: 'value';
  path: CellPath;
  rowSpan: 1;
  colSpan: number;
  cell: CellInfo;
}

export type GridItem = GridLabel | GridValue;

export interface GridRow {
  role: 'header' | 'section' | 'content' | 'data';
  /** Cells in grid order; positions covered by a rowSpan from above are omitted (HTML / docx convention). */
  cells: GridItem[];
}

export interface TableGrid {
  table: TableId;
  heading: string;
  /** Short name of the table (表二 主动公开), for a sheet or a tab. */
  sheetName: string;
  gridColumns: number;
  /** Relative column widths, one per grid column. */
  widths: readonly number[];
  /** Leading rows to repeat when the table breaks across pages. */
  headerRows: number;
  rows: GridRow[];
}

export type TotalRule = 'T3-2' | 'T3-3' | 'T4-1';

export interface TotalDef {
  path: CellPath;
  of: CellPath[];
  rule: TotalRule;
  /** Whether computeTotals evaluates this definition (the rest are checked only). */
  computes: boolean;
}

export interface FormatLayout {
  format: FormatDef;
  grids: Record<TableId, TableGrid>;
  /** Every value cell in document order (Table 二, 三, 四; row by row). */
  cells: CellInfo[];
  cellByPath: Map<CellPath, CellInfo>;
  /** Totals in evaluation order. */
  totals: TotalDef[];
}
