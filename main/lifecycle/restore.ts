/**
 * 「从备份恢复」: replace the archive with a backup, losing nothing.
 *
 * 1. The chosen file is checked: it opens, is one of our archives, passes integrity_check and is
 *    not newer than this app. A bad file is refused before anything is touched.
 * 2. The current archive is backed up first (through SQLite when it opens; when it is too damaged
 *    to open, its raw files are set aside in the backups folder as they are).
 * 3. The backup is copied through SQLite to a temporary file next to the archive, flushed, and
 *    renamed over the archive in one atomic step. The old -wal/-shm files are moved away first:
 *    a stale WAL would otherwise be replayed onto the restored file.
 * The caller reopens the archive afterwards (which migrates an older backup, backing up first).
 */
import { reportCount, soundnessCheck, tableNames, userVersion } from '../db/file-checks';
import type Database from 'better-sqlite3';
import { connect } from '../db/sqlite';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LATEST_VERSION } from '../db/migrations';
import { ArchiveError } from '../db/errors';
import { closeArchive, type Db } from '../db/open';
import { backupName, createBackup, type BackupInfo } from './backup';
import { fsyncDir, fsyncFile, makePrivate, mkdirPrivate, precreatePrivate, tempNameFor } from '../db/fs-safe';
import { markerPath } from './session';

export interface BackupCheck {
  version: number;
  reports: number;
}

/** Throws an ArchiveError in Chinese when the file cannot serve as the archive. */
export function validateBackupFile(file: string): BackupCheck {
  if (!existsSync(file)) throw new ArchiveError('NOT_FOUND', `找不到备份文件：${file}`);
  let db: Database.Database;
  try {
    db = connect(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new ArchiveError('INVALID', '所选文件不是年报助手的档案或备份文件，无法用于恢复。');
  }
  try {
    let version: number;
    try {
      version = userVersion(db);
    } catch {
      throw new ArchiveError('INVALID', '所选文件不是年报助手的档案或备份文件，无法用于恢复。');
    }
    if (version > LATEST_VERSION)
      throw new ArchiveError('DB_TOO_NEW', `所选备份由更新版本的年报助手创建（数据版本 ${version}，本程序支持到 ${LATEST_VERSION}），不能用它恢复。`);
    const tables = tableNames(db);
    if (version < 1 || !['agencies', 'reports', 'revisions'].every((t) => tables.has(t)))
      throw new ArchiveError('INVALID', '所选文件不是年报助手的档案或备份文件，无法用于恢复。');
    const check = soundnessCheck(db, true);
    if (check !== 'ok') throw new ArchiveError('DB_CORRUPT', '所选备份文件已损坏（完整性检查未通过），不能用它恢复。请选择另一个备份。');
    const reports = reportCount(db);
    return { version, reports };
  } catch (e) {
    if (e instanceof ArchiveError) throw e;
    throw new ArchiveError('DB_CORRUPT', '所选备份文件已损坏，不能用它恢复。请选择另一个备份。');
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  archiveFile: string;
  backupsDir: string;
  /** The backup (or any archive file) to restore from. */
  source: string;
  /** The open archive, if any; it is backed up and then closed. */
  current: Db | null;
  now?: Date;
}

export interface RestoreResult {
  check: BackupCheck;
  /** The backup of the state that was replaced (null when there was no archive yet). */
  safety: BackupInfo | null;
  /** When the old archive could not be opened: where its raw files were set aside. */
  setAside: string | null;
}

/** Keeps a damaged archive's raw files, so even a broken file is never thrown away. */
function setAsideRaw(archiveFile: string, backupsDir: string, now: Date): string | null {
  if (!existsSync(archiveFile)) return null;
  mkdirPrivate(backupsDir);
  const target = join(backupsDir, backupName(now, 'before-restore').replace(/^nianbao-/, 'damaged-'));
  try {
    for (const suffix of ['', '-wal', '-shm'])
      if (existsSync(archiveFile + suffix)) {
        copyFileSync(archiveFile + suffix, target + suffix);
        makePrivate(target + suffix);
      }
  } catch (e) {
    // A half-written copy (full disk) is no backup: leave nothing that looks like one.
    for (const suffix of ['', '-wal', '-shm']) rmSync(target + suffix, { force: true });
    throw e;
  }
  return target;
}

/**
 * Everything that can fail for want of space or rights (the safety backup, the copy of the backup
 * next to the archive) happens while the current archive stays open, locked and untouched; it is
 * closed only for the rename. If anything fails, the archive file is as it was, and a connection
 * closed here is the caller's to reopen (main/services.ts does, before it answers).
 */
export async function restoreArchive(o: RestoreOptions): Promise<RestoreResult> {
  const now = o.now ?? new Date();
  const check = validateBackupFile(o.source);

  let safety: BackupInfo | null = null;
  let setAside: string | null = null;
  if (o.current?.open) {
    try {
      safety = await createBackup(o.current, o.backupsDir, { reason: 'before-restore', now });
    } catch {
      // A damaged archive may not copy through SQLite; its raw files are kept below instead.
    }
  }
  if (!safety && existsSync(o.archiveFile)) setAside = setAsideRaw(o.archiveFile, o.backupsDir, now);

  const dir = dirname(o.archiveFile);
  mkdirPrivate(dir);
  const tmp = tempNameFor(o.archiveFile);
  try {
    precreatePrivate(tmp);
    const src = connect(o.source, { readonly: true, fileMustExist: true });
    try {
      await src.backup(tmp);
    } finally {
      src.close();
    }
    fsyncFile(tmp);
    // Windows cannot rename over an open file: the current connection goes only now.
    if (o.current?.open) closeArchive(o.current);
    // After a clean close there is no -wal; after a crash it belongs to the replaced file (kept above).
    for (const suffix of ['-wal', '-shm']) rmSync(o.archiveFile + suffix, { force: true });
    renameSync(tmp, o.archiveFile);
    fsyncDir(dir);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  // The restored file is a clean state: no integrity alarm at the next start.
  rmSync(markerPath(o.archiveFile), { force: true });
  return { check, safety, setAside };
}
