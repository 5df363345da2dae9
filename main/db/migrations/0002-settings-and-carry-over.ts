import type { Database } from 'better-sqlite3';

/**
 * App settings (last export folder, notices already shown, last backup) and, per report, the
 * cells filled from last year (shown as 「自上年结转」 and undoable).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
    ALTER TABLE reports ADD COLUMN carried TEXT NOT NULL DEFAULT '[]';
  `);
}
