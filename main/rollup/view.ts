/**
 * The collection of one organ and year as the board, the checks and the 汇总 (rollup.md §3–§5),
 * read from the archive in one pass. Used by the screen's channels, the CLI and the exports.
 */
import { formatForYear, type FormatId, type Report } from '../../report';
import { tableFindings } from '../../report/checks';
import { checkCollection, checkUnit, rollUp, type BoardRow, type CollectedUnit, type RollupView, type UnitFinding, type UnitReport } from '../../report/rollup';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { findReport, getReportBody } from '../db/reports';
import { listRoster } from './roster';

export interface Collection {
  view: RollupView;
  /** The units whose figures are in the 汇总, in roster order. */
  included: UnitReport[];
  /** Every unit whose report is in (for the checks and the 分单位明细). */
  collected: CollectedUnit[];
}

/** The agency name the 汇总's own findings are filed under. */
export const ROLLUP_AGENCY = '汇总';

/**
 * Report bodies and each unit's own findings, memoised by report id and save time (and last year's,
 * and the level): a board of 300 units is redrawn after each status change without re-reading and
 * re-checking every report. Bounded; an entry whose inputs changed is simply never asked for again.
 */
const MEMO_LIMIT = 4000;
const bodies = new Map<string, Report>();
const unitFindings = new Map<string, UnitFinding[]>();
/** One number per connection: two archives (or two in-memory ones) never share memo entries. */
const connections = new WeakMap<Db, number>();
let nextConnection = 1;
function connectionOf(db: Db): number {
  let n = connections.get(db);
  if (n === undefined) connections.set(db, (n = nextConnection++));
  return n;
}
function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v === undefined) {
    if (map.size >= MEMO_LIMIT) map.clear();
    v = make();
    map.set(key, v);
  }
  return v;
}
/** Shared with the memo: the roll-up, the checks and the exports only read these bodies. */
const bodyOf = (db: Db, id: number, updatedAt: string | null): Report => remember(bodies, `${connectionOf(db)}|${id}|${updatedAt}`, () => getReportBody(db, id));

export function loadCollection(db: Db, organ: string, year: number): Collection {
  const format = formatForYear(year) as FormatId | null;
  if (!format) throw new ArchiveError('INVALID', `${year}年度没有统一的年度报告格式（自2019年度起）`);
  const roster = listRoster(db, organ, year);
  const collected: CollectedUnit[] = [];
  const keys = new Map<CollectedUnit, string>();
  for (const u of roster) {
    if (u.reportId === null || u.status === 'excluded') continue;
    const prev = findReport(db, u.agency, year - 1);
    // Time and version: two saves within one millisecond still differ by version.
    const saved = `${u.reportUpdatedAt}#${u.reportVersion}`;
    const prevSaved = prev ? `${prev.updatedAt}#${prev.version}` : '';
    const unit: CollectedUnit = { agency: u.agency, level: u.level, report: bodyOf(db, u.reportId, saved), previous: prev ? bodyOf(db, prev.id, prevSaved) : null };
    keys.set(unit, `${connectionOf(db)}|${u.agency}|${u.level}|${u.reportId}|${saved}|${prev?.id}|${prevSaved}|${year}`);
    collected.push(unit);
  }
  const findings = checkCollection(collected, year, (u, y) => remember(unitFindings, keys.get(u)!, () => checkUnit(u, y)));
  const byUnit = new Map<string, UnitFinding[]>();
  for (const f of findings) byUnit.set(f.agency, [...(byUnit.get(f.agency) ?? []), f]);
  const refusedOf = (agency: string) => byUnit.get(agency)?.find((f) => f.rule === 'R-8' && f.severity === 'error')?.message ?? '';

  const units: BoardRow[] = roster.map((u) => {
    const fs = byUnit.get(u.agency) ?? [];
    const inCollection = collected.some((c) => c.agency === u.agency);
    const refused = inCollection ? refusedOf(u.agency) : '';
    return {
      agency: u.agency,
      level: u.level,
      status: u.reportId === null && u.status !== 'excluded' ? 'pending' : u.status,
      reason: u.reason,
      receivedAt: u.receivedAt,
      fileName: u.fileName,
      returnedAt: u.returnedAt,
      deadline: u.deadline,
      reportId: u.reportId,
      errors: fs.filter((f) => f.severity === 'error').length,
      warnings: fs.filter((f) => f.severity === 'warning').length,
      included: inCollection && !refused,
      refused,
    };
  });
  const included: UnitReport[] = collected.filter((c) => units.find((u) => u.agency === c.agency)?.included).map((c) => ({ agency: c.agency, report: c.report }));
  const report = included.length ? rollUp(format, year, organ.trim(), included) : null;
  const own: UnitFinding[] = report ? tableFindings(report).map((f) => ({ ...f, agency: ROLLUP_AGENCY })) : [];
  const counted = units.filter((u) => u.status !== 'excluded');
  return {
    view: {
      organ: organ.trim(),
      year,
      format,
      units,
      missing: counted.filter((u) => u.reportId === null).map((u) => u.agency),
      complete: counted.length > 0 && counted.every((u) => u.status === 'accepted'),
      received: counted.filter((u) => u.reportId !== null).length,
      total: counted.length,
      report,
      findings: [...findings, ...own],
    },
    included,
    collected,
  };
}
