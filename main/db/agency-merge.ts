/**
 * Putting reports under the right agency: moving one report, and merging one agency into another
 * (an import that created 「青石镇人民政府」 beside 「示例县青石镇人民政府」). Nothing is lost: a moved
 * report keeps its history; where both agencies have the same year the user decides which content
 * is current, and the other one's every revision joins the kept report's history.
 */
import type { Report } from '../../report';
import type { MergePlanItem } from '../../report/api';
import { ensureAgency, getAgency } from './agencies';
import { ArchiveError } from './errors';
import type { Db } from './open';
import { getReportRow, type ReportRow } from './reports';
import { recordRevision } from './revisions';
import { checkRosterMerge, mergeRosters, moveInRosters } from './roster-merge';

/** A year of the plan the page shows (report/api.ts), with the report ids the merge works on. */
export interface MergeItem extends MergePlanItem {
  fromId: number;
  intoId: number | null;
}

interface Raw {
  id: number;
  year: number;
  status: 'draft' | 'final';
  updatedAt: string;
  deletedAt: string | null;
}

const reportsOf = (db: Db, agencyId: number): Raw[] =>
  db
    .prepare('SELECT id, year, status, updated_at AS updatedAt, deleted_at AS deletedAt FROM reports WHERE agency_id = ? ORDER BY year DESC')
    .all(agencyId) as Raw[];

export function planMerge(db: Db, fromId: number, intoId: number): MergeItem[] {
  if (fromId === intoId) throw new ArchiveError('INVALID', '不能把机关合并到它自己');
  if (!getAgency(db, fromId) || !getAgency(db, intoId)) throw new ArchiveError('NOT_FOUND', '找不到这个机关');
  const into = new Map(reportsOf(db, intoId).map((r) => [r.year, r]));
  return reportsOf(db, fromId).map((f) => {
    const t = into.get(f.year);
    return {
      year: f.year,
      action: t ? 'conflict' : 'move',
      fromId: f.id,
      intoId: t?.id ?? null,
      fromStatus: f.status,
      intoStatus: t?.status ?? null,
      fromUpdatedAt: f.updatedAt,
      intoUpdatedAt: t?.updatedAt ?? null,
      fromDeleted: f.deletedAt !== null,
      intoDeleted: t ? t.deletedAt !== null : false,
    };
  });
}

const bodyOf = (db: Db, id: number): Report => JSON.parse((db.prepare('SELECT body FROM reports WHERE id = ?').get(id) as { body: string }).body) as Report;

/** The body under another agency's name (the signature follows when it was the old name). */
function renamed(body: Report, from: string, to: string): Report {
  return { ...body, agency: to, closing: { ...body.closing, agency: body.closing.agency === from ? to : body.closing.agency } };
}

/**
 * Merges agency `fromId` into `intoId` in one transaction. `decisions[year]` for each conflict:
 * 'keep' keeps the report already under `into`, 'incoming' makes the moved one current. Either way
 * both contents stay in the history. Every conflict must be decided.
 */
