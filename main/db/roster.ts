/**
 * The queries of the 汇总 rosters (migration 0004): roster_units and roster_log, each function
 * answering one question or making one change on the connection it is given. The roster's rules
 * (who may be in which roster, which status may follow which) are main/rollup/roster.ts.
 */
import type { BoardRow, UnitLevel, UnitStatus } from '../../report/rollup';
import type { Db } from './open';

/** A unit as the archive holds it: the board's stored fields (report/rollup/view.ts) with its ids. */
export interface RosterUnitRow extends Pick<BoardRow, 'agency' | 'level' | 'status' | 'reason' | 'receivedAt' | 'fileName' | 'reportId' | 'returnedAt' | 'deadline'> {
  id: number;
  agencyId: number;
  /** When the unit's report was last saved, and its version (with the time, the cache key for its checks). */
  reportUpdatedAt: string | null;
  reportVersion: number | null;
}

/** One roster row as it travels in the 换电脑 archive export (names, not ids: the other PC has its own). */
export interface RosterEntry extends Pick<BoardRow, 'agency' | 'level' | 'status' | 'reason' | 'receivedAt' | 'fileName'> {
  organ: string;
  year: number;
}

const SELECT = `
  SELECT u.id, u.agency_id AS agencyId, a.name AS agency, u.level, u.status, u.reason, u.received_at AS receivedAt,
         u.file_name AS fileName, u.returned_at AS returnedAt, u.deadline, r.id AS reportId, r.updated_at AS reportUpdatedAt, r.version AS reportVersion
  FROM roster_units u
  JOIN agencies a ON a.id = u.agency_id
  LEFT JOIN reports r ON r.agency_id = u.agency_id AND r.year = u.year AND r.deleted_at IS NULL`;

/** The units of an organ's roster for the year, in board order. */
export function rosterUnits(db: Db, organId: number, year: number): RosterUnitRow[] {
  return db.prepare(`${SELECT} WHERE u.organ_id = ? AND u.year = ? ORDER BY u.position`).all(organId, year) as RosterUnitRow[];
}

/** Every roster of the archive with its unit count, newest year first. */
export function rosterSummaries(db: Db): { organ: string; year: number; units: number }[] {
  return db
    .prepare(`SELECT a.name AS organ, u.year, COUNT(*) AS units FROM roster_units u JOIN agencies a ON a.id = u.organ_id
              GROUP BY u.organ_id, u.year ORDER BY u.year DESC, a.name`)
    .all() as { organ: string; year: number; units: number }[];
}

/** Every roster of the archive, in board order, by names (for the archive export). */
export function rosterEntries(db: Db): RosterEntry[] {
  return db
    .prepare(
      `SELECT o.name AS organ, u.year, a.name AS agency, u.level, u.status, u.reason, u.received_at AS receivedAt, u.file_name AS fileName
       FROM roster_units u JOIN agencies o ON o.id = u.organ_id JOIN agencies a ON a.id = u.agency_id
       ORDER BY u.year, o.name, u.position`,
    )
    .all() as RosterEntry[];
}

/** Logs one change of a unit. */
export function insertRosterLog(db: Db, organId: number, year: number, agencyId: number, status: UnitStatus, reason: string, fileName: string, now: string): void {
  db.prepare('INSERT INTO roster_log (organ_id, year, agency_id, status, reason, file_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    organId, year, agencyId, status, reason, fileName, now,
  );
}

/** Whose roster an agency is in that year, if any. */
export function rosterHolding(db: Db, agencyId: number, year: number): { organId: number; organ: string } | undefined {
  return db
    .prepare('SELECT u.organ_id AS organId, a.name AS organ FROM roster_units u JOIN agencies a ON a.id = u.organ_id WHERE u.agency_id = ? AND u.year = ?')
    .get(agencyId, year) as { organId: number; organ: string } | undefined;
}

/** The position after the last unit of an organ's roster for the year. */
export function nextRosterPosition(db: Db, organId: number, year: number): number {
  return (db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM roster_units WHERE organ_id = ? AND year = ?').get(organId, year) as { n: number }).n;
}

/** When the agency's archived (not deleted) report of the year was last saved, if it has one. */
export function archivedReportSavedAt(db: Db, agencyId: number, year: number): string | undefined {
  const row = db.prepare('SELECT updated_at AS at FROM reports WHERE agency_id = ? AND year = ? AND deleted_at IS NULL').get(agencyId, year) as { at: string } | undefined;
  return row?.at;
}

export interface NewRosterUnit {
  organId: number;
  year: number;
  agencyId: number;
  level: UnitLevel;
  status: UnitStatus;
  reason: string;
  receivedAt: string | null;
  fileName: string;
  position: number;
}

export function insertRosterUnit(db: Db, u: NewRosterUnit, now: string): void {
  db.prepare(
    `INSERT INTO roster_units (organ_id, year, agency_id, level, status, reason, received_at, file_name, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(u.organId, u.year, u.agencyId, u.level, u.status, u.reason, u.receivedAt, u.fileName, u.position, now, now);
}

/** The unit row of an agency in an organ's roster for the year, with its status. */
export function rosterUnitOf(db: Db, organId: number, agencyId: number, year: number): { id: number; status: UnitStatus } | undefined {
  return db.prepare('SELECT id, status FROM roster_units WHERE organ_id = ? AND agency_id = ? AND year = ?').get(organId, agencyId, year) as
    | { id: number; status: UnitStatus }
    | undefined;
}

export function setUnitLevelStatus(db: Db, id: number, level: UnitLevel, status: UnitStatus, reason: string, now: string): void {
  db.prepare('UPDATE roster_units SET level = ?, status = ?, reason = ?, updated_at = ? WHERE id = ?').run(level, status, reason, now, id);
}

/** 退回: since when, and by when the corrected file is owed (both null when not 退回). */
export function setUnitReturned(db: Db, id: number, returnedAt: string | null, deadline: string | null): void {
  db.prepare('UPDATE roster_units SET returned_at = ?, deadline = ? WHERE id = ?').run(returnedAt, deadline, id);
}

export function deleteRosterUnit(db: Db, id: number): void {
  db.prepare('DELETE FROM roster_units WHERE id = ?').run(id);
}

/** A file of the unit came in: 已收 with its date and name, any 退回 cleared. */
export function setUnitReceived(db: Db, id: number, fileName: string, now: string): void {
  db.prepare("UPDATE roster_units SET status = 'received', reason = '', received_at = ?, file_name = ?, returned_at = NULL, deadline = NULL, updated_at = ? WHERE id = ?").run(now, fileName, now, id);
}

/** A status that came with an imported report (with its reason, date and file name). */
export function setUnitImportedStatus(db: Db, id: number, e: Pick<RosterEntry, 'status' | 'reason' | 'receivedAt' | 'fileName'>, now: string): void {
  db.prepare('UPDATE roster_units SET status = ?, reason = ?, received_at = ?, file_name = ?, updated_at = ? WHERE id = ?').run(e.status, e.reason, e.receivedAt, e.fileName, now, id);
}
