/**
 * How a figure is printed, the same in every export (format.md §6): every cell printed, zeros as 0,
 * money exactly as stored ("0.9840" keeps its trailing zero), a gov-2019 procurement amount with the
 * unit the report stores for its row (251000元).
 */
import { getCell, type CellInfo, type Report } from '../../report';

/** The unit stored with an `amount` cell's row (active.procurement.unit), or '' for any other cell. */
export function unitOf(report: Report, cell: CellInfo): string {
  if (cell.type !== 'amount') return '';
  const row = cell.path.split('.')[1] ?? '';
  const unit = report.active[row]?.unit;
  return typeof unit === 'string' ? unit : '';
}

/** The printed text of a value cell. */
export function cellText(report: Report, cell: CellInfo): string {
  const v = getCell(report, cell.path);
  const text = v === null || v === undefined ? '0' : String(v);
  return text + unitOf(report, cell);
}

/** Decimals of a money string as stored: "0.9840" → 4, "9116.36" → 2, "0" → 0. */
export function decimalsOf(money: string): number {
  const dot = money.indexOf('.');
  return dot < 0 ? 0 : money.length - dot - 1;
}

/** Width of a text in character widths of its font size: CJK and full-width forms 1, ASCII 0.5. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! < 0x2e80 ? 0.5 : 1;
  return w;
}
