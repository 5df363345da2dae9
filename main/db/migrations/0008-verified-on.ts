import type { Database } from 'better-sqlite3';

/**
 * Issue 23 #1 (核对已发布): the day the published page was compared with the 定稿 report and found
 * the same (已核对，与定稿一致). NULL until then, and again after the report's content changes.
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE reports ADD COLUMN verified_on TEXT');
}
