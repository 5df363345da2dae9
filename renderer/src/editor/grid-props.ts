/** What a table of the editor is given (Grid, GridBody, TableSection), and where its cursor is. */
import type { TableGrid } from '../../../report/layout';
import type { Report, TableId } from '../../../report/types';
import type { CellEdit } from '../grid/edits';
import type { NavTable, Pos } from '../grid/nav';

export interface Selection {
  table: TableId;
  active: Pos;
  anchor: Pos;
}

export interface GridProps {
  grid: TableGrid;
  nav: NavTable;
  report: Report;
  /** Why nothing can be edited (a final report), or null. */
  locked: string | null;
  selection: Selection | null;
  focusSignal: number;
  highlight: ReadonlySet<string>;
  errorCells: ReadonlySet<string>;
  warnCells: ReadonlySet<string>;
  stale: ReadonlySet<string>;
  /** Cells still holding the figure carried from last year, with where it came from. */
  carried: ReadonlyMap<string, string>;
  onSelect: (s: Selection) => void;
  onEdit: (edits: CellEdit[]) => Report;
  onUndo: () => void;
  onRedo: () => void;
  onEscape: () => void;
  registerCommit: (table: TableId, fn: (() => void) | null) => void;
  /** Cell → the id of the finding that explains it (aria-describedby, issue 15 #11). */
  describedBy?: ReadonlyMap<string, string>;
  /** Cells listed as 待核对 (split by rule on import). */
  verify?: ReadonlySet<string>;
  /** 对照上年: last year's report of the same format, or null when the toggle is off. */
  compareWith?: Report | null;
}
