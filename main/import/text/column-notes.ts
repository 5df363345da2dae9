/**
 * What the column order of Table 三 means for the reading (columns.ts): readings moved into the
 * standard order, and the flag on every cell when the order cannot be confirmed.
 */
import { finding } from '../../../report/checks/helpers';
import type { FormatDef } from '../../../report/formats/model';
import type { Finding } from '../../../report/types';
import type { Candidate } from './candidates';
import { toStandard, type ColumnOrder } from './columns';
import type { RowRead, TableRead } from './rows';
import type { Resolution } from './solve';

export function reorder(c: Candidate, perm: number[]): Candidate {
  const moved: Candidate = { ...c, vals: toStandard(c.vals, perm, null) };
  if (c.units) moved.units = toStandard(c.units, perm, undefined);
  if (c.unreadable) moved.unreadable = c.unreadable.map((k) => perm[k]!);
  return moved;
}

/** Rows whose 总计 (last column) is not the sum of the others as read. */
function brokenTotals(rows: readonly RowRead[], res: Resolution): number {
  let broken = 0;
  for (const r of rows) {
    const v = res.picks.get(r.spec.id)?.vals;
    if (!v || v.some((x) => x === null)) continue;
    const n = v.map(Number);
    if (n.slice(0, -1).reduce((s, x) => s + x, 0) !== n[n.length - 1]) broken++;
  }
  return broken;
}

export function columnNotes(order: ColumnOrder, def: FormatDef, rows: readonly RowRead[], res: Resolution, out: TableRead): Finding[] {
  const all = [...out.values.keys()];
  if (order.perm)
    return [finding('IMPORT-COLUMNS', 'warning', [], def.requests.columns.map((c) => c.label).join('、'), order.printed.join('、'),
      `表三的列顺序与标准格式不同（原文依次为：${order.printed.join('、')}），已按列标题对应到标准的列，请核对`)];
  // No header words at all, and totals that do not add up in several rows: the columns may be in
  // another order that nothing in the copy can confirm.
  const noHeader = order.printed.length === 0 && brokenTotals(rows, res) >= 2;
  if (!order.unconfirmed && !noHeader) return [];
  for (const p of all) out.uncertain.add(p);
  return [finding('IMPORT-COLUMNS', 'error', all, null, order.printed.join('、') || null,
    noHeader
      ? '表三读不到列标题，且有几行的“总计”不等于各列之和，列的顺序可能与标准格式不同，无法确认；整张表已标出，请对照原文逐列核对'
      : `表三的列标题（原文依次为：${order.printed.join('、')}）与标准格式的列顺序不一致，又不能完整对应，整张表已标出，请对照原文逐列核对`)];
}
