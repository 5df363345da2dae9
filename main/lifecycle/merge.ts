/**
 * Importing an exported archive into this one, merged by agency and year.
 *
 * planImport is pure: for each incoming report it says whether it is new here (added with its
 * whole history), identical to what is here (skipped), or different (a conflict). A conflict never
 * overwrites anything unless the user chose 「用导入的内容」 for it; then the existing report takes
 * the incoming content as a new revision, so its previous state stays in its history.
 * applyImport runs the whole plan in one transaction: all of it or nothing.
 */
import type { Report } from '../../report';
import { nameKey } from '../../report/agency';
import { isAgencyLevel } from '../../report/lists';
import { countFindings } from '../../report/checks';
import { findingsFor } from '../db/findings';
import { addFormerName, ensureAgency, findAgency, formerNames } from '../db/agencies';
import { existingReports, findReportAny, insertBundledReport, setAgencySettings, type ExistingReport } from '../db/bundle-queries';
import type { Db } from '../db/open';
import { restoreDeleted, setImportState, setStatus, updateReport } from '../db/reports';
import { importRosters } from '../rollup/roster';
import type { Bundle, BundleAgency, BundleReport } from './bundle';

export type PlanAction = 'add' | 'identical' | 'conflict';
export type Decision = 'keep' | 'incoming';

export interface PlanItem {
  key: string;
  agency: string;
  year: number;
  action: PlanAction;
  incomingUpdatedAt: string;
  existingUpdatedAt: string | null;
  incomingDeleted: boolean;
  existingDeleted: boolean;
  /** Revisions that come along with a new report. */
  revisions: number;
}

export type { ExistingReport } from '../db/bundle-queries';

/** Agencies are matched by their name key (report/agency.ts), as everywhere in the archive. */
export const planKey = (agency: string, year: number) => `${nameKey(agency)}|${year}`;

/** Bodies are compared as data, so key order or spacing never makes a false conflict. */
function sameReport(a: Report, b: Report): boolean {
  const canon = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(canon) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])])) : v;
  return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
}

export function planImport(existing: ExistingReport[], incoming: BundleReport[]): PlanItem[] {
  const here = new Map(existing.map((e) => [planKey(e.agency, e.year), e]));
  return incoming
    .map((r): PlanItem => {
      const key = planKey(r.agency, r.year);
      const e = here.get(key);
      const action: PlanAction = !e ? 'add' : sameReport(JSON.parse(e.body) as Report, r.report) && !!e.deletedAt === !!r.deletedAt ? 'identical' : 'conflict';
      return {
        key,
        agency: r.agency,
        year: r.year,
        action,
        incomingUpdatedAt: r.updatedAt,
        existingUpdatedAt: e?.updatedAt ?? null,
        incomingDeleted: !!r.deletedAt,
        existingDeleted: !!e?.deletedAt,
        revisions: r.revisions.length,
      };
    })
    .sort((a, b) => a.agency.localeCompare(b.agency, 'zh-CN') || a.year - b.year);
}

export { existingReports } from '../db/bundle-queries';

export interface ImportSummary {
  added: number;
  replaced: number;
  kept: number;
  identical: number;
  /** 汇总 roster units added (this PC's own places win). */
  rosterUnits?: number;
}

export function applyImport(db: Db, bundle: Bundle, decisions: Record<string, Decision>, now = new Date()): ImportSummary {
  const at = now.toISOString();
  const summary: ImportSummary = { added: 0, replaced: 0, kept: 0, identical: 0 };
  const byKey = new Map(bundle.payload.reports.map((r) => [planKey(r.agency, r.year), r]));
  // Earlier years first, so each report's cross-year checks see last year's figures.
  const plan = planImport(existingReports(db), bundle.payload.reports).sort((a, b) => a.year - b.year);
  // Stored counts are a cache; lists recompute them (main/db/findings.ts).
  const counts = (report: Report) => countFindings(findingsFor(db, report));
  /** 已发布 and 待核对 travel with the report (checked by bundle-check.ts; an older export has none). */
  const keepImportState = (id: number, r: BundleReport) =>
    setImportState(db, id, {
      published: r.published === true,
      publishedOn: r.published === true ? (r.publishedOn ?? null) : null,
      toVerify: r.toVerify ?? [],
      verifiedOn: r.published === true ? (r.verifiedOn ?? null) : null,
    });
  db.transaction(() => {
    for (const a of bundle.payload.agencies) {
      const known = findAgency(db, a.name);
      // The name history travels and is joined with this PC's (issue 21 #2): the checks read it.
      addFormerNames(db, known?.id ?? null, a, at);
      if (known) continue; // this PC's settings for an agency it already has win
      const row = ensureAgency(db, a.name, at);
      const level = isAgencyLevel(a.level) ? a.level : null;
      const deadline = /^\d{2}-\d{2}$/.test(a.deadline) ? a.deadline : '01-31';
      setAgencySettings(db, row.id, { level, deadline, own: a.own === true });
      addFormerNames(db, row.id, a, at);
    }
    for (const item of plan) {
      const r = byKey.get(item.key)!;
      if (item.action === 'identical') {
        summary.identical++;
      } else if (item.action === 'add') {
        const agency = ensureAgency(db, r.agency, at);
        const c = counts(r.report);
        // parseBundle checked every revision (same agency and year, a valid report).
        const id = insertBundledReport(db, {
          agencyId: agency.id,
          year: r.year,
          format: r.report.format,
          status: r.status,
          body: JSON.stringify(r.report),
          counts: c,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          deletedAt: r.deletedAt,
          carried: JSON.stringify(r.carried ?? []),
          revisions: [
            ...r.revisions.map((v) => ({ reason: String(v.reason), note: String(v.note ?? ''), body: JSON.stringify(v.report), createdAt: String(v.createdAt), updatedAt: String(v.updatedAt) })),
            { reason: 'import', note: '从档案导出文件导入', body: JSON.stringify(r.report), createdAt: at, updatedAt: at },
          ],
        });
        keepImportState(id, r);
        summary.added++;
      } else if (decisions[item.key] === 'incoming') {
        const row = findReportAny(db, r.agency, r.year)!;
        if (row.deletedAt) restoreDeleted(db, row.id);
        // Like restoring a revision: the new content is a draft until someone finalises it again.
        if (row.status === 'final') setStatus(db, row.id, 'draft', at);
        updateReport(db, row.id, r.report, { reason: 'import', counts: counts(r.report), now: at, note: '从档案导出文件导入（导入前的内容保留在历史版本中）' });
        keepImportState(row.id, r);
        summary.replaced++;
      } else {
        summary.kept++;
      }
    }
    summary.rosterUnits = importRosters(db, bundle.payload.rosters ?? [], at);
  })();
  return summary;
}

/** Former names of a bundled agency not yet known for it here (its current name is none of them). */
function addFormerNames(db: Db, agencyId: number | null, a: BundleAgency, at: string): void {
  if (agencyId === null) return;
  const have = new Set(formerNames(db, agencyId));
  for (const name of [...(a.formerNames ?? [])].reverse())
    if (!have.has(name) && name !== a.name.trim()) addFormerName(db, agencyId, name, at);
}
