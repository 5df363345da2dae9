/**
 * Reports: one per agency and year, the canonical JSON as the body. The latest state is always
 * saved; earlier states are kept as revisions (./revisions.ts). Deleting moves a report to a
 * recycle state (deleted_at) until purged, so it can be undone.
 */
import type { FormatId, Report } from '../../report';
import { ensureAgency, findAgency } from './agencies';
import { ArchiveError } from './errors';
import type { Db } from './open';
import { recordRevision, type RevisionReason } from './revisions';

export type ReportStatus = 'draft' | 'final';

/** A cell filled from last year's report (the cell path there in `from`), shown as 「自上年结转」. */
export type { CarriedCell } from '../../report/carry-over';
import type { CarriedCell } from '../../report/carry-over';

export interface ReportRow {
  id: number;
  agencyId: number;
  agency: string;
  year: number;
  format: FormatId;
  status: ReportStatus;
  errors: number;
  warnings: number;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  deadline: string;
  carried: CarriedCell[];
  /** Raised by every change of the report; a save names the version it started from. */
  version: number;
  /** Imported from a published source (已发布): no publication countdown. */
  published: boolean;
  /** YYYY-MM-DD when the source gave the date. */
  publishedOn: string | null;
  /** Cells an import split by rule that the clerk has not confirmed yet (待核对). */
  toVerify: string[];
  /** YYYY-MM-DD when the published page was found the same as this report (核对已发布); null since any change. */
  verifiedOn: string | null;
}

interface RawRow extends Omit<ReportRow, 'carried' | 'published' | 'toVerify'> {
  carried: string;
  published: number;
  toVerify: string;
}

const SELECT = `
  SELECT r.id, r.agency_id AS agencyId, a.name AS agency, r.year, r.format, r.status, r.errors, r.warnings,
         r.created_at AS createdAt, r.updated_at AS updatedAt, r.deleted_at AS deletedAt, a.deadline, r.carried, r.version,
         r.published, r.published_on AS publishedOn, r.to_verify AS toVerify, r.verified_on AS verifiedOn
  FROM reports r JOIN agencies a ON a.id = r.agency_id`;

/** A damaged marking list (carried, 待核对) must not make the whole archive list unreadable. */
function parseList<T>(text: string): T[] {
  try {
    const v = JSON.parse(text) as unknown;
    return Array.isArray(v) ? (v as T[]) : [];
  } catch {
    return [];
  }
}

const toRow = (raw: RawRow): ReportRow => ({
  ...raw,
  carried: parseList<CarriedCell>(raw.carried),
  published: raw.published === 1,
  toVerify: parseList<string>(raw.toVerify),
});

export function listReports(db: Db, options: { deleted?: boolean } = {}): ReportRow[] {
  const where = options.deleted ? 'r.deleted_at IS NOT NULL' : 'r.deleted_at IS NULL';
  return (db.prepare(`${SELECT} WHERE ${where} ORDER BY a.own DESC, a.name, r.year DESC`).all() as RawRow[]).map(toRow);
}

export function getReportRow(db: Db, id: number): ReportRow | undefined {
  const raw = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as RawRow | undefined;
  return raw && toRow(raw);
}

export function getReportBody(db: Db, id: number): Report {
  const row = db.prepare('SELECT body FROM reports WHERE id = ?').get(id) as { body: string } | undefined;
  if (!row) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
  try {
    return JSON.parse(row.body) as Report;
  } catch {
    throw new ArchiveError('DB_CORRUPT', '这份报告的内容已损坏，无法打开。可以在「历史版本」中恢复较早的版本，或从备份恢复。');
  }
}

/** The live (not deleted) report of an agency for a year. */
export function findReport(db: Db, agency: string, year: number): ReportRow | undefined {
  const found = findAgency(db, agency);
  if (!found) return undefined;
  const raw = db.prepare(`${SELECT} WHERE a.id = ? AND r.year = ? AND r.deleted_at IS NULL`).get(found.id, year) as
    | RawRow
    | undefined;
  return raw && toRow(raw);
}

