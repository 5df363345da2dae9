/** Plain facts about backups for the dialog: pure, so they are tested without a browser. */
import type { BackupSummary } from '../../../report/api';

/** Backups older than this are worth a red warning: a week of a clerk's work is at stake. */
export const STALE_DAYS = 7;

/** createdAt is local time without a zone (YYYY-MM-DDTHH:mm:ss), which Date reads as local. */
export function backupIsStale(last: BackupSummary | null, now: Date): boolean {
  if (!last) return true;
  return now.getTime() - new Date(last.createdAt).getTime() > STALE_DAYS * 24 * 3600 * 1000;
}

/** 「23 KB」「4.2 MB」 */
export function sizeLabel(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
