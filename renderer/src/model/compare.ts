/** 对照上年 (issue 15, also wanted): how a cell shows last year's figure beside this year's. */

/** 「上年 12 · +3」: last year's figure and this year's change (counts only; money as written). */
export function previousLabel(now: unknown, before: unknown): string | undefined {
  if (before === undefined || before === null) return undefined;
  if (typeof before !== 'number' || typeof now !== 'number') return `上年 ${String(before)}`;
  const d = now - before;
  return `上年 ${before}${d === 0 ? '' : ` · ${d > 0 ? '+' : '−'}${Math.abs(d)}`}`;
}
