/**
 * The archive's SQL for the 换电脑 bundle (main/lifecycle/bundle.ts writes it, merge.ts takes
 * one in): query functions taking the connection, so that all SQL lives in main/db/.
 */
import { findAgency } from './agencies';
import type { Db } from './open';

/** A report row as the bundle carries it (its body and lists still as stored text). */
export interface BundleSourceRow {
  id: number;
  agency: string;
  year: number;
  status: 'draft' | 'final';
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  carried: string;
  body: string;
  published: number;
  publishedOn: string | null;
  toVerify: string;
  verifiedOn: string | null;
}

export interface StoredRevisionRow {
  reason: string;
  note: string;
  createdAt: string;
  updatedAt: string;
  body: string;
}

/** Every report, recycled ones too, by agency name and year. */
export function allReportRows(db: Db): BundleSourceRow[] {
  return db
    .prepare(
      `SELECT r.id, a.name AS agency, r.year, r.status, r.created_at AS createdAt, r.updated_at AS updatedAt,
              r.deleted_at AS deletedAt, r.carried, r.body, r.published, r.published_on AS publishedOn, r.to_verify AS toVerify, r.verified_on AS verifiedOn
       FROM reports r JOIN agencies a ON a.id = r.agency_id ORDER BY a.name, r.year`,
    )
    .all() as BundleSourceRow[];
}

/** A reader of a report's revisions, oldest first (prepared once for a whole export). */
export function revisionRowsReader(db: Db): (reportId: number) => StoredRevisionRow[] {
  const st = db.prepare('SELECT reason, note, created_at AS createdAt, updated_at AS updatedAt, body FROM revisions WHERE report_id = ? ORDER BY id');
  return (reportId) => st.all(reportId) as StoredRevisionRow[];
}

/** The report of an agency for a year, in the recycle bin or not (the archive allows one of each). */
export function findReportAny(db: Db, agency: string, year: number): { id: number; deletedAt: string | null; status: string } | undefined {
  const found = findAgency(db, agency);
  if (!found) return undefined;
  return db.prepare('SELECT id, deleted_at AS deletedAt, status FROM reports WHERE agency_id = ? AND year = ?').get(found.id, year) as
    | { id: number; deletedAt: string | null; status: string }
    | undefined;
}

export interface ExistingReport {
  agency: string;
  year: number;
  body: string;
  updatedAt: string;
  deletedAt: string | null;
}

export function existingReports(db: Db): ExistingReport[] {
  return db
    .prepare(
      `SELECT a.name AS agency, r.year, r.body, r.updated_at AS updatedAt, r.deleted_at AS deletedAt
       FROM reports r JOIN agencies a ON a.id = r.agency_id`,
    )
    .all() as ExistingReport[];
}

/** An agency's settings as the bundle brought them (for an agency new to this PC). */
export function setAgencySettings(db: Db, id: number, s: { level: string | null; deadline: string; own: boolean }): void {
  db.prepare('UPDATE agencies SET level = ?, deadline = ?, own = ? WHERE id = ?').run(s.level, s.deadline, s.own ? 1 : 0, id);
}

export interface BundledReportInsert {
  agencyId: number;
  year: number;
  format: string;
  status: string;
  body: string;
  counts: { errors: number; warnings: number };
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  carried: string;
  /** Its history as it came, then the import itself. */
  revisions: { reason: string; note: string; body: string; createdAt: string; updatedAt: string }[];
}

/** A report new to this PC with its whole history, as the bundle gives them. Call inside the caller's transaction. */
export function insertBundledReport(db: Db, r: BundledReportInsert): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO reports (agency_id, year, format, status, body, errors, warnings, created_at, updated_at, deleted_at, carried)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(r.agencyId, r.year, r.format, r.status, r.body, r.counts.errors, r.counts.warnings, r.createdAt, r.updatedAt, r.deletedAt, r.carried);
  const insertRev = db.prepare('INSERT INTO revisions (report_id, reason, note, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const v of r.revisions) insertRev.run(lastInsertRowid, v.reason, v.note, v.body, v.createdAt, v.updatedAt);
  return Number(lastInsertRowid);
}
