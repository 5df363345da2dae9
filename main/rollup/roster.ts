/**
 * The roster of one collecting organ and year in the archive (migration 0003): its units with level
 * and status, each change logged. An agency is in one organ's roster per year; the organ itself is
 * the unit 「本级」 of its own roster, added when the roster is first made.
 */
import { UNIT_STATUS_LABELS, type UnitLevel, type UnitStatus } from '../../report/rollup';
import { ensureAgency, findAgency } from '../db/agencies';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import {
  archivedReportSavedAt,
  deleteRosterUnit,
  insertRosterLog as log,
  insertRosterUnit,
  nextRosterPosition,
  rosterEntries,
  rosterHolding as rosterOf,
  rosterSummaries,
  rosterUnitOf,
  rosterUnits,
  setUnitImportedStatus,
  setUnitLevelStatus,
  setUnitReceived,
  setUnitReturned,
  type RosterEntry,
  type RosterUnitRow,
} from '../db/roster';
import { RANK } from '../db/roster-merge';

export type { RosterEntry, RosterUnitRow } from '../db/roster';

export function listRoster(db: Db, organ: string, year: number): RosterUnitRow[] {
  const o = findAgency(db, organ);
  if (!o) return [];
  return rosterUnits(db, o.id, year);
}

export function listRosters(db: Db): { organ: string; year: number; units: number }[] {
  return rosterSummaries(db);
}

function insertUnit(db: Db, organId: number, year: number, agencyId: number, level: UnitLevel, now: string): void {
  const n = nextRosterPosition(db, organId, year);
  // A unit whose report is already archived (made here, or imported before) counts as received.
  const at = archivedReportSavedAt(db, agencyId, year);
  const status: UnitStatus = at !== undefined ? 'received' : 'pending';
  insertRosterUnit(db, { organId, year, agencyId, level, status, reason: '', receivedAt: at ?? null, fileName: '', position: n }, now);
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
    setUnitLevelStatus(db, u.id, c.level ?? u.level, status, reason, now);
    // 退回: since when and by when the corrected file is owed (shown on the board and in the 退回意见).
    if (status === 'returned' && (u.status !== 'returned' || c.deadline !== undefined))
      setUnitReturned(db, u.id, u.status === 'returned' ? u.returnedAt : now, c.deadline || null);
    else if (status !== 'returned') setUnitReturned(db, u.id, null, null);
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
    deleteRosterUnit(db, u.id);
    log(db, u.organId, year, u.agencyId, 'pending', '移出名单', '', now);
  })();
}

/** A file of the unit came in: 已收, with its date and name (a 退回 unit that sends again is 已收 again). */
export function markReceived(db: Db, organ: string, year: number, agency: string, fileName: string, now: string): void {
  const u = unitOf(db, organ, year, agency);
  setUnitReceived(db, u.id, fileName, now);
  log(db, u.organId, year, u.agencyId, 'received', '', fileName, now);
}

/**
 * A unit this PC already has in the same roster: its place stays, but when the import brought its
 * report, the further-along status that came with it wins (已通过 over 已收 over 未交).
 */
function raiseToReport(db: Db, organId: number, agencyId: number, e: RosterEntry, now: string): void {
  const row = rosterUnitOf(db, organId, agencyId, e.year)!;
  const hasReport = archivedReportSavedAt(db, agencyId, e.year) !== undefined;
  if (!hasReport || e.status === 'excluded' || RANK[e.status] <= RANK[row.status]) return;
  setUnitImportedStatus(db, row.id, e, now);
  log(db, organId, e.year, agencyId, e.status, '从档案导出文件导入（随报告而来的状态）', e.fileName, now);
}

/** Every roster of the archive, in board order. */
export function exportRosters(db: Db): RosterEntry[] {
  return rosterEntries(db);
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
    const level: UnitLevel = agency.id === organ.id ? 'self' : e.level === 'self' ? 'other' : e.level;
    const position = nextRosterPosition(db, organ.id, e.year);
    insertRosterUnit(db, { organId: organ.id, year: e.year, agencyId: agency.id, level, status: e.status, reason: e.reason, receivedAt: e.receivedAt, fileName: e.fileName, position }, now);
    log(db, organ.id, e.year, agency.id, e.status, '从档案导出文件导入', e.fileName, now);
    added++;
  }
  return added;
}
