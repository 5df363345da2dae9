/**
 * The roster of one collecting organ and year in the archive (migration 0003): its units with level
 * and status, each change logged. An agency is in one organ's roster per year; the organ itself is
 * the unit 「本级」 of its own roster, added when the roster is first made.
 */
import { UNIT_STATUS_LABELS, type BoardRow, type UnitLevel, type UnitStatus } from '../../report/rollup';
import { ensureAgency, findAgency } from '../db/agencies';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { RANK } from '../db/roster-merge';

/** A unit as the archive holds it: the board's stored fields (report/rollup/view.ts) with its ids. */
export interface RosterUnitRow extends Pick<BoardRow, 'agency' | 'level' | 'status' | 'reason' | 'receivedAt' | 'fileName' | 'reportId' | 'returnedAt' | 'deadline'> {
  id: number;
  agencyId: number;
  /** When the unit's report was last saved, and its version (with the time, the cache key for its checks). */
  reportUpdatedAt: string | null;
  reportVersion: number | null;
}

const SELECT = `
  SELECT u.id, u.agency_id AS agencyId, a.name AS agency, u.level, u.status, u.reason, u.received_at AS receivedAt,
         u.file_name AS fileName, u.returned_at AS returnedAt, u.deadline, r.id AS reportId, r.updated_at AS reportUpdatedAt, r.version AS reportVersion
  FROM roster_units u
  JOIN agencies a ON a.id = u.agency_id
  LEFT JOIN reports r ON r.agency_id = u.agency_id AND r.year = u.year AND r.deleted_at IS NULL`;

export function listRoster(db: Db, organ: string, year: number): RosterUnitRow[] {
  const o = findAgency(db, organ);
  if (!o) return [];
  return db.prepare(`${SELECT} WHERE u.organ_id = ? AND u.year = ? ORDER BY u.position`).all(o.id, year) as RosterUnitRow[];
}

export function listRosters(db: Db): { organ: string; year: number; units: number }[] {
  return db
    .prepare(`SELECT a.name AS organ, u.year, COUNT(*) AS units FROM roster_units u JOIN agencies a ON a.id = u.organ_id
              GROUP BY u.organ_id, u.year ORDER BY u.year DESC, a.name`)
    .all() as { organ: string; year: number; units: number }[];
}

function log(db: Db, organId: number, year: number, agencyId: number, status: UnitStatus, reason: string, fileName: string, now: string): void {
  db.prepare('INSERT INTO roster_log (organ_id, year, agency_id, status, reason, file_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    organId, year, agencyId, status, reason, fileName, now,
  );
}

/** Whose roster an agency is in that year, if any. */
function rosterOf(db: Db, agencyId: number, year: number): { organId: number; organ: string } | undefined {
  return db
    .prepare('SELECT u.organ_id AS organId, a.name AS organ FROM roster_units u JOIN agencies a ON a.id = u.organ_id WHERE u.agency_id = ? AND u.year = ?')
    .get(agencyId, year) as { organId: number; organ: string } | undefined;
}

