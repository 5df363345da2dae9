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

/** Units 「全部通过」 passes: 已收 with their report in and no error (a 退回 one awaits its corrected file). */
export function passable(view: Pick<RollupView, 'units'>): RollupView['units'] {
  return view.units.filter((u) => u.status === 'received' && u.reportId !== null && u.errors === 0);
}

/** Who must still act, by what they owe: 未交 (a report), 已退回 (a corrected file), 待审核 (the office's review). */
export function owed(view: Pick<RollupView, 'units'>): { pending: number; returned: number; review: number } {
  const n = (s: string) => view.units.filter((u) => u.status === s).length;
  return { pending: n('pending'), returned: n('returned'), review: n('received') };
}

/** 「尚待：未交 2 个单位，已退回待改正 1 个，待审核 5 个」, or '' when nobody owes anything. */
export function owedPhrase(view: Pick<RollupView, 'units'>): string {
  const o = owed(view);
  const parts = [o.pending && `未交 ${o.pending} 个单位`, o.returned && `已退回待改正 ${o.returned} 个`, o.review && `待审核 ${o.review} 个`].filter(Boolean);
  return parts.length ? `尚待：${parts.join('，')}` : '';
}

/**
 * 「本行政区域汇总（含本级），共 m 个单位」 when every counted unit is in the 汇总; otherwise how many
 * of how many, so it never reads 「共24个单位」 beside 「已收 24 / 共 25」.
 */
export function scopePhrase(view: Pick<RollupView, 'total'>, included: number): string {
  return included === view.total ? `本行政区域汇总（含本级），共${included}个单位` : `本行政区域汇总（含本级），已汇总${included}个单位（统计范围共${view.total}个）`;
}
