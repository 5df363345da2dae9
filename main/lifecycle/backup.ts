/**
 * Backups of the archive in <userData>/backups/: consistent copies made by SQLite itself (the
 * online backup API, or VACUUM INTO where the caller is synchronous), never a raw copy of a live
 * WAL file. A backup is written under a temporary name and renamed only after it has been checked,
 * so a file that looks like a backup is always a complete one.
 */
import { soundnessCheck, useRollbackJournal, vacuumInto } from '../db/file-checks';
import { connect } from '../db/sqlite';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Db } from '../db/open';
import { getSetting, setSetting } from '../db/settings';
import { fsyncDir, fsyncFile, mkdirPrivate, precreatePrivate, tempNameFor } from '../db/fs-safe';
import { selectToKeep } from './retention';

export type BackupReason = 'daily' | 'manual' | 'before-migrate' | 'before-import' | 'before-restore';

export const BACKUP_REASONS: readonly BackupReason[] = ['daily', 'manual', 'before-migrate', 'before-import', 'before-restore'];

export const REASON_LABELS: Record<BackupReason, string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  'before-migrate': '升级档案前的备份',
  'before-import': '导入前的备份',
  'before-restore': '恢复前的备份',
};

export interface BackupInfo {
  /** The file name inside the backups folder; the only handle the UI ever gets. */
  name: string;
  reason: BackupReason;
  /** Local time the backup was made, ISO 8601 without zone (as in the name). */
  createdAt: string;
  size: number;
}

/** nianbao-20250131-093005-daily.sqlite (local time: it is the clerk's day that counts). */
const NAME = /^nianbao-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?-([a-z-]+)\.sqlite$/;

export function isBackupName(name: string): boolean {
  const m = NAME.exec(name);
  return !!m && (BACKUP_REASONS as string[]).includes(m[8]!);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function backupName(now: Date, reason: BackupReason, seq = 0): string {
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `nianbao-${stamp}${seq ? `-${seq}` : ''}-${reason}.sqlite`;
}

export function parseBackupName(name: string): { reason: BackupReason; createdAt: Date } | null {
  const m = NAME.exec(name);
  if (!m || !(BACKUP_REASONS as string[]).includes(m[8]!)) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  return { reason: m[8] as BackupReason, createdAt: new Date(y, mo - 1, d, h, mi, s) };
}

function localIso(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Backups, newest first. Files that are not ours (or half-written temporaries) are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  if (!existsSync(dir)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    out.push({ name, reason: parsed.reason, createdAt: localIso(parsed.createdAt), size: statSync(join(dir, name)).size });
  }
  return out.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
}

function freeName(dir: string, now: Date, reason: BackupReason): string {
  for (let seq = 0; ; seq++) {
    const name = backupName(now, reason, seq);
    if (!existsSync(join(dir, name))) return name;
  }
}

/** Opens the copy read-only and asks SQLite whether it is sound; throws when it is not. */
export function verifyCopy(file: string): void {
  const copy = connect(file, { readonly: true, fileMustExist: true });
  try {
    const result = soundnessCheck(copy, false);
    if (result !== 'ok') throw new Error(`backup copy failed quick_check: ${String(result)}`);
  } finally {
    copy.close();
  }
}

/**
 * Turns a fresh copy into a finished backup file: switched to a rollback journal (the copy carries
 * the archive's WAL mode, and a lone backup must not grow -wal/-shm companions when it is read),
 * flushed, checked by SQLite, and only then renamed to its final name.
 */
function finishCopy(tmp: string, target: string): void {
  const copy = connect(tmp, { fileMustExist: true });
  try {
    useRollbackJournal(copy);
  } finally {
    copy.close();
  }
  fsyncFile(tmp);
  verifyCopy(tmp);
  renameSync(tmp, target);
  fsyncDir(dirname(target));
}

/** A backup through SQLite's online backup API to any file (「备份到…」); the archive stays usable meanwhile. */
export async function backupToFile(db: Db, target: string): Promise<void> {
  const tmp = tempNameFor(target);
  try {
    precreatePrivate(tmp);
    await db.backup(tmp);
    finishCopy(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A verified backup as bytes (browser mode: the page downloads it), through a private temp folder. */
export async function backupBytes(db: Db): Promise<Buffer> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-backup-'));
  try {
    const file = join(dir, 'backup.sqlite');
    await backupToFile(db, file);
    return readFileSync(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function infoOf(dir: string, name: string): BackupInfo {
  const parsed = parseBackupName(name)!;
  return { name, reason: parsed.reason, createdAt: localIso(parsed.createdAt), size: statSync(join(dir, name)).size };
}

export interface BackupOptions {
  reason: BackupReason;
  now?: Date;
}

/** A backup into the backups folder. */
export async function createBackup(db: Db, dir: string, o: BackupOptions): Promise<BackupInfo> {
  mkdirPrivate(dir);
  const name = freeName(dir, o.now ?? new Date(), o.reason);
  await backupToFile(db, join(dir, name));
  return infoOf(dir, name);
}

/**
 * The same, synchronously, for openArchive's beforeMigrate hook (which cannot await): VACUUM INTO
 * is SQLite's other way to write a transactionally consistent copy of a live database.
 */
export function createBackupSync(db: Db, dir: string, o: BackupOptions): BackupInfo {
  mkdirPrivate(dir);
  const name = freeName(dir, o.now ?? new Date(), o.reason);
  const target = join(dir, name);
  const tmp = tempNameFor(target);
  try {
    precreatePrivate(tmp);
    vacuumInto(db, tmp);
    finishCopy(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return infoOf(dir, name);
}

const DAY_KEY = 'backup.lastDaily';

function dayOf(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Once per calendar day the archive is used: a backup, then the old ones are thinned out. */
export async function dailyBackupIfDue(db: Db, dir: string, now = new Date()): Promise<BackupInfo | null> {
  const today = dayOf(now);
  if (getSetting(db, DAY_KEY) === today && listBackups(dir).length) return null;
  const info = await createBackup(db, dir, { reason: 'daily', now });
  setSetting(db, DAY_KEY, today);
  pruneBackups(dir, now);
  return info;
}

/** Deletes the backups the retention rule no longer keeps; returns their names. */
export function pruneBackups(dir: string, now = new Date()): string[] {
  const all = listBackups(dir).map((b) => ({ name: b.name, reason: b.reason, createdAt: parseBackupName(b.name)!.createdAt }));
  const keep = selectToKeep(all, now);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.name)) continue;
    rmSync(join(dir, b.name), { force: true });
    removed.push(b.name);
  }
  return removed;
}
