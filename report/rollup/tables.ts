/** Comparing reports' tables, and naming cells as a clerk reads them. */
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

// tableKey, sameTables and allZero moved to report/checks/year-on-year.ts (R-3 needs them; checks never import the roll-up).
export { tableKey, sameTables, allZero } from '../checks/year-on-year';

export function median(values: readonly number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
