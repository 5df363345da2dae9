/**
 * Blocks of figures in and out of a table. In: text copied from Excel or WPS (tab-separated rows),
 * or numbers separated by spaces or new lines, laid onto the table from the active cell. Out: the
 * selection as tab-separated text, which Excel and WPS paste back as cells.
 *
 * Mapping rule (documented for the clerk in the paste message): the block lines up with the table
 * column for column and row for row, as in Excel. A value that lands on a computed 总计 is not
 * written — the total is recomputed from its cells — and if it differs from the result the message
 * says so. One exception, for sheets kept without total columns: a block exactly as wide as the
 * fillable cells from the active cell to the end of the row (and narrower than the row) fills those
 * fillable cells in order, stepping over the totals.
 */
import { cellsInRect, cellAt, type NavCell, type NavTable, type Pos, type Rect } from './nav';
import { commitInput, displayValue } from './input';
import type { CellEdit } from './edits';
import { getCell } from '../../../report/cells';
import type { Report } from '../../../report/types';

const unquote = (s: string): string => (/^".*"$/s.test(s) ? s.slice(1, -1).replace(/""/g, '"') : s);

/** Clipboard text → rows of cell texts. */
export function parseClipboard(text: string): string[][] {
  const t = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '');
  if (t.trim() === '') return [];
  const lines = t.split('\n');
  if (lines.some((l) => l.includes('\t'))) return lines.map((l) => l.split('\t').map((c) => unquote(c).trim()));
  return lines.filter((l) => l.trim() !== '').map((l) => l.trim().split(/[ \u00a0\u3000]+/));
}

export interface PlannedCell {
  cell: NavCell;
  raw: string;
  /** 1-based position in the pasted block, for messages. */
  at: { row: number; col: number };
}

export interface PastePlan {
  writes: PlannedCell[];
  /** Values that fell on computed totals. */
  onTotals: PlannedCell[];
  /** Rows / columns of the block that fell outside the table. */
  droppedRows: number;
  droppedCols: number;
}

function columnSlots(row: NavCell[], fromCol: number): NavCell[] {
  return row.filter((c) => c.col + c.span - 1 >= fromCol);
}

/** Where each source column goes among the slots (index or null for a total), per the rule above. */
export function mapColumns(width: number, slots: readonly NavCell[]): (NavCell | null | undefined)[] {
  const fillable = slots.filter((s) => !s.readOnly);
  const skipTotals = width === fillable.length && width < slots.length;
  return Array.from({ length: width }, (_, j) => {
    if (skipTotals) return fillable[j];
    const s = slots[j];
    if (!s) return undefined;
    return s.readOnly ? null : s;
  });
}

export function planPaste(nav: NavTable, anchor: Pos, block: string[][]): PastePlan {
  const start = cellAt(nav, anchor);
  const plan: PastePlan = { writes: [], onTotals: [], droppedRows: 0, droppedCols: 0 };
  if (!start || !block.length) return plan;
  const width = Math.max(...block.map((r) => r.length));
  block.forEach((srcRow, i) => {
    const row = nav.rows[anchor.row + i];
    if (!row) {
      plan.droppedRows++;
      return;
    }
    // Each row maps on its own: Table 二's rows have different numbers of cells.
    const slots = columnSlots(row, start.col);
    const mapped = mapColumns(width, slots);
    plan.droppedCols = Math.max(plan.droppedCols, mapped.filter((m) => m === undefined).length);
    srcRow.forEach((raw, j) => {
      const target = mapped[j];
      const at = { row: i + 1, col: j + 1 };
      if (target === undefined) return;
      if (target === null) plan.onTotals.push({ cell: slots[j]!, raw, at });
      else plan.writes.push({ cell: target, raw, at });
    });
  });
  return plan;
}

export type PasteResult =
  | { ok: true; edits: CellEdit[]; notes: string[] }
  | { ok: false; message: string };

/** Parses every value of the plan; one refused value refuses the whole paste, so nothing half-lands. */
export function pasteEdits(plan: PastePlan): PasteResult {
  const edits: CellEdit[] = [];
  for (const w of plan.writes) {
    const r = commitInput(w.cell.info.type, w.raw);
    if (!r.ok)
      return { ok: false, message: `未粘贴：第${w.at.row}行第${w.at.col}个数“${w.raw}”（${w.cell.info.name}）${r.message}。表格未改动。` };
    edits.push({ path: w.cell.path, value: r.value });
  }
  const notes: string[] = [];
  if (plan.droppedRows || plan.droppedCols)
    notes.push(`超出表格的${plan.droppedRows ? `${plan.droppedRows}行` : ''}${plan.droppedRows && plan.droppedCols ? '、' : ''}${plan.droppedCols ? `${plan.droppedCols}列` : ''}未粘贴`);
  return { ok: true, edits, notes };
}

/** Pasted figures on totals that differ from the recomputed totals (names for the message). */
export function totalMismatches(report: Report, plan: PastePlan): string[] {
  const out: string[] = [];
  for (const t of plan.onTotals) {
    const r = commitInput(t.cell.info.type, t.raw);
    const now = getCell(report, t.cell.path);
    if (!r.ok || r.value !== now) out.push(`${t.cell.info.name}（粘贴${t.raw}，按明细为${displayValue(now)}）`);
  }
  return out;
}

/** The selected block as tab-separated text. */
export function copyBlock(nav: NavTable, report: Report, rect: Rect): string {
  return cellsInRect(nav, rect)
    .map((row) => row.map((c) => displayValue(getCell(report, c.path))).join('\t'))
    .join('\r\n');
}
