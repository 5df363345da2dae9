import type { Database } from 'better-sqlite3';

/**
 * Issue 15: agencies the user marks as 本机关 (listed first, the default in dialogs; the others are
 * reference agencies), reports imported from a published source (已发布, with the date when the
 * source gives one: no publication countdown), and the cells an import split by rule that the
 * clerk has still to confirm (待核对, a JSON array of cell paths).
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE agencies ADD COLUMN own INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reports ADD COLUMN published INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE reports ADD COLUMN published_on TEXT;
    ALTER TABLE reports ADD COLUMN to_verify TEXT NOT NULL DEFAULT '[]';
  `);
}
