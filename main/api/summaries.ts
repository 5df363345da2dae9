/** What the channels answer about an agency and a report (rows of the archive → the contract's shapes), and a report body from any input. */
import { inferLevel, type Report } from '../../report';
import type { AgencyInfo, ReportSummary } from '../../report/api';
import { formatValidationErrors, validateJson } from '../../report/validate';
import type { AgencyRow } from '../db/agencies';
import { ArchiveError } from '../db/errors';
import type { ReportRow } from '../db/reports';

export function toAgencyInfo(a: AgencyRow, former: string[] = []): AgencyInfo {
  return { id: a.id, name: a.name, level: a.level, inferredLevel: inferLevel(a.name), deadline: a.deadline, own: a.own, formerNames: former };
}

export function toSummary(r: ReportRow): ReportSummary {
  const { agencyId, agency, year, format, status, errors, warnings, createdAt, updatedAt, deletedAt, id, version } = r;
  const carried = r.carried.map((c) => ({ path: c.path, from: c.from, value: c.value }));
  const { published, publishedOn, toVerify, verifiedOn } = r;
  return { id, agencyId, agency, year, format, status, errors, warnings, createdAt, updatedAt, deletedAt, carried, version, deadline: `${year + 1}-${r.deadline}`, published, publishedOn, toVerify, verifiedOn };
}

/** A report body from any input, or INVALID with every problem listed. */
export function parseReport(input: unknown): Report {
  const v = validateJson(input);
  if (!v.ok) throw new ArchiveError('INVALID', `报告数据有误：\n${formatValidationErrors(v.errors)}`);
  return v.report;
}
