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
  // Reports that came into the archive by importing a published page or document (their first
  // revision is an import, not of the app's own .json) were published: they stop counting down.
  db.exec(`
    UPDATE reports SET
      published = 1,
      published_on = NULLIF(json_extract(body, '$.closing.date'), '')
    WHERE (SELECT reason FROM revisions WHERE report_id = reports.id ORDER BY id LIMIT 1) = 'import'
      AND (SELECT note FROM revisions WHERE report_id = reports.id ORDER BY id LIMIT 1) NOT LIKE '%.json%';
  `);
}
