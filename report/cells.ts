/** Reading and writing a report's cells by path (`requests.newReceived.0`, `active.fees.amount`). */
import type { ActiveValue, CellPath, Report } from './types';

export function getCell(report: Report, path: CellPath): ActiveValue | null | undefined {
  const [table, row, field] = path.split('.');
  if (!row || field === undefined) return undefined;
  if (table === 'active') return report.active[row]?.[field];
  if (table === 'requests') return report.requests[row]?.[Number(field)];
  if (table === 'appeals') return report.appeals[row]?.[Number(field)];
  return undefined;
}

/** Sets a cell in place. Throws on a path the report does not have, so a typo cannot pass silently. */
export function setCell(report: Report, path: CellPath, value: ActiveValue): void {
  const [table, row, field] = path.split('.');
  if (!row || field === undefined) throw new Error(`bad cell path: ${path}`);
  if (table === 'active') {
    const r = report.active[row];
    if (!r || !(field in r)) throw new Error(`no such cell: ${path}`);
    r[field] = value;
    return;
  }
  const arr = table === 'requests' ? report.requests[row] : table === 'appeals' ? report.appeals[row] : undefined;
  const i = Number(field);
  if (!arr || !Number.isInteger(i) || i < 0 || i >= arr.length) throw new Error(`no such cell: ${path}`);
  if (typeof value !== 'number') throw new Error(`${path} holds a count`);
  arr[i] = value;
}

/** A deep copy (reports are plain JSON data). */
export function cloneReport(report: Report): Report {
  return structuredClone(report);
}

/** A count cell as a number (0 when absent; money cells are never summed). */
export function countOf(report: Report, path: CellPath): number {
  const v = getCell(report, path);
  return typeof v === 'number' ? v : 0;
}