function insertUnit(db: Db, organId: number, year: number, agencyId: number, level: UnitLevel, now: string): void {
  const { n } = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM roster_units WHERE organ_id = ? AND year = ?').get(organId, year) as { n: number };
  // A unit whose report is already archived (made here, or imported before) counts as received.
  const report = db.prepare('SELECT updated_at AS at FROM reports WHERE agency_id = ? AND year = ? AND deleted_at IS NULL').get(agencyId, year) as { at: string } | undefined;
  const status: UnitStatus = report ? 'received' : 'pending';
  db.prepare(
    `INSERT INTO roster_units (organ_id, year, agency_id, level, status, received_at, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(organId, year, agencyId, level, status, report?.at ?? null, n, now, now);
  log(db, organId, year, agencyId, status, '列入名单', '', now);
}

/** The organ's roster for the year, made (with 本级) if new. Call inside a transaction. */
export function ensureRoster(db: Db, organ: string, year: number, now: string): number {
  const o = ensureAgency(db, organ, now);
  const own = rosterOf(db, o.id, year);
  if (own && own.organId !== o.id)
    throw new ArchiveError('CONFLICT', `“${o.name}”${year}年度已在“${own.organ}”的统计范围内，不能再作为汇总单位`);
  if (!own) insertUnit(db, o.id, year, o.id, 'self', now);
  return o.id;
}

export interface AddResult {
  added: string[];
  /** Already in this roster. */
  present: string[];
}

/** Adds units by name (new agencies are created); one in another organ's roster that year is refused. */
export function addUnits(db: Db, organ: string, year: number, names: readonly string[], level: UnitLevel, now: string): AddResult {
  return db.transaction(() => {
    const organId = ensureRoster(db, organ, year, now);
    const out: AddResult = { added: [], present: [] };
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      const a = ensureAgency(db, name, now);
      const where = rosterOf(db, a.id, year);
      if (where && where.organId !== organId)
        throw new ArchiveError('CONFLICT', `“${a.name}”${year}年度已在“${where.organ}”的统计范围内（一个单位每年只属于一个汇总单位）`);
      if (where) {
        out.present.push(a.name);
        continue;
      }
      insertUnit(db, organId, year, a.id, a.id === organId ? 'self' : level, now);
      out.added.push(a.name);
    }
    return out;
  })();
}

function unitOf(db: Db, organ: string, year: number, agency: string): RosterUnitRow & { organId: number } {
  const o = findAgency(db, organ);
  const u = o && listRoster(db, organ, year).find((x) => x.agency === agency.trim());
  if (!o || !u) throw new ArchiveError('NOT_FOUND', `“${agency}”不在“${organ}”${year}年度的统计范围内`);
  return { ...u, organId: o.id };
}

export interface UnitChanges {
  level?: UnitLevel;
  status?: UnitStatus;
  reason?: string;
  /** YYYY-MM-DD by which a unit sent back is to send its corrected file (退回 only). */
  deadline?: string;
}

export function updateUnit(db: Db, organ: string, year: number, agency: string, c: UnitChanges, now: string): void {
  db.transaction(() => {
    const u = unitOf(db, organ, year, agency);
    const status = c.status ?? u.status;
    const reason = (c.reason ?? (c.status && c.status !== u.status ? '' : u.reason)).trim();
    if (status === 'excluded' && !reason) throw new ArchiveError('INVALID', '“不纳入”须写明原因（如：已撤并、已撤销）');
    if ((status === 'received' || status === 'accepted' || status === 'returned') && u.reportId === null)
      throw new ArchiveError('CONFLICT', `还没有收到“${u.agency}”${year}年度的报告，不能标为“${UNIT_STATUS_LABELS[status]}”`);
    if (u.level === 'self' && c.level && c.level !== 'self') throw new ArchiveError('INVALID', '汇总单位本身只能是“本级”');
    if (c.level === 'self' && u.level !== 'self') throw new ArchiveError('INVALID', '“本级”只能是汇总单位本身');
    db.prepare('UPDATE roster_units SET level = ?, status = ?, reason = ?, updated_at = ? WHERE id = ?').run(c.level ?? u.level, status, reason, now, u.id);
    // 退回: since when and by when the corrected file is owed (shown on the board and in the 退回意见).
    if (status === 'returned' && (u.status !== 'returned' || c.deadline !== undefined))
      db.prepare('UPDATE roster_units SET returned_at = ?, deadline = ? WHERE id = ?').run(u.status === 'returned' ? u.returnedAt : now, c.deadline || null, u.id);
    else if (status !== 'returned') db.prepare('UPDATE roster_units SET returned_at = NULL, deadline = NULL WHERE id = ?').run(u.id);
    if (status !== u.status || reason !== u.reason) log(db, u.organId, year, u.agencyId, status, reason, '', now);
  })();
}

/** 「全部通过」: the named units become 已通过 in one transaction (all or none). */
export function acceptUnits(db: Db, organ: string, year: number, agencies: readonly string[], now: string): void {
  db.transaction(() => {
    for (const a of agencies) updateUnit(db, organ, year, a, { status: 'accepted' }, now);
  })();
}

/** Takes a unit off the roster (its reports stay in the archive). */
export function removeUnit(db: Db, organ: string, year: number, agency: string, now: string): void {
  db.transaction(() => {
    const u = unitOf(db, organ, year, agency);
    if (u.level === 'self') throw new ArchiveError('INVALID', '汇总单位本身（本级）不能移出名单；不需要时可标为“不纳入”');
    db.prepare('DELETE FROM roster_units WHERE id = ?').run(u.id);
    log(db, u.organId, year, u.agencyId, 'pending', '移出名单', '', now);
  })();
}

/** A file of the unit came in: 已收, with its date and name (a 退回 unit that sends again is 已收 again). */
export function markReceived(db: Db, organ: string, year: number, agency: string, fileName: string, now: string): void {
  const u = unitOf(db, organ, year, agency);
  db.prepare("UPDATE roster_units SET status = 'received', reason = '', received_at = ?, file_name = ?, returned_at = NULL, deadline = NULL, updated_at = ? WHERE id = ?").run(now, fileName, now, u.id);
  log(db, u.organId, year, u.agencyId, 'received', '', fileName, now);
}

/**
 * A unit this PC already has in the same roster: its place stays, but when the import brought its
 * report, the further-along status that came with it wins (已通过 over 已收 over 未交).
 */
function raiseToReport(db: Db, organId: number, agencyId: number, e: RosterEntry, now: string): void {
  const row = db.prepare('SELECT id, status FROM roster_units WHERE organ_id = ? AND agency_id = ? AND year = ?').get(organId, agencyId, e.year) as { id: number; status: UnitStatus };
  const hasReport = db.prepare('SELECT 1 FROM reports WHERE agency_id = ? AND year = ? AND deleted_at IS NULL').get(agencyId, e.year);
  if (!hasReport || e.status === 'excluded' || RANK[e.status] <= RANK[row.status]) return;
  db.prepare('UPDATE roster_units SET status = ?, reason = ?, received_at = ?, file_name = ?, updated_at = ? WHERE id = ?').run(e.status, e.reason, e.receivedAt, e.fileName, now, row.id);
  log(db, organId, e.year, agencyId, e.status, '从档案导出文件导入（随报告而来的状态）', e.fileName, now);
}

/** One roster row as it travels in the 换电脑 archive export (names, not ids: the other PC has its own). */
export interface RosterEntry extends Pick<BoardRow, 'agency' | 'level' | 'status' | 'reason' | 'receivedAt' | 'fileName'> {
  organ: string;
  year: number;
}

/** Every roster of the archive, in board order. */
export function exportRosters(db: Db): RosterEntry[] {
  return db
    .prepare(
      `SELECT o.name AS organ, u.year, a.name AS agency, u.level, u.status, u.reason, u.received_at AS receivedAt, u.file_name AS fileName
       FROM roster_units u JOIN agencies o ON o.id = u.organ_id JOIN agencies a ON a.id = u.agency_id
       ORDER BY u.year, o.name, u.position`,
    )
    .all() as RosterEntry[];
}

/**
 * Rosters from another PC's archive export, into this archive (inside the caller's transaction).
 * This PC's own roster places win: a unit already in a roster here for that year is left as it is.
 * Returns how many units were added.
 */
export function importRosters(db: Db, entries: readonly RosterEntry[], now: string): number {
  let added = 0;
  for (const e of entries) {
    const organ = ensureAgency(db, e.organ, now);
    const agency = ensureAgency(db, e.agency, now);
    const here = rosterOf(db, agency.id, e.year);
    if (here) {
      if (here.organId === organ.id) raiseToReport(db, organ.id, agency.id, e, now);
      continue;
    }
    // The organ's own place (本级) comes from its own entry; any other unit of a roster whose organ
    // is in another organ's roster here cannot be placed and is left out.
    const where = rosterOf(db, organ.id, e.year);
    if (agency.id !== organ.id && where && where.organId !== organ.id) continue;
    const { n } = db.prepare('SELECT COALESCE(MAX(position), 0) + 1 AS n FROM roster_units WHERE organ_id = ? AND year = ?').get(organ.id, e.year) as { n: number };
    db.prepare(
      `INSERT INTO roster_units (organ_id, year, agency_id, level, status, reason, received_at, file_name, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(organ.id, e.year, agency.id, agency.id === organ.id ? 'self' : e.level === 'self' ? 'other' : e.level, e.status, e.reason, e.receivedAt, e.fileName, n, now, now);
    log(db, organ.id, e.year, agency.id, e.status, '从档案导出文件导入', e.fileName, now);
    added++;
  }
  return added;
}
