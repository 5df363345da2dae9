/** The publication deadline of a report and how far away it is, in whole calendar days. Pure: the archive, the editor and 发布前自查 count the same way. */

export interface Countdown {
  days: number;
  text: string;
  tone: 'ok' | 'soon' | 'late' | 'done';
}

const dayNumber = (y: number, m: number, d: number) => Math.round(Date.UTC(y, m - 1, d) / 86_400_000);

/** `deadline` is YYYY-MM-DD; `today` the clerk's local date. */
export function countdown(deadline: string, today: Date, final: boolean): Countdown {
  const [y, m, d] = deadline.split('-').map(Number) as [number, number, number];
  const days = dayNumber(y, m, d) - dayNumber(today.getFullYear(), today.getMonth() + 1, today.getDate());
  if (final) return { days, text: '已定稿', tone: 'done' };
  if (days > 0) return { days, text: `距公开截止还有${days}天`, tone: days <= 10 ? 'soon' : 'ok' };
  if (days === 0) return { days, text: '今天是公开截止日', tone: 'soon' };
  return { days, text: `已超过公开截止日${-days}天`, tone: 'late' };
}

/** 「2026年1月31日」 */
export function deadlineLabel(deadline: string): string {
  const [y, m, d] = deadline.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The report being prepared now: last year's (reports are due early in the following year). */
export const currentReportYear = (today: Date): number => today.getFullYear() - 1;
