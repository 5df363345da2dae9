/** Words of the 汇总 screens, and small helpers shared by its parts. */
import type { ExportOutcome } from '../../../report/api';
import { UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS } from '../../../report/rollup/types';
import { downloadFile } from '../export/files';

export { UNIT_LEVEL_LABELS, UNIT_STATUS_LABELS };

/** The place of the 汇总 screen in the URL: #/rollup?organ=…&year=… (a reload stays there). */
export function rollupHash(organ: string, year: number): string {
  return `#/rollup?${new URLSearchParams({ organ, year: String(year) }).toString()}`;
}

export function parseRollupHash(hash: string): { organ: string; year: number } | null | undefined {
  if (!hash.startsWith('#/rollup')) return undefined;
  const q = new URLSearchParams(hash.split('?')[1] ?? '');
  const year = Number(q.get('year'));
  const organ = q.get('organ') ?? '';
  return organ && Number.isInteger(year) && year > 0 ? { organ, year } : null;
}

/** A delivered export: the browser downloads it; the desktop app has written it where the user chose. */
export function delivered(o: ExportOutcome): string | null {
  if (!o.saved) return null;
  if (o.download) downloadFile(o.download);
  return o.location ? `已保存到 ${o.location}` : `已下载“${o.fileName}”`;
}

export const dateLabel = (iso: string | null): string => (iso ? iso.slice(0, 10) : '');
