import type { Database } from 'better-sqlite3';

/**
 * The roll-up roster (统计范围, rollup.md §3): per collecting organ and year, its units with their
 * level and collection status. An agency belongs to one organ's roster per year (UNIQUE agency_id,
 * year). Units point at agencies by id, so a renamed agency keeps its place and its reports. Every
 * status change is also appended to roster_log: nothing about who sent what, when, is ever lost.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE roster_units (
      id INTEGER PRIMARY KEY,
      organ_id INTEGER NOT NULL REFERENCES agencies (id),
      year INTEGER NOT NULL,
      agency_id INTEGER NOT NULL REFERENCES agencies (id),
      level TEXT NOT NULL CHECK (level IN ('self', 'township', 'department', 'other')),
      status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'received', 'returned', 'accepted', 'excluded')),
      reason TEXT NOT NULL DEFAULT '',
      received_at TEXT,
      file_name TEXT NOT NULL DEFAULT '',
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      UNIQUE (agency_id, year)
    );
    CREATE INDEX roster_by_organ ON roster_units (organ_id, year, position);
    CREATE TABLE roster_log (
      id INTEGER PRIMARY KEY,
      organ_id INTEGER NOT NULL,
      year INTEGER NOT NULL,
      agency_id INTEGER NOT NULL,
      status TEXT NOT NULL,
      reason TEXT NOT NULL DEFAULT '',
      file_name TEXT NOT NULL DEFAULT '',
      at TEXT NOT NULL
    );
  `);
}
