/**
 * An archive in use: opened after diagnoseArchive said so, held with an exclusive lock, and marked
 * as open until it is closed cleanly.
 *
 * - The marker file <archive>.running is written when the archive is opened for writing and removed
 *   on a clean close; finding it at start-up means a crash or power cut, and the next diagnosis runs
 *   the full integrity_check.
 * - locking_mode=EXCLUSIVE makes the operating system lock the file for as long as this connection
 *   lives, so a second program (another copy of the app, the CLI) gets DB_LOCKED instead of writing
 *   the same archive behind our back. The lock dies with the process, so a crash never leaves a
 *   stale lock behind.
 */
import { hasAnyTable, lockExclusively } from '../db/file-checks';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { ArchiveError } from '../db/errors';
import { closeArchive, openArchive, translateOpenError, type Db } from '../db/open';
import { createBackupSync } from './backup';
import { atomicWriteFile, removeStalePartials } from '../db/fs-safe';

export function markerPath(file: string): string {
  return `${file}.running`;
}

export function wasUncleanShutdown(file: string): boolean {
  return file !== ':memory:' && existsSync(markerPath(file));
}

export interface OpenForUseOptions {
  readonly?: boolean;
  /** Where backups go; a migration is preceded by one. */
  backupsDir: string;
  now?: () => Date;
}

export interface ArchiveHandle {
  db: Db;
  file: string;
  readonly: boolean;
  close(): void;
}

/**
 * Read-only viewing. SQLite cannot read a WAL-mode file in a folder where it may not create the
 * -shm index (a read-only share, a write-protected USB stick), so then the viewer reads a snapshot
 * copy in the temp folder: nothing can write the original there anyway.
 */
function openReadonly(file: string): ArchiveHandle {
  try {
    const db = openArchive(file, { readonly: true });
    return { db, file, readonly: true, close: () => closeArchive(db) };
  } catch (e) {
    if (!(e instanceof ArchiveError) || e.code !== 'DB_READONLY') throw e;
  }
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-readonly-'));
  const copy = join(dir, basename(file));
  for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) copyFileSync(file + suffix, copy + suffix);
  let db: Db;
  try {
    db = openArchive(copy, { readonly: true });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e instanceof ArchiveError ? translateOpenError(e, file) : e;
  }
  return {
    db,
    file,
    readonly: true,
    close: () => {
      closeArchive(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function openForUse(file: string, o: OpenForUseOptions): ArchiveHandle {
  if (o.readonly) return openReadonly(file);
  const db = openArchive(file, {
    beforeMigrate: (d) => {
      // An empty new archive has nothing to lose; any other schema change is preceded by a copy.
      const hasTables = hasAnyTable(d);
      if (hasTables) createBackupSync(d, o.backupsDir, { reason: 'before-migrate', now: o.now?.() ?? new Date() });
    },
  });
  try {
    // The exclusive lock is taken by the next write: take it now rather than at the first save.
    lockExclusively(db);
    // Owner-only like every other file of the archive (a marker left 0644 by an older version is replaced).
    atomicWriteFile(markerPath(file), JSON.stringify({ pid: process.pid, openedAt: new Date().toISOString() }));
  } catch (e) {
    db.close();
    throw e;
  }
  // Half-written copies of a backup, restore or export that was killed: nobody will finish them.
  removeStalePartials(dirname(file));
  removeStalePartials(o.backupsDir);
  let closed = false;
  return {
    db,
    file,
    readonly: false,
    close: () => {
      if (closed) return;
      closed = true;
      closeArchive(db);
      rmSync(markerPath(file), { force: true });
    },
  };
}