export interface Counts {
  errors: number;
  warnings: number;
}

export interface InsertOptions {
  reason: RevisionReason;
  counts: Counts;
  now: string;
  carried?: CarriedCell[];
  note?: string;
}

/** Creates the report and its first revision in one transaction. */
export function insertReport(db: Db, report: Report, o: InsertOptions): ReportRow {
  return db.transaction(() => {
    const agency = ensureAgency(db, report.agency, o.now);
    // A look-alike name (full-width letters, doubled spaces) is the archived agency: the body says its name.
    if (agency.name !== report.agency) report = { ...report, agency: agency.name };
    const clash = db.prepare('SELECT id, deleted_at AS deletedAt FROM reports WHERE agency_id = ? AND year = ?').get(agency.id, report.year) as
      | { id: number; deletedAt: string | null }
      | undefined;
    if (clash)
      throw new ArchiveError(
        'CONFLICT',
        clash.deletedAt
          ? `回收站里已有“${agency.name}”${report.year}年度的报告，请先恢复或彻底删除它`
          : `档案中已有“${agency.name}”${report.year}年度的报告`,
      );
    const body = JSON.stringify(report);
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO reports (agency_id, year, format, body, errors, warnings, created_at, updated_at, carried)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(agency.id, report.year, report.format, body, o.counts.errors, o.counts.warnings, o.now, o.now, JSON.stringify(o.carried ?? []));
    const id = Number(lastInsertRowid);
    recordRevision(db, id, body, o.reason, o.now, o.note);
    return getReportRow(db, id)!;
  })();
}

export interface UpdateOptions {
  reason: RevisionReason;
  counts: Counts;
  now: string;
  carried?: CarriedCell[];
  note?: string;
}

/**
 * Saves the latest state and keeps the history (see recordRevision). The agency and year of a
 * report are its identity in the archive: a body naming another year is refused.
 */
export function updateReport(db: Db, id: number, report: Report, o: UpdateOptions): ReportRow {
  return db.transaction(() => {
    const row = getReportRow(db, id);
    if (!row) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
    if (row.deletedAt) throw new ArchiveError('CONFLICT', '这份报告在回收站中，请先恢复');
    if (row.status === 'final' && o.reason === 'edit') throw new ArchiveError('CONFLICT', '报告已定稿，请先点“重新编辑”');
    if (report.year !== row.year || report.format !== row.format)
      throw new ArchiveError('INVALID', `这是${row.year}年度的报告，不能保存为${report.year}年度（${report.format}）`);
    const body = JSON.stringify(report);
    // A changed report is no longer the one that was found the same as the published page.
    db.prepare('UPDATE reports SET body = ?, errors = ?, warnings = ?, updated_at = ?, carried = COALESCE(?, carried), version = version + 1, verified_on = NULL WHERE id = ?').run(
      body,
      o.counts.errors,
      o.counts.warnings,
      o.now,
      o.carried ? JSON.stringify(o.carried) : null,
      id,
    );
    recordRevision(db, id, body, o.reason, o.now, o.note);
    return getReportRow(db, id)!;
  })();
}

