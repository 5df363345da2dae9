/**
 * Statements about a database file as a whole rather than its rows: its schema version, SQLite's
 * own soundness checks, its journal and lock, a consistent copy of it. Each takes the connection
 * it runs on — the archive's, or that of a candidate backup file opened for checking.
 */
import type Database from 'better-sqlite3';

type Conn = Database.Database;

/** The schema version the file's migrations reached (0 for a new, empty file). */
export function userVersion(db: Conn): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQLite's quick_check, or the full integrity_check: 'ok' when the file is sound, else the first problem. */
export function soundnessCheck(db: Conn, full: boolean): unknown {
  return db.pragma(full ? 'integrity_check' : 'quick_check', { simple: true });
}

/** The names of the file's tables. */
export function tableNames(db: Conn): Set<string> {
  return new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name));
}

/** Whether the file has any table at all (a new archive has none). */
export function hasAnyTable(db: Conn): boolean {
  return (db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as { n: number }).n > 0;
}

/** How many reports the file holds, deleted ones included. */
export function reportCount(db: Conn): number {
  return (db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n;
}

/** Switches the file to a rollback journal (a lone copy must not grow -wal/-shm companions). */
export function useRollbackJournal(db: Conn): void {
  db.pragma('journal_mode = DELETE');
}

/** Takes the file's exclusive lock now (rather than at the first write) and keeps it until closed. */
export function lockExclusively(db: Conn): void {
  db.pragma('locking_mode = EXCLUSIVE');
  db.exec('BEGIN IMMEDIATE; COMMIT');
}

/** Writes a transactionally consistent copy of the live database to `file` (VACUUM INTO). */
export function vacuumInto(db: Conn, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
