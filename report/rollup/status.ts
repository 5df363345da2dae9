/**
 * The collection's state in one phrase, the same on the board, the 汇总表, the exports and the CLI
 * (rollup.md §3: complete when every unit is 已通过 or 不纳入). When every report is in but some are
 * not yet passed, 「未收齐（已收 12 / 共 12）」 alone would read as a contradiction, so it says why.
 */
import type { RollupView } from './view';

type Counted = Pick<RollupView, 'complete' | 'received' | 'total' | 'units'>;

export function collectionStatus(view: Counted): string {
  if (view.complete) return `已收齐（共 ${view.total} 个单位均已通过）`;
  const head = `未收齐（已收 ${view.received} / 共 ${view.total}）`;
  if (view.received < view.total) return head;
  const open = view.units.filter((u) => u.status !== 'accepted' && u.status !== 'excluded').length;
  return `${head}：报告都已收到，${open} 个单位尚未审核通过`;
}

/** 「缺报：甲、乙 等n个」 (at most `shown` names), or '' when nobody is missing. */
export function missingPhrase(view: Pick<RollupView, 'complete' | 'missing'>, shown = Infinity): string {
  if (view.complete || !view.missing.length) return '';
  const names = view.missing.slice(0, shown).join('、');
  return `缺报：${names}${view.missing.length > shown ? ` 等${view.missing.length}个` : ''}`;
}
