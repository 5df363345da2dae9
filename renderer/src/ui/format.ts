/** How the screens write formats, statuses and times. */
import { getFormat } from '../../../report/formats';
import type { FormatId } from '../../../report/types';

export const STATUS_LABEL = { draft: '草稿', final: '已定稿' } as const;

/** 「已发布（2024年1月22日）」 for a report imported from a published source (issue 15 #9). */
export function publishedLabel(r: { publishedOn: string | null }): string {
  if (!r.publishedOn) return '已发布';
  const [y, m, d] = r.publishedOn.split('-').map(Number);
  return `已发布（${y}年${m}月${d}日）`;
}

/** 「2021年版（国办公开办函〔2021〕30号）」 */
export function formatLabel(id: FormatId): string {
  const def = getFormat(id);
  return `${def.firstYear}年版（${def.notice}）`;
}

const p = (n: number) => String(n).padStart(2, '0');

/** 「2026-01-12 10:31」 in local time. */
export function timeLabel(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function timeLabelSeconds(iso: string): string {
  const d = new Date(iso);
  return `${timeLabel(iso)}:${p(d.getSeconds())}`;
}
