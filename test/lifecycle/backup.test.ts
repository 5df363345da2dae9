import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../main/db/migrations';
import { up as initial } from '../../main/db/migrations/0001-initial';
import {
  backupName,
  createBackup,
  dailyBackupIfDue,
  listBackups,
  pruneBackups,
  type BackupReason,
} from '../../main/lifecycle/backup';
import { selectToKeep, type BackupEntry } from '../../main/lifecycle/retention';
import { openForUse } from '../../main/lifecycle/session';
import { edited, setup, tempDir } from './helpers';

const count = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return {
      version: db.pragma('user_version', { simple: true }),
      reports: (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n,
      journal: db.pragma('journal_mode', { simple: true }),
      check: db.pragma('integrity_check', { simple: true }),
    };
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('copies the live archive through SQLite into one self-contained, checked file', async () => {
    const { call, services, backupsDir } = setup();
    const o = await call('report:create', { agency: '某镇人民政府', year: 2024 });
    await call('report:save', { id: o.summary.id, report: edited(o.report, '备份内容', 7), baseVersion: o.summary.version });
    const info = await createBackup(services.handle().db, backupsDir, { reason: 'manual' });
    expect(info.name).toMatch(/^nianbao-\d{8}-\d{6}-manual\.sqlite$/);
    const file = join(backupsDir, info.name);
    expect(count(file)).toEqual({ version: LATEST_VERSION, reports: 1, journal: 'delete', check: 'ok' });
    // Reading a backup leaves no -wal/-shm behind and no temporary file is left over.
    expect(readdirSync(backupsDir)).toEqual([info.name]);
    services.close();
  });

  it('makes the daily backup once per day and thins out old ones', async () => {
    const { services, backupsDir } = setup();
    const db = services.handle().db;
    const day = (d: number) => new Date(2025, 0, d, 9, 0, 0);
    expect(await dailyBackupIfDue(db, backupsDir, day(1))).not.toBeNull();
    expect(await dailyBackupIfDue(db, backupsDir, new Date(2025, 0, 1, 17, 0, 0))).toBeNull();
    for (let d = 2; d <= 60; d++) await dailyBackupIfDue(db, backupsDir, day(d));
    const kept = listBackups(backupsDir);
    expect(kept).toHaveLength(11); // 7 daily + 4 weekly
    expect(kept.slice(0, 7).map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2025-03-01', '2025-02-28', '2025-02-27', '2025-02-26', '2025-02-25', '2025-02-24', '2025-02-23',
    ]);
    services.close();
  });

  it('backs the archive up before a migration', () => {
    const dir = tempDir();
    const file = join(dir, 'archive.sqlite');
    const old = new Database(file);
    initial(old);
    old.pragma('user_version = 1');
    old.prepare("INSERT INTO agencies (name, created_at) VALUES ('旧机关', '2020-01-01')").run();
    old.close();
    const handle = openForUse(file, { backupsDir: join(dir, 'backups') });
    handle.close();
    const [b] = listBackups(join(dir, 'backups'));
    expect(b?.reason).toBe('before-migrate');
    const copy = new Database(join(dir, 'backups', b!.name), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT name FROM agencies').all()).toEqual([{ name: '旧机关' }]);
    copy.close();
    // A brand-new archive has nothing to lose: no backup for its first migration.
    const fresh = openForUse(join(dir, 'new.sqlite'), { backupsDir: join(dir, 'b2') });
    fresh.close();
    expect(existsSync(join(dir, 'b2'))).toBe(false);
  });

  it('lists only its own finished backups', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '.nianbao-20250101-000000-daily.sqlite.1.2.partial'), '');
    writeFileSync(join(dir, 'notes.txt'), '');
    writeFileSync(join(dir, 'nianbao-20250101-000000-evil.sqlite'), '');
    writeFileSync(join(dir, backupName(new Date(2025, 0, 2), 'daily')), '');
    expect(listBackups(dir).map((b) => b.name)).toEqual(['nianbao-20250102-000000-daily.sqlite']);
    expect(pruneBackups(dir, new Date(2025, 0, 3))).toEqual([]);
  });
});

describe('retention (fake clock)', () => {
  const entry = (d: Date, reason: BackupReason = 'daily'): BackupEntry => ({ name: backupName(d, reason), reason, createdAt: d });

  it('keeps the newest of each of 7 days with backups and of the 4 weeks before them', () => {
    const entries: BackupEntry[] = [];
    // Three backups a day for 90 days.
    for (let d = 0; d < 90; d++) for (const h of [8, 12, 18]) entries.push(entry(new Date(2025, 0, 1 + d, h)));
    const now = new Date(2025, 2, 31, 20);
    const keep = [...selectToKeep(entries, now)].sort().reverse();
    expect(keep).toHaveLength(11);
    expect(keep.slice(0, 7).every((n) => n.includes('-180000-'))).toBe(true);
    // Daily: 25–31 March. Weekly: the newest of each of the 4 weeks before (Monday 24 March is
    // what is left of that week; then the Sunday evenings).
    const weekly = keep.slice(7).map((n) => n.slice(8, 16));
    expect(weekly).toEqual(['20250324', '20250323', '20250316', '20250309']);
  });

  it('keeps a rarely used archive\'s history: days with backups count, not calendar days', () => {
    const entries = [0, 30, 60, 90, 120].map((d) => entry(new Date(2024, 0, 1 + d, 9)));
    expect(selectToKeep(entries, new Date(2025, 0, 1)).size).toBe(5);
  });

  it('keeps backups made before a migration, import or restore for 30 days, and the newest 3 always', () => {
    const now = new Date(2025, 5, 30, 12);
    const old = [1, 2, 3, 4, 5].map((d) => entry(new Date(2025, 0, d), 'before-restore'));
    const recent = entry(new Date(2025, 5, 20), 'before-import');
    const keep = selectToKeep([...old, recent], now);
    expect(keep.has(recent.name)).toBe(true);
    expect(old.filter((e) => keep.has(e.name)).map((e) => e.createdAt.getDate())).toEqual([4, 5]);
  });
});

describe('openArchive after a migration backup failure', () => {
  it('does not migrate when the backup cannot be written', () => {
    const dir = tempDir();
    const file = join(dir, 'archive.sqlite');
    const old = new Database(file);
    initial(old);
    old.pragma('user_version = 1');
    old.close();
    writeFileSync(join(dir, 'backups'), 'a file where the folder should be');
    expect(() => openForUse(file, { backupsDir: join(dir, 'backups') })).toThrow();
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });
});
