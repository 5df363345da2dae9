/**
 * The one way the archive is opened: WAL, synchronous=FULL (an archive whose point is never to
 * lose a year's report: every commit is on disk before save returns), foreign keys on, a busy
 * timeout, schema checked before anything is written.
 */
import type Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { mkdirPrivate, precreatePrivate } from './fs-safe';
import { connect } from './sqlite';
import { dirname } from 'node:path';
import { ArchiveError, errorCodeOf, failureKind } from './errors';
import { LATEST_VERSION, migrate, schemaVersion, tooNew } from './migrations';

export type Db = Database.Database;

export interface OpenOptions {
  /** Open without any write (a newer file, or a file the user chose to view read-only). */
  readonly?: boolean;
  /** Busy timeout in ms (another process holding a write lock). */
  timeoutMs?: number;
  /** Called before pending migrations run (the lifecycle layer backs the file up here). */
  beforeMigrate?: (db: Db, from: number, to: number) => void;
}

export function openArchive(file: string, options: OpenOptions = {}): Db {
  let created = false;
  if (file !== ':memory:' && !options.readonly) {
    // A new archive and its folder are owner-only (fs-safe.ts); an existing one keeps its modes.
    mkdirPrivate(dirname(file));
    try {
      if (!existsSync(file)) {
        precreatePrivate(file);
        created = true;
      }
    } catch {
      // A folder that refuses the file: SQLite's own attempt below gives the explained error.
    }
  }
  if (options.readonly && file !== ':memory:' && !existsSync(file)) {
    throw new ArchiveError('NOT_FOUND', `找不到档案文件：${file}`);
  }
  let db: Db;
  try {
    db = connect(file, { timeout: options.timeoutMs ?? 5000, readonly: options.readonly ?? false });
  } catch (e) {
    if (created) removeIfEmpty(file);
    throw translateOpenError(e, file);
  }
  try {
    // Read the version before any pragma that writes: a newer file must stay untouched.
    const version = schemaVersion(db);
    if (version > LATEST_VERSION) throw tooNew(version);
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      // Not every SQLite build defaults foreign keys on; reports and revisions rely on them.
      db.pragma('foreign_keys = ON');
      if (version < LATEST_VERSION) {
        options.beforeMigrate?.(db, version, LATEST_VERSION);
        migrate(db);
      }
    } else {
      db.pragma('foreign_keys = ON');
      if (version < LATEST_VERSION) {
        throw new ArchiveError('DB_OPEN_FAILED', '这个档案文件版本较旧，只读方式下无法升级，请以正常方式打开。');
      }
    }
    return db;
  } catch (e) {
    db.close();
    if (created) removeIfEmpty(file);
    throw e instanceof ArchiveError ? e : translateOpenError(e, file);
  }
}

/**
 * A failed first open must not leave the empty file it pre-created: the next start would diagnose
 * that file instead of offering to create the archive again.
 */
function removeIfEmpty(file: string): void {
  try {
    if (statSync(file).size === 0) rmSync(file, { force: true });
  } catch {
    // Nothing there, or not ours to remove: the error being reported is the one that matters.
  }
}

/** Maps SQLite and file-system failures (read by failureKind, ./errors.ts) to the archive's codes and a sentence a clerk understands. */
export function translateOpenError(e: unknown, file: string): ArchiveError {
  const kind = failureKind(errorCodeOf(e));
  const msg = (e as Error).message ?? String(e);
  if (kind === 'corrupt' || /not a database|malformed/i.test(msg))
    return new ArchiveError('DB_CORRUPT', `档案文件已损坏，无法读取：${file}。可以从备份恢复，或另选一个档案文件。`);
  if (kind === 'locked')
    return new ArchiveError('DB_LOCKED', '档案文件正被另一个程序（可能是另一个年报助手窗口）使用，请先关闭它再试。');
  if (kind === 'readonly' || errorCodeOf(e) === 'EPERM')
    return new ArchiveError('DB_READONLY', `无法写入档案文件所在的文件夹：${dirname(file)}。请检查权限，或另选一个档案位置。`);
  if (kind === 'full')
    return new ArchiveError('DB_FULL', '磁盘空间已满，无法保存档案。请清理磁盘后再试。');
  return new ArchiveError('DB_OPEN_FAILED', `无法打开档案文件：${file}（${msg}）`);
}

/** Closing cleanly: let SQLite refresh its statistics, then release the file. */
export function closeArchive(db: Db): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } finally {
    db.close();
  }
}
