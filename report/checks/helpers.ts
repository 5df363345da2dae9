import { countOf } from '../cells';
import { layoutOf } from '../layout';
import type { CellPath, Finding, Report, Severity } from '../types';

export const finding = (
  rule: string,
  severity: Severity,
  cells: CellPath[],
  expected: Finding['expected'],
  actual: Finding['actual'],
  message: string,
): Finding => ({ rule, severity, cells, expected, actual, message });

export const sum = (report: Report, paths: CellPath[]): number => paths.reduce((s, p) => s + countOf(report, p), 0);

/** 「自然人列」, 「总计列」: how a clerk names a column of Table 三. */
export function requestColumnName(report: Report, c: number): string {
  const col = layoutOf(report.format).format.requests.columns[c];
  return `${col?.label ?? c}列`;
}

export const cellName = (report: Report, path: CellPath): string => layoutOf(report.format).cellByPath.get(path)?.name ?? path;

export const rowLabelOf = (report: Report, path: CellPath): string =>
  layoutOf(report.format).cellByPath.get(path)?.rowLabel ?? path;
