import type { Database } from 'better-sqlite3';

/**
 * A version counter per report, raised by every change of the report (content, status, recycle
 * state, agency rename). Each save names the version its editor started from; a save from an
 * editor that missed a change is kept as a revision instead of overwriting it (report:save).
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE reports ADD COLUMN version INTEGER NOT NULL DEFAULT 1;');
}
