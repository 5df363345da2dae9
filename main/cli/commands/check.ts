import { formatValidationErrors, runChecks, validateJson, type Finding, type Report } from '../../../report';
import { closeArchive } from '../../db/open';
import { findAgency } from '../../db/agencies';
import { findReport, getReportBody } from '../../db/reports';
import { EXIT_FINDINGS, openIfExists, parseYear, readJsonFile, UsageError, type CliIo } from '../io';

export interface CheckOpts {
  db?: string;
  agency?: string;
  year?: string;
  previous?: string;
  json?: boolean;
}

function loadReportFile(file: string): Report {
  const v = validateJson(readJsonFile(file));
  if (!v.ok) throw new UsageError(`${file} 不是有效的报告：\n${formatValidationErrors(v.errors)}`);
  return v.report;
}

const SEVERITY = { error: '错误', warning: '提醒' } as const;

export function formatFindings(findings: Finding[]): string {
  return findings.map((f) => `${SEVERITY[f.severity]} ${f.rule}  ${f.message}${f.cells.length ? `  [${f.cells.join(', ')}]` : ''}`).join('\n');
}

/** `check FILE.json | --agency NAME --year YYYY`: every rule, cross-year when last year is known. */
export function checkCommand(file: string | undefined, opts: CheckOpts, io: CliIo): number {
  let report: Report;
  let previous: Report | null = opts.previous ? loadReportFile(opts.previous) : null;
  const db = openIfExists(opts.db, io);
  try {
    if (file) report = loadReportFile(file);
    else {
      if (!opts.agency) throw new UsageError('请给出报告文件，或用 --agency 和 --year 指定档案中的报告');
      const year = parseYear(opts.year);
      const row = db ? findReport(db, opts.agency, year) : undefined;
      if (!row) throw new UsageError(`档案中没有“${opts.agency.trim()}”${year}年度的报告`);
      report = getReportBody(db!, row.id);
    }
    if (!previous && db) {
      const prev = findReport(db, report.agency, report.year - 1);
      if (prev) previous = getReportBody(db, prev.id);
    }
    const level = db ? (findAgency(db, report.agency)?.level ?? null) : null;
    const findings = runChecks(report, { previous, level });
    if (opts.json) io.out(JSON.stringify(findings, null, 2));
    else if (findings.length) io.out(formatFindings(findings));
    const errors = findings.filter((f) => f.severity === 'error').length;
    io.err(`${report.agency} ${report.year}年度：${errors} 处错误，${findings.length - errors} 处提醒${previous ? `（已对照${previous.year}年报告）` : ''}`);
    return errors ? EXIT_FINDINGS : 0;
  } finally {
    if (db) closeArchive(db);
  }
}
