/**
 * Revisions: earlier states of a report. Edits within five minutes of the newest edit revision
 * update it in place, so typing does not flood the history; anything older, and every import,
 * restore, finalise and 「按明细重算总计」, starts a new revision. Every saved state therefore
 * survives as the last state of its five-minute window, and no edit is ever lost.
 */
import type { Report } from '../../report';
import { ArchiveError } from './errors';
import type { Db } from './open';

export type RevisionReason = 'create' | 'edit' | 'import' | 'restore' | 'finalise' | 'recompute' | 'carry-over' | 'duplicate' | 'rename';

export const COALESCE_MS = 5 * 60 * 1000;

export interface RevisionRow {
  id: number;
  reportId: number;
  reason: RevisionReason;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export function recordRevision(db: Db, reportId: number, body: string, reason: RevisionReason, now: string, note = ''): void {
  const last = db
    .prepare('SELECT id, reason, created_at AS createdAt FROM revisions WHERE report_id = ? ORDER BY id DESC LIMIT 1')
    .get(reportId) as { id: number; reason: RevisionReason; createdAt: string } | undefined;
  const fresh = last && Date.parse(now) - Date.parse(last.createdAt) < COALESCE_MS;
  if (reason === 'edit' && last?.reason === 'edit' && fresh) {
    db.prepare('UPDATE revisions SET body = ?, updated_at = ? WHERE id = ?').run(body, now, last.id);
    return;
  }
  db.prepare('INSERT INTO revisions (report_id, reason, note, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    reportId,
    reason,
    note,
    body,
    now,
    now,
  );
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
  return JSON.parse(row.body) as Report;
}
