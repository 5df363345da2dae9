/**
 * 历年对比 and 生成统计表述 on the archive: one agency's live reports (never the deleted ones) into
 * the pure table of report/trend, and a year's drafted sentences. The CLI and the channels call these.
 */
import type { Report } from '../../report';
import { buildTrend, draftStatements, type Drafts, type TrendTable } from '../../report/trend';
import { findAgency, getAgency } from '../db/agencies';
import { ArchiveError } from '../db/errors';
import type { Db } from '../db/open';
import { findReport, getReportBody, liveReportIds } from '../db/reports';

/** Bodies of the agency's live reports, oldest first. */
export function agencyReports(db: Db, agencyId: number): Report[] {
  return liveReportIds(db, agencyId).map((id) => getReportBody(db, id));
}

export function trendById(db: Db, agencyId: number): TrendTable {
  const agency = getAgency(db, agencyId);
  if (!agency) throw new ArchiveError('NOT_FOUND', '找不到这个机关');
  const reports = agencyReports(db, agencyId);
  if (!reports.length) throw new ArchiveError('NOT_FOUND', `档案中没有“${agency.name}”的报告`);
  return buildTrend(agency.name, reports);
}

export function trendByName(db: Db, name: string): TrendTable {
  const agency = findAgency(db, name);
  if (!agency) throw new ArchiveError('NOT_FOUND', `档案中没有“${name.trim()}”的报告`);
  return trendById(db, agency.id);
}

export function draftFor(db: Db, name: string, year: number): Drafts {
  const row = findReport(db, name, year);
  if (!row) throw new ArchiveError('NOT_FOUND', `档案中没有“${name.trim()}”${year}年度的报告`);
  const prev = findReport(db, name, year - 1);
  return draftStatements(getReportBody(db, row.id), prev ? getReportBody(db, prev.id) : null);
}
