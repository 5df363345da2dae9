/** 上次备份's red warning and the sizes in the backup list. */
import { describe, expect, it } from 'vitest';
import type { BackupSummary } from '../../report/api';
import { backupIsStale, sizeLabel } from '../../renderer/src/backup/facts';

const at = (createdAt: string): BackupSummary => ({ name: 'x', reason: 'daily', reasonLabel: '每日自动备份', createdAt, size: 1 });

describe('backupIsStale', () => {
  const now = new Date(2026, 0, 20, 9, 0, 0); // local time, as backups are named

  it('no backup at all is stale', () => {
    expect(backupIsStale(null, now)).toBe(true);
  });

  it('a backup within the last 7 days is fresh; one older than that is stale', () => {
    expect(backupIsStale(at('2026-01-20T08:59:00'), now)).toBe(false);
    expect(backupIsStale(at('2026-01-13T09:00:00'), now)).toBe(false);
    expect(backupIsStale(at('2026-01-13T08:59:00'), now)).toBe(true);
  });
});

describe('sizeLabel', () => {
  it('KB under a megabyte (never 0 KB), MB with one decimal above', () => {
    expect(sizeLabel(10)).toBe('1 KB');
    expect(sizeLabel(61_440)).toBe('60 KB');
    expect(sizeLabel(4.25 * 1024 * 1024)).toBe('4.3 MB');
  });
});
