/**
 * The findings of a stored report: the one answer to "what do the checks say about this report",
 * asked by the editor (report:open/save), the archive list and `list`, `check`, every export that
 * prints findings (the .xlsx 报告信息 sheet, the check report) and the merge plan. The context
 * (last year's report, the organ's level, 已发布, the agency names the archive knows) is read here from the archive, never assembled
 * by the caller, so the counts in a list are those the editor shows, and they follow last year's
 * report when it arrives, changes, is restored or deleted (they are computed when asked, not kept).
 */
import { countFindings, findingsInContext, type ReportContext } from '../../report/checks';
import type { Finding, Report } from '../../report';
import { findAgency, knownAgencyNames, listAgencies } from './agencies';
import type { Db } from './open';
import { findReport, getReportBody, getReportRow, listReports, type ReportRow } from './reports';

/** The archive context of a report of this agency and year (stored or about to be). */
export function contextOf(db: Db, at: { agency: string; year: number; published?: boolean }): ReportContext {
  const prev = findReport(db, at.agency, at.year - 1);
  return {
    previous: prev ? getReportBody(db, prev.id) : null,
    level: findAgency(db, at.agency)?.level ?? null,
    published: at.published ?? false,
    agencyNames: knownAgencyNames(db),
  };
}

/** Findings of a report body in the archive context of its agency and year (before it is stored, too). */
export function findingsFor(db: Db, report: Report, o: { published?: boolean } = {}): Finding[] {
  return findingsInContext(report, contextOf(db, { agency: report.agency, year: report.year, ...o }));
}

export interface StoredFindings {
  report: Report;
  context: ReportContext;
  findings: Finding[];
}

/** The findings of the stored report `id` (its latest state) in its archive context. */
export function storedFindings(db: Db, id: number, row: ReportRow | undefined = getReportRow(db, id)): StoredFindings {
  if (!row) throw new Error(`no report ${id}`);
  const report = getReportBody(db, id);
  const context = contextOf(db, row);
  return { report, context, findings: findingsInContext(report, context) };
}

/**
 * Counts per connection and report, with what they were computed from (the report's version, last
 * year's report and version, the level, 已发布): a list of 1 500 reports is checked once, then only
 * the reports whose inputs changed. Asked again after last year's report changes, the key differs.
 */
const countCache = new WeakMap<Db, Map<number, { key: string; counts: { errors: number; warnings: number } }>>();

/** Rows with their error and warning counts as the checks give them now (not as stored at the last save). */
export function withCurrentCounts<R extends ReportRow>(db: Db, rows: readonly R[]): R[] {
  if (!rows.length) return [];
  let cache = countCache.get(db);
  if (!cache) countCache.set(db, (cache = new Map()));
  const live = new Map(listReports(db).map((r) => [`${r.agencyId}|${r.year}`, r]));
  const levels = new Map(listAgencies(db).map((a) => [a.id, a.level]));
  // X-8 depends on every name the archive knows: a rename or merge changes them all.
  const names = knownAgencyNames(db).sort().join('\n');
  return rows.map((r) => {
    const prev = live.get(`${r.agencyId}|${r.year - 1}`);
    const key = `${r.version}|${r.updatedAt}|${prev ? `${prev.id}:${prev.version}:${prev.updatedAt}` : '-'}|${levels.get(r.agencyId) ?? '-'}|${r.published}|${names}`;
    const hit = cache.get(r.id);
    if (hit && hit.key === key) return { ...r, ...hit.counts };
    const counts = countFindings(storedFindings(db, r.id, r).findings);
    cache.set(r.id, { key, counts });
    return { ...r, ...counts };
  });
}
