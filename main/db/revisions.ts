/**
 * Revisions: earlier states of a report. Edits within five minutes of the newest edit revision
 * update it in place, so typing does not flood the history; anything older, and every import,
 * restore, finalise and 「按明细重算总计」, starts a new revision. Every saved state therefore
 * survives as the last state of its five-minute window, and no edit is ever lost.
 */
import { validateJson, type Report } from '../../report';
import { ArchiveError } from './errors';
import type { Db } from './open';

/** conflict: a save from an editor that had missed a newer change, kept here instead of overwriting it. */
export type { RevisionReason } from '../../report/lists';
import type { RevisionReason } from '../../report/lists';

export const COALESCE_MS = 5 * 60 * 1000;

export interface RevisionRow {
  id: number;
  reportId: number;
  reason: RevisionReason;
  note: string;
  createdAt: string;
  updatedAt: string;
}

/** Returns the id of the revision that now holds `body`. */
export function recordRevision(db: Db, reportId: number, body: string, reason: RevisionReason, now: string, note = ''): number {
  const last = db
    .prepare('SELECT id, reason, created_at AS createdAt FROM revisions WHERE report_id = ? ORDER BY id DESC LIMIT 1')
    .get(reportId) as { id: number; reason: RevisionReason; createdAt: string } | undefined;
  const fresh = last && Date.parse(now) - Date.parse(last.createdAt) < COALESCE_MS;
  if (reason === 'edit' && last?.reason === 'edit' && fresh) {
    db.prepare('UPDATE revisions SET body = ?, updated_at = ? WHERE id = ?').run(body, now, last.id);
    return last.id;
  }
  const { lastInsertRowid } = db.prepare('INSERT INTO revisions (report_id, reason, note, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    reportId,
    reason,
    note,
    body,
    now,
    now,
  );
  return Number(lastInsertRowid);
}

export function listRevisions(db: Db, reportId: number): RevisionRow[] {
  return db
    .prepare(
      `SELECT id, report_id AS reportId, reason, note, created_at AS createdAt, updated_at AS updatedAt
       FROM revisions WHERE report_id = ? ORDER BY id DESC`,
    )
    .all(reportId) as RevisionRow[];
}

export function getRevisionBody(db: Db, reportId: number, revisionId: number): Report {
  const row = db.prepare('SELECT body FROM revisions WHERE id = ? AND report_id = ?').get(revisionId, reportId) as { body: string } | undefined;
  if (!row) throw new ArchiveError('NOT_FOUND', '找不到这个历史版本');
  const report = readRevisionBody(row.body);
  if (!report) throw new ArchiveError('DB_CORRUPT', DAMAGED_REVISION);
  return report;
}

export const DAMAGED_REVISION = '该历史版本已损坏，无法打开';

/**
 * A stored body as a report, or null when it no longer reads as one (bytes damaged on disk pass
 * SQLite's integrity_check when they sit inside a text value): callers skip or name it.
 */
export function readRevisionBody(text: string): Report | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const v = validateJson(raw);
  return v.ok ? v.report : null;
}

/** 版本 N of a revision: its place in the report's own history (what the history list shows). */
export function revisionNumber(db: Db, reportId: number, revisionId: number): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM revisions WHERE report_id = ? AND id <= ?').get(reportId, revisionId) as { n: number }).n;
}