export function setStatus(db: Db, id: number, status: ReportStatus, now: string): ReportRow {
  return db.transaction(() => {
    const row = getReportRow(db, id);
    if (!row || row.deletedAt) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
    db.prepare('UPDATE reports SET status = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(status, now, id);
    if (status === 'final') recordRevision(db, id, JSON.stringify(getReportBody(db, id)), 'finalise', now);
    return getReportRow(db, id)!;
  })();
}

/** Moves a report to the recycle state; `restoreDeleted` undoes it. */
export function softDelete(db: Db, id: number, now: string): void {
  const { changes } = db.prepare('UPDATE reports SET deleted_at = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL').run(now, id);
  if (!changes) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
}

export function restoreDeleted(db: Db, id: number): ReportRow {
  const { changes } = db.prepare('UPDATE reports SET deleted_at = NULL, version = version + 1 WHERE id = ? AND deleted_at IS NOT NULL').run(id);
  if (!changes) throw new ArchiveError('NOT_FOUND', '回收站里没有这份报告');
  return getReportRow(db, id)!;
}

/** Removes a deleted report and its revisions for good. */
export function purge(db: Db, id: number): void {
  const { changes } = db.prepare('DELETE FROM reports WHERE id = ? AND deleted_at IS NOT NULL').run(id);
  if (!changes) throw new ArchiveError('NOT_FOUND', '只能彻底删除回收站里的报告');
}

export interface SaveEditOptions {
  counts: Counts;
  now: string;
  /** The version the editor's content is based on. */
  baseVersion: number;
  /**
   * A version this same editor wrote with an earlier save (its base may lag behind when a
   * close-time save overtakes the answer of the save before it): accepted as a base too.
   */
  ownVersion?: number;
}

/** `changedAt`: the newest change the stale editor missed (a save, a restore, a rename, a status change). */
export type SaveEditOutcome = { kind: 'saved'; row: ReportRow } | { kind: 'stale'; row: ReportRow; revisionId: number; changedAt: string };

/**
 * The clerk's save from an editor. When the report changed since the editor's version (another
 * window, a restore, a rename), the newer state is not overwritten: the editor's content becomes
 * a revision of its own (never merged into another), and the caller tells the editor.
 */
export function saveEdit(db: Db, id: number, report: Report, o: SaveEditOptions): SaveEditOutcome {
  return db.transaction((): SaveEditOutcome => {
    const row = getReportRow(db, id);
    if (!row) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
    if (o.baseVersion !== row.version && o.ownVersion !== row.version) {
      const last = db.prepare("SELECT max(updated_at) AS at FROM revisions WHERE report_id = ? AND reason != 'conflict'").get(id) as { at: string | null };
      const changedAt = last.at && last.at > row.updatedAt ? last.at : row.updatedAt;
      const revisionId = recordRevision(db, id, JSON.stringify(report), 'conflict', o.now);
      return { kind: 'stale', row, revisionId, changedAt };
    }
    return { kind: 'saved', row: updateReport(db, id, report, { reason: 'edit', counts: o.counts, now: o.now }) };
  })();
}

/** Marks an imported report as published (已发布) and records the cells still to verify. */
export function setImportState(db: Db, id: number, o: { published: boolean; publishedOn: string | null; toVerify: string[]; verifiedOn?: string | null }): ReportRow {
  db.prepare('UPDATE reports SET published = ?, published_on = ?, to_verify = ?, verified_on = ? WHERE id = ?').run(o.published ? 1 : 0, o.publishedOn, JSON.stringify(o.toVerify), o.verifiedOn ?? null, id);
  return getReportRow(db, id)!;
}

/** The clerk confirmed these 待核对 cells: they leave the list. */
export function confirmVerified(db: Db, id: number, paths: readonly string[]): ReportRow {
  const row = getReportRow(db, id);
  if (!row) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
  const done = new Set(paths);
  db.prepare('UPDATE reports SET to_verify = ? WHERE id = ?').run(JSON.stringify(row.toVerify.filter((p) => !done.has(p))), id);
  return getReportRow(db, id)!;
}

/** 核对已发布 found the page the same: the report is 已发布, checked on `date` (YYYY-MM-DD). */
export function markVerifiedPublished(db: Db, id: number, date: string): ReportRow {
  const { changes } = db.prepare('UPDATE reports SET published = 1, verified_on = ?, version = version + 1 WHERE id = ? AND deleted_at IS NULL').run(date, id);
  if (!changes) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
  return getReportRow(db, id)!;
}

/** Ids of an agency's live (not deleted) reports, oldest year first. */
export function liveReportIds(db: Db, agencyId: number): number[] {
  return (db.prepare('SELECT id FROM reports WHERE agency_id = ? AND deleted_at IS NULL ORDER BY year').all(agencyId) as { id: number }[]).map((r) => r.id);
}
