/**
 * What was carried from last year, in one line (issue 15 #8), and which carried cells are behind
 * last year's report as it is now (it was corrected after the carry-over): those offer 重新结转.
 */
import type { CarriedCellInfo } from '../../../report/api';
import { carryOver } from '../../../report/carry-over';
import { getCell } from '../../../report/cells';
import type { FormatLayout } from '../../../report/layout';
import type { CellPath, Report } from '../../../report/types';

export function carrySummary(year: number, carried: readonly CarriedCellInfo[], layout: FormatLayout): string {
  const parts: string[] = [];
  const total = carried.find((c) => c.path === 'requests.carriedOver.6');
  if (total) parts.push(`“上年结转政府信息公开申请数量”总计${total.value}件（取自上年“结转下年度继续办理”，各列分别结转）`);
  const inForce = carried.filter((c) => c.path.endsWith('.inForce'));
  if (inForce.length)
    parts.push(`现行有效件数：${inForce.map((c) => `${layout.cellByPath.get(c.path)?.rowLabel ?? c.path}${c.value}件`).join('、')}（上年现行有效件数加本年制发、减本年废止，随填随算）`);
  return `已自${year - 1}年度报告结转${carried.length}个数字：${parts.join('；') || '见表中标有“结转”的格'}。`;
}

/** Carried cells still holding the carried figure whose source in last year's report has changed since. */
export function staleCarry(previous: Report, report: Report, carried: readonly CarriedCellInfo[]): CellPath[] {
  const fresh = new Map(carryOver(previous, report).carried.map((c) => [c.path, c.value]));
  return carried.filter((c) => getCell(report, c.path) === c.value && fresh.has(c.path) && fresh.get(c.path) !== c.value).map((c) => c.path);
}

/** 待核对 cells grouped by table row, in the order of the layout (the checks panel lists rows). */
export function verifyRows(paths: readonly CellPath[], layout: FormatLayout): { key: string; name: string; paths: CellPath[] }[] {
  const want = new Set(paths);
  const rows = new Map<string, { key: string; name: string; paths: CellPath[] }>();
  for (const c of layout.cells) {
    if (!want.has(c.path)) continue;
    const key = c.path.split('.').slice(0, 2).join('.');
    const row = rows.get(key) ?? { key, name: `表${layout.grids[c.path.split('.')[0] as 'active' | 'requests' | 'appeals'].heading.slice(0, 1)} ${c.rowLabel}`, paths: [] };
    row.paths.push(c.path);
    rows.set(key, row);
  }
  return [...rows.values()];
}
