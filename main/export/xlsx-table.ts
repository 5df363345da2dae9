/**
 * One table grid of the definition as a worksheet: heading in row 1, the grid from row 2 with the
 * official merges, a thin border on every cell of every merged range, figures as numbers, totals as
 * SUM formulas with cached results (or the stored value when it disagrees with its cells).
 */
import type { Border, Borders, Worksheet } from 'exceljs';
import { countOf, getCell, getFormat, type CellPath, type Report, type TableGrid, type TotalDef } from '../../report';
import { labelLines } from './labels';
import { placeGrid, scaleWidths } from './grid';
import { decimalsOf, textWidth, unitOf } from './values';

/** Total width of each sheet in Excel character units: enough for the labels at 10 pt. */
const SHEET_WIDTH: Record<TableGrid['table'], number> = { active: 80, requests: 104, appeals: 105 };
const FONT = { name: '宋体', size: 10 };
const HEADING_FONT = { name: '黑体', size: 12 };
/** Excel width units taken by one CJK character at 10 pt, and the height of one wrapped line in points. */
const CJK_UNITS = 1.9;
const LINE_PT = 13.5;
/** Rows above the grid (the heading). */
export const GRID_TOP = 2;

const THIN: Border = { style: 'thin', color: { argb: 'FF000000' } };
const ALL_BORDERS: Partial<Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export interface CellAddress {
  sheet: string;
  row: number;
  col: number;
  address: string;
}

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
const addr = (row: number, col: number) => `${columnLetter(col)}${row}`;

/** SUM over cells, runs of adjacent cells in a row or a column written as ranges (SUM(D5:I5)). */
export function sumFormula(cells: readonly { row: number; col: number }[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < cells.length) {
    const start = cells[i]!;
    let j = i;
    const horizontal = cells[i + 1]?.row === start.row && cells[i + 1]?.col === start.col + 1;
    while (
      j + 1 < cells.length &&
      (horizontal
        ? cells[j + 1]!.row === start.row && cells[j + 1]!.col === cells[j]!.col + 1
        : cells[j + 1]!.col === start.col && cells[j + 1]!.row === cells[j]!.row + 1)
    )
      j++;
    const end = cells[j]!;
    parts.push(j > i ? `${addr(start.row, start.col)}:${addr(end.row, end.col)}` : addr(start.row, start.col));
    i = j + 1;
  }
  return `SUM(${parts.join(',')})`;
}

/** Number format showing exactly the stored decimals (0.9840 → 0.0000), with the row's unit for an amount. */
function moneyFormat(money: string, unit: string): string {
  const n = decimalsOf(money);
  return (n ? `0.${'0'.repeat(n)}` : '0') + (unit ? `"${unit}"` : '');
}

/**
 * The label of a column whose figures carry a unit stored with the report (gov-2019 采购总金额 in 元 or 万元):
 * the unit goes into the label too, so a figure copied out of the sheet keeps its meaning.
 */
function labelWithUnit(report: Report, text: string): string {
  for (const block of getFormat(report.format).active.blocks)
    for (const f of block.fields)
      if (f.type === 'amount' && f.label === text) {
        const row = block.rows.find((r) => r.unitProperty);
        const unit = row ? report.active[row.key]?.unit : undefined;
        if (typeof unit === 'string' && unit) return `${text}（${unit}）`;
      }
  return text;
}

/**
 * Writes the grid; returns the address of every value cell. `formulaTotals`: the totals to write as
 * formulas (the caller leaves out those whose stored figure disagrees with their cells).
 */
export function writeTableSheet(
  ws: Worksheet,
  report: Report,
  grid: TableGrid,
  totals: ReadonlyMap<CellPath, TotalDef>,
  plainTotals: ReadonlySet<CellPath>,
): Map<CellPath, CellAddress> {
  const widths = scaleWidths(grid, SHEET_WIDTH[grid.table]);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const placed = placeGrid(grid);
  const addresses = new Map<CellPath, CellAddress>();
  for (const row of placed)
    for (const { item, row: r, col } of row)
      if (item.kind === 'value') addresses.set(item.path, { sheet: ws.name, row: r + GRID_TOP, col: col + 1, address: addr(r + GRID_TOP, col + 1) });

  ws.mergeCells(1, 1, 1, grid.gridColumns);
  const heading = ws.getCell(1, 1);
  heading.value = grid.heading;
  heading.font = HEADING_FONT;
  heading.alignment = { horizontal: 'left', vertical: 'middle' };
  ws.getRow(1).height = 24;

  const lines = new Map<number, number>();
  for (const row of placed) {
    for (const { item, row: r, col } of row) {
      const R = r + GRID_TOP;
      const C = col + 1;
      if (item.rowSpan > 1 || item.colSpan > 1) ws.mergeCells(R, C, R + item.rowSpan - 1, C + item.colSpan - 1);
      const cell = ws.getCell(R, C);
      const width = widths.slice(col, col + item.colSpan).reduce((a, b) => a + b, 0);
      cell.font = FONT;
      if (item.kind === 'value') {
        const total = totals.get(item.path);
        const stored = getCell(report, item.path);
        if (item.cell.type === 'money' || item.cell.type === 'amount') {
          const text = String(stored ?? '0');
          cell.value = Number(text);
          cell.numFmt = moneyFormat(text, unitOf(report, item.cell));
        } else if (total && !plainTotals.has(item.path)) {
          const of = total.of.map((p) => addresses.get(p)!);
          cell.value = { formula: sumFormula(of), result: countOf(report, item.path) };
        } else {
          cell.value = typeof stored === 'number' ? stored : 0;
        }
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        continue;
      }
      // The narrow group label (三、本年度办理结果) is stacked top to bottom; other labels wrap, a group
      // label such as （三）不予公开 after its number (as in the .docx), not as 「（三）不予公/开」.
      const stacked = item.vertical === true && width < 2 * CJK_UNITS + 1;
      const capacity = Math.floor((width - 1) / CJK_UNITS);
      cell.value = item.vertical && !stacked ? labelLines(item.text, capacity, true).join('\n') : labelWithUnit(report, item.text);
      const left = item.role === 'rowLabel' && !item.vertical;
      cell.alignment = stacked
        ? { horizontal: 'center', vertical: 'middle', textRotation: 'vertical', wrapText: true }
        : { horizontal: left ? 'left' : 'center', vertical: 'middle', wrapText: true };
      if (item.rowSpan === 1 && !stacked) {
        const need = Math.ceil((textWidth(item.text) * CJK_UNITS) / Math.max(1, width - 1));
        lines.set(R, Math.max(lines.get(R) ?? 1, need));
      }
    }
  }
  for (let R = GRID_TOP; R < GRID_TOP + placed.length; R++) {
    ws.getRow(R).height = (lines.get(R) ?? 1) * LINE_PT + 4;
    // Every cell of the grid, merged or not, gets its own four borders (exceljs#18, #623).
    for (let C = 1; C <= grid.gridColumns; C++) ws.getCell(R, C).border = ALL_BORDERS;
  }

  ws.pageSetup = {
    paperSize: 9,
    orientation: grid.gridColumns > 10 ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.6, right: 0.6, top: 0.8, bottom: 0.8, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${GRID_TOP - 1 + grid.headerRows}`,
  };
  return addresses;
}
