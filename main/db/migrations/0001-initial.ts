import type { Database } from 'better-sqlite3';

/**
 * Agencies, reports (one per agency and year; the canonical JSON as the body, so what goes in
 * comes out equal as data) and revisions (earlier states, never lost).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE agencies (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      level TEXT CHECK (level IN ('township', 'county', 'city', 'province')),
      deadline TEXT NOT NULL DEFAULT '01-31',
      created_at TEXT NOT NULL
    );
    CREATE TABLE reports (
      id INTEGER PRIMARY KEY,
      agency_id INTEGER NOT NULL REFERENCES agencies (id),
      year INTEGER NOT NULL,
      format TEXT NOT NULL CHECK (format IN ('gov-2019', 'gov-2021')),
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
      body TEXT NOT NULL,
      errors INTEGER NOT NULL DEFAULT 0,
      warnings INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      UNIQUE (agency_id, year)
    );
    CREATE TABLE revisions (
      id INTEGER PRIMARY KEY,
      report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
      reason TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
    CREATE INDEX revisions_by_report ON revisions (report_id, id);
  `);
}
