import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import { runChecks, type Report } from '../../../report';
import { closeArchive } from '../../db/open';
import { findReport, getReportBody } from '../../db/reports';
import { openIfExists, parseYear, requireOption, UsageError, type CliIo } from '../io';
import { formatFindings } from './check';

export interface ExportOpts {
  db?: string;
  agency?: string;
  year?: string;
  out?: string;
}

/** The canonical JSON as exported: 2-space indent (report-json.md). */
export const reportJson = (report: Report): string => `${JSON.stringify(report, null, 2)}\n`;

function writeAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UsageError(`无法写入 ${file}（${(e as { code?: string }).code ?? (e as Error).message}）`);
  }
}

/** `export --agency NAME --year YYYY --out FILE.json`: a report with errors still exports; its findings go to stderr. */
export function exportCommand(opts: ExportOpts, io: CliIo): number {
  const out = requireOption(opts.out, 'out', '输出文件');
  if (!/\.json$/i.test(out)) throw new UsageError('输出文件应以 .json 结尾');
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  const year = parseYear(opts.year);
  const db = openIfExists(opts.db, io);
  try {
    const row = db ? findReport(db, agency, year) : undefined;
    if (!row || !db) throw new UsageError(`档案中没有“${agency.trim()}”${year}年度的报告`);
    const report = getReportBody(db, row.id);
    const findings = runChecks(report);
    if (findings.length) io.err(formatFindings(findings));
    writeAtomic(out, reportJson(report));
    io.err(`已导出到 ${out}`);
    return 0;
  } finally {
    if (db) closeArchive(db);
  }
}