export function mergeAgencies(db: Db, fromId: number, intoId: number, decisions: Record<string, 'keep' | 'incoming'>, now: string): { moved: number; merged: number } {
  return db.transaction(() => {
    const plan = planMerge(db, fromId, intoId);
    const from = getAgency(db, fromId)!;
    const into = getAgency(db, intoId)!;
    const undecided = plan.filter((i) => i.action === 'conflict' && !decisions[String(i.year)]);
    if (undecided.length) throw new ArchiveError('INVALID', `请为${undecided.map((i) => `${i.year}年度`).join('、')}选择保留哪一份报告`);
    checkRosterMerge(db, fromId, intoId);
    let moved = 0;
    let merged = 0;
    for (const item of plan) {
      if (item.action === 'move') {
        const text = JSON.stringify(renamed(bodyOf(db, item.fromId), from.name, into.name));
        db.prepare('UPDATE reports SET agency_id = ?, body = ?, version = version + 1 WHERE id = ?').run(intoId, text, item.fromId);
        recordRevision(db, item.fromId, text, 'rename', now, `合并机关：由“${from.name}”并入“${into.name}”`);
        moved++;
        continue;
      }
      // Both have the year: the moved report's revisions join the kept report's history, oldest first.
      const target = item.intoId!;
      const revs = db.prepare('SELECT reason, note, body, created_at AS createdAt FROM revisions WHERE report_id = ? ORDER BY id').all(item.fromId) as {
        reason: string;
        note: string;
        body: string;
        createdAt: string;
      }[];
      const insert = db.prepare('INSERT INTO revisions (report_id, reason, note, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
      for (const r of revs) insert.run(target, r.reason, `合并自“${from.name}”${r.note ? `：${r.note}` : ''}`, JSON.stringify(renamed(JSON.parse(r.body) as Report, from.name, into.name)), r.createdAt, r.createdAt);
      const incoming = decisions[String(item.year)] === 'incoming';
      const current = incoming ? renamed(bodyOf(db, item.fromId), from.name, into.name) : bodyOf(db, target);
      const text = JSON.stringify(current);
      const fromRow = getReportRow(db, item.fromId)!;
      db.prepare('UPDATE reports SET body = ?, status = ?, updated_at = ?, deleted_at = ?, version = version + 1 WHERE id = ?').run(
        text,
        incoming ? fromRow.status : item.intoStatus,
        now,
        incoming ? fromRow.deletedAt : (getReportRow(db, target)!.deletedAt),
        target,
      );
      recordRevision(db, target, text, 'restore', now, incoming ? `合并机关：采用“${from.name}”的${item.year}年度报告` : `合并机关：保留“${into.name}”原有的${item.year}年度报告`);
      db.prepare('DELETE FROM reports WHERE id = ?').run(item.fromId);
      merged++;
    }
    const byYear = new Map(plan.map((i) => [i.year, i]));
    // Whose report is current for a year: the unit's roster status follows it.
    const holder = (year: number): 'from' | 'into' | null => {
      const item = byYear.get(year);
      if (!item) return db.prepare('SELECT 1 FROM reports WHERE agency_id = ? AND year = ? AND deleted_at IS NULL').get(intoId, year) ? 'into' : null;
      return item.action === 'move' || decisions[String(year)] === 'incoming' ? 'from' : 'into';
    };
    mergeRosters(db, fromId, intoId, holder, now);
    // The merged agency's names are names of the one it joined (its reports may still carry them).
    db.prepare('UPDATE agency_names SET agency_id = ? WHERE agency_id = ?').run(intoId, fromId);
    db.prepare('INSERT INTO agency_names (agency_id, name, until) VALUES (?, ?, ?)').run(intoId, from.name, now);
    db.prepare('DELETE FROM agencies WHERE id = ?').run(fromId);
    return { moved, merged };
  })();
}

/** Moves one report to another agency (existing or new by name); that agency must not have the year. */
export function moveReport(db: Db, id: number, agencyName: string, now: string): ReportRow {
  return db.transaction(() => {
    const row = getReportRow(db, id);
    if (!row) throw new ArchiveError('NOT_FOUND', '找不到这份报告');
    const target = ensureAgency(db, agencyName, now);
    if (target.id === row.agencyId) return row;
    const clash = db.prepare('SELECT id FROM reports WHERE agency_id = ? AND year = ?').get(target.id, row.year);
    if (clash) throw new ArchiveError('CONFLICT', `“${target.name}”已有${row.year}年度的报告（或在回收站中）；要把两份合在一起，请用“合并到…”`);
    moveInRosters(db, row.agencyId, target.id, row.year, now);
    const body = renamed(bodyOf(db, id), row.agency, target.name);
    const text = JSON.stringify(body);
    db.prepare('UPDATE reports SET agency_id = ?, body = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(target.id, text, now, id);
    recordRevision(db, id, text, 'rename', now, `由“${row.agency}”移到“${target.name}”`);
    // An agency left without any report (not even in the recycle bin) is removed.
    const left = db.prepare('SELECT COUNT(*) AS n FROM reports WHERE agency_id = ?').get(row.agencyId) as { n: number };
    if (left.n === 0 && !inRoster(db, row.agencyId)) db.prepare('DELETE FROM agencies WHERE id = ?').run(row.agencyId);
    return getReportRow(db, id)!;
  })();
}

/** Whether a 汇总 roster names the agency (as a unit or as the collecting organ): it stays, report or not. */
function inRoster(db: Db, agencyId: number): boolean {
  return db.prepare('SELECT 1 FROM roster_units WHERE agency_id = ? OR organ_id = ? LIMIT 1').get(agencyId, agencyId) !== undefined;
}
