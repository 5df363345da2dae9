/** Comparing reports' tables, and naming cells as a clerk reads them. */
import { getCell } from '../cells';
import { layoutOf } from '../layout';
import type { CellPath, Report } from '../types';

const TABLE_TITLES = { active: '表二', requests: '表三', appeals: '表四' } as const;

/** 「新收政府信息公开申请数量 自然人」: the cell's accessible name from the layout. */

/** 「表三 一、本年新收政府信息公开申请数量 自然人」, or the text part for text cells. */
export function cellTitle(report: Report, path: CellPath): string {
  const info = layoutOf(report.format).cellByPath.get(path);
  if (info) return `${TABLE_TITLES[info.table]} ${info.name}`;
  if (path.startsWith('text.')) return '正文';
  if (path.startsWith('previous.')) return `上年 ${cellTitle(report, path.slice('previous.'.length))}`;
  return path;
}

/** Every value cell in layout order, as a string (amounts with their unit), for equality of tables. */
export function tableKey(report: Report): string {
  const values = layoutOf(report.format).cells.map((c) => {
    const v = getCell(report, c.path);
    return c.type === 'amount' ? `${v}${report.active[c.path.split('.')[1]!]?.unit ?? ''}` : String(v);
  });
  return `${report.format}|${values.join(',')}`;
}

export const sameTables = (a: Report, b: Report): boolean => a.format === b.format && tableKey(a) === tableKey(b);

export function allZero(report: Report): boolean {
  return layoutOf(report.format).cells.every((c) => Number(getCell(report, c.path) ?? 0) === 0);
}

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
