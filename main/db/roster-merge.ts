/**
 * The 汇总 rosters when agencies are merged or a report moves (issue 20.4, 20.5). A unit's status
 * follows the report it holds: the row of the agency whose report is kept gives the merged unit its
 * status (when neither holds one, the further-along status wins: 已通过 over 已收 over 退回 over 未交);
 * a unit of another organ's roster is never dropped (a merge that would need it is refused with the
 * reason); an organ is never merged into, nor its report moved under, one of its own units.
 * Called inside the caller's transaction.
 */
import type { UnitStatus } from '../../report/rollup';
import { ArchiveError } from './errors';
import type { Db } from './open';

interface Row {
  id: number;
  organId: number;
  organ: string;
  agencyId: number;
  year: number;
  level: string;
  status: UnitStatus;
  reason: string;
  receivedAt: string | null;
  fileName: string;
}

export const RANK: Readonly<Record<UnitStatus, number>> = { pending: 0, excluded: 1, returned: 2, received: 3, accepted: 4 };

const rowsOf = (db: Db, agencyId: number): Row[] =>
  db
    .prepare(
      `SELECT u.id, u.organ_id AS organId, o.name AS organ, u.agency_id AS agencyId, u.year, u.level, u.status, u.reason,
              u.received_at AS receivedAt, u.file_name AS fileName
       FROM roster_units u JOIN agencies o ON o.id = u.organ_id WHERE u.agency_id = ?`,
    )
    .all(agencyId) as Row[];

const nameOf = (db: Db, id: number): string => (db.prepare('SELECT name FROM agencies WHERE id = ?').get(id) as { name: string }).name;

function log(db: Db, r: Pick<Row, 'organId' | 'year' | 'agencyId' | 'status' | 'fileName'>, reason: string, now: string): void {
  db.prepare('INSERT INTO roster_log (organ_id, year, agency_id, status, reason, file_name, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    r.organId, r.year, r.agencyId, r.status, reason, r.fileName, now,
  );
}

/** Refuses a merge that would put an organ under its own unit or take a unit out of another organ's roster. */
export function checkRosterMerge(db: Db, fromId: number, intoId: number): void {
  const from = nameOf(db, fromId);
  const into = nameOf(db, intoId);
  const own = db.prepare('SELECT year FROM roster_units WHERE organ_id = ? AND agency_id = ? AND organ_id <> agency_id').get(fromId, intoId) as { year: number } | undefined;
  if (own) throw new ArchiveError('CONFLICT', `“${into}”是“${from}”${own.year}年度统计范围内的单位，不能把汇总单位合并到它自己的下级单位中`);
  const theirs = new Map(rowsOf(db, intoId).map((r) => [r.year, r]));
  for (const f of rowsOf(db, fromId)) {
    const t = theirs.get(f.year);
    if (t && t.organId !== f.organId)
      throw new ArchiveError(
        'CONFLICT',
        `${f.year}年度“${from}”在“${f.organ}”的统计范围内，“${into}”在“${t.organ}”的统计范围内；一个单位每年只属于一个汇总单位，请先把其中一个移出名单再合并`,
      );
  }
}

/**
 * After the reports are merged: `from`'s roster places pass to `into`. `holder(year)` says whose
 * report is current for the year ('from', 'into' or null when neither has one).
 */
export function mergeRosters(db: Db, fromId: number, intoId: number, holder: (year: number) => 'from' | 'into' | null, now: string): void {
  const theirs = new Map(rowsOf(db, intoId).map((r) => [r.year, r]));
  for (const f of rowsOf(db, fromId)) {
    const t = theirs.get(f.year);
    if (!t) {
      db.prepare('UPDATE roster_units SET agency_id = ? WHERE id = ?').run(intoId, f.id);
      continue;
    }
    // Both in the same roster that year: one row stands for both, with the status of the report it holds.
    const who = holder(f.year);
    const pick = who === 'from' ? f : who === 'into' ? t : RANK[f.status] > RANK[t.status] ? f : t;
    db.prepare('UPDATE roster_units SET status = ?, reason = ?, received_at = ?, file_name = ?, updated_at = ? WHERE id = ?').run(
      pick.status, pick.reason, pick.receivedAt, pick.fileName, now, t.id,
    );
    db.prepare('DELETE FROM roster_units WHERE id = ?').run(f.id);
    if (pick === f) log(db, { ...f, agencyId: intoId }, `合并机关：采用“${nameOf(db, fromId)}”的状态`, now);
  }
  db.prepare('UPDATE roster_units SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
  db.prepare('UPDATE roster_log SET agency_id = ? WHERE agency_id = ?').run(intoId, fromId);
  db.prepare('UPDATE roster_log SET organ_id = ? WHERE organ_id = ?').run(intoId, fromId);
}

/**
 * A report of `year` moved from agency `fromId` to `toId`: refused when `toId` is a unit of `fromId`'s
 * own roster that year; otherwise the status goes with the report (the source unit is 未交 again).
 */
export function moveInRosters(db: Db, fromId: number, toId: number, year: number, now: string): void {
  const own = db.prepare('SELECT 1 FROM roster_units WHERE organ_id = ? AND agency_id = ? AND year = ? AND organ_id <> agency_id').get(fromId, toId, year);
  if (own) throw new ArchiveError('CONFLICT', `“${nameOf(db, toId)}”是“${nameOf(db, fromId)}”${year}年度统计范围内的单位，汇总单位本级的报告不能移到它的下级单位`);
  const src = rowsOf(db, fromId).find((r) => r.year === year);
  const dst = rowsOf(db, toId).find((r) => r.year === year);
  const held = src && (src.status === 'received' || src.status === 'returned' || src.status === 'accepted');
  if (dst && dst.status !== 'excluded') {
    const status: UnitStatus = held ? src.status : 'received';
    db.prepare('UPDATE roster_units SET status = ?, received_at = COALESCE(?, received_at, ?), file_name = ?, updated_at = ? WHERE id = ?').run(
      status, src?.receivedAt ?? null, now, held ? src.fileName : dst.fileName, now, dst.id,
    );
    log(db, { ...dst, status }, `报告由“${nameOf(db, fromId)}”移入`, now);
  }
  if (src && held) {
    db.prepare("UPDATE roster_units SET status = 'pending', reason = '', received_at = NULL, file_name = '', updated_at = ? WHERE id = ?").run(now, src.id);
    log(db, { ...src, status: 'pending', fileName: '' }, `报告已移到“${nameOf(db, toId)}”`, now);
  }
}
