import type { Database } from 'better-sqlite3';

/**
 * Issue 21 #2: the names an agency had before 更正名称, each with the moment it stopped being the
 * name. Finalised and published reports may keep the name they were published under; the checks
 * read these names to find a text that still names the agency the old way.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE agency_names (
      id INTEGER PRIMARY KEY,
      agency_id INTEGER NOT NULL REFERENCES agencies(id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      until TEXT NOT NULL
    );
    CREATE INDEX agency_names_agency ON agency_names(agency_id);
  `);
}
