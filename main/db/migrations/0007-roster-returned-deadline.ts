import type { Database } from 'better-sqlite3';

/**
 * 退回 on the board (issue 21.10): when a unit was sent back and by when its corrected file is due
 * (YYYY-MM-DD, optional). Kept on the unit's row so the board shows who owes a corrected file and
 * since when; the status log keeps the history as before.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE roster_units ADD COLUMN returned_at TEXT;
    ALTER TABLE roster_units ADD COLUMN deadline TEXT;
  `);
}
