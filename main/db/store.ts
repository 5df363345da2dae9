/**
 * Storing a report that came from outside (a file, a pasted page): a new report, or, when the user
 * confirms it, a new revision of the one already archived for that agency and year. Nothing is
 * overwritten silently: the previous state stays in the revision history.
 */
import type { Report } from '../../report';
import { countFindings } from '../../report/checks';
import { findingsFor } from './findings';
import { ArchiveError } from './errors';
import type { Db } from './open';
import { findReport, insertReport, setImportState, updateReport, type ReportRow } from './reports';

export interface StoreOptions {
  /** Replace the archived report of the same agency and year (kept as a revision). */
  replace?: boolean;
  /** Recorded with the revision (e.g. the source file, or the cells that were uncertain). */
  note?: string;
  now?: string;
  /** Kept as published (已发布): counted without the completeness warnings of a draft. */
  published?: boolean;
  /** The date it was published (the report's 落款 date), when `published`. */
  publishedOn?: string | null;
  /** Cells left 待核对 (report/import-verify.ts). */
  toVerify?: string[];
}

/**
 * The report and its import state (已发布, 待核对) in one transaction. The state is always written: what
 * was 待核对 in the content replaced says nothing about the new one.
 */
export function storeImported(db: Db, report: Report, o: StoreOptions = {}): { row: ReportRow; replaced: boolean } {
  return db.transaction(() => {
    const stored = storeContent(db, report, o);
    const published = o.published ?? false;
    const row = setImportState(db, stored.row.id, { published, publishedOn: published ? (o.publishedOn ?? null) : null, toVerify: o.toVerify ?? [] });
    return { row, replaced: stored.replaced };
  })();
}

function storeContent(db: Db, report: Report, o: StoreOptions): { row: ReportRow; replaced: boolean } {
  const now = o.now ?? new Date().toISOString();
  const counts = countFindings(findingsFor(db, report, { published: o.published ?? false }));
  const existing = findReport(db, report.agency, report.year);
  if (!existing) return { row: insertReport(db, report, { reason: 'import', counts, now, ...(o.note ? { note: o.note } : {}) }), replaced: false };
  if (!o.replace)
    throw new ArchiveError('CONFLICT', `档案中已有“${report.agency}”${report.year}年度的报告；如要用导入的内容替换（原内容保留在历史版本中），请确认替换`);
  if (existing.status === 'final')
    throw new ArchiveError('CONFLICT', `“${report.agency}”${report.year}年度报告已定稿，请先在程序中“重新编辑”再替换`);
  return { row: updateReport(db, existing.id, report, { reason: 'import', counts, now, ...(o.note ? { note: o.note } : {}) }), replaced: true };
}
