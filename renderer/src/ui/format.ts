/** How the screens write formats, statuses and times. */
// The format's name is the definition's (the .xlsx export names it the same way).
export { formatLabel } from '../../../report/formats';

export const STATUS_LABEL = { draft: '草稿', final: '已定稿' } as const;

/** 「已发布（2024年1月22日）」 for a report imported from a published source (issue 15 #9). */
export function publishedLabel(r: { publishedOn: string | null; verifiedOn?: string | null }): string {
  // 核对已发布 found the page the same as the 定稿 (issue 23 #1): said with the day it was checked.
  if (r.verifiedOn) {
    const [y, m, d] = r.verifiedOn.split('-').map(Number);
    return `已发布 · 已核对，与定稿一致（${y}年${m}月${d}日）`;
  }
  if (!r.publishedOn) return '已发布';
  const [y, m, d] = r.publishedOn.split('-').map(Number);
  return `已发布（${y}年${m}月${d}日）`;
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

/** 「10:31:02」 in local time. */
export function clockTime(iso: string): string {
  const d = new Date(iso);
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
