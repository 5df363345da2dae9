/**
 * Which backups to keep: a pure function of the list and the clock, so the rule is tested with a
 * fake clock. Daily backups: the newest of each of the 7 most recent days that have one, and the
 * newest of each of the 4 most recent weeks before those. Counting days that have backups (not
 * calendar days) keeps a long history for an office that opens the app once a month.
 * Backups made before a migration, import or restore, and manual ones, hold a state the user
 * deliberately left behind: they are kept for 30 days, and the newest 3 of them always.
 */
export interface BackupEntry {
  name: string;
  reason: string;
  createdAt: Date;
}

export const KEEP_DAILY = 7;
export const KEEP_WEEKLY = 4;
export const KEEP_PROTECTED_DAYS = 30;
export const KEEP_PROTECTED_MIN = 3;

const pad = (n: number) => String(n).padStart(2, '0');
const dayKey = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The Monday (local) of the date's week, as a day key. */
function weekKey(d: Date): string {
  const monday = new Date(d.getFullYear(), d.getMonth(), d.getDate() - ((d.getDay() + 6) % 7));
  return dayKey(monday);
}

/** Newest entry per bucket, buckets ordered newest first. */
function newestPerBucket(entries: BackupEntry[], key: (d: Date) => string): BackupEntry[] {
  const byKey = new Map<string, BackupEntry>();
  for (const e of entries) {
    const k = key(e.createdAt);
    const cur = byKey.get(k);
    if (!cur || e.createdAt > cur.createdAt) byKey.set(k, e);
  }
  return [...byKey.values()].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}

export function selectToKeep(entries: BackupEntry[], now: Date): Set<string> {
  const keep = new Set<string>();
  const routine = entries.filter((e) => e.reason === 'daily');
  const daily = newestPerBucket(routine, dayKey).slice(0, KEEP_DAILY);
  for (const e of daily) keep.add(e.name);
  const oldestDaily = daily.at(-1);
  const older = oldestDaily ? routine.filter((e) => dayKey(e.createdAt) < dayKey(oldestDaily.createdAt)) : routine;
  for (const e of newestPerBucket(older, weekKey).slice(0, KEEP_WEEKLY)) keep.add(e.name);

  const protectedOnes = entries
    .filter((e) => e.reason !== 'daily')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  const cutoff = now.getTime() - KEEP_PROTECTED_DAYS * 86_400_000;
  protectedOnes.forEach((e, i) => {
    if (i < KEEP_PROTECTED_MIN || e.createdAt.getTime() >= cutoff) keep.add(e.name);
  });
  return keep;
}
