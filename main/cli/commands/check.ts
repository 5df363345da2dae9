import { formatValidationErrors, validateJson, type Finding, type Report } from '../../../report';
import { printable } from '../../../report/agency';
import { findingsInContext } from '../../../report/checks';
import { contextOf, storedFindings } from '../../db/findings';
import { closeArchive } from '../../db/open';
import { findReport } from '../../db/reports';
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
  const db = openIfExists(opts.db, io);
  try {
    let report: Report;
    let findings: Finding[];
    let previous: Report | null;
    if (file) {
      // A file: checked in the archive context of its agency and year when there is an archive.
      report = loadReportFile(file);
      const context = db ? contextOf(db, report) : { previous: null, level: null, published: false, agencyNames: [] };
      if (opts.previous) context.previous = loadReportFile(opts.previous);
      previous = context.previous;
      findings = findingsInContext(report, context);
    } else {
      if (!opts.agency) throw new UsageError('请给出报告文件，或用 --agency 和 --year 指定档案中的报告');
      if (opts.previous) throw new UsageError('--previous 只用于检查报告文件；档案中的报告按档案中的上年报告检查');
      const year = parseYear(opts.year);
      const row = db ? findReport(db, opts.agency, year) : undefined;
      if (!row || !db) throw new UsageError(`档案中没有“${opts.agency.trim()}”${year}年度的报告`);
      const stored = storedFindings(db, row.id, row);
      ({ report, findings } = stored);
      previous = stored.context.previous;
    }
    if (opts.json) io.out(JSON.stringify(findings, null, 2));
    else if (findings.length) io.out(formatFindings(findings));
    const errors = findings.filter((f) => f.severity === 'error').length;
    io.err(`${printable(report.agency)} ${report.year}年度：${errors} 处错误，${findings.length - errors} 处提醒${previous ? `（已对照${previous.year}年报告）` : ''}`);
    return errors ? EXIT_FINDINGS : 0;
  } finally {
    if (db) closeArchive(db);
  }
}
