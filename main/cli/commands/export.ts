import { extname } from 'node:path';
import { formatValidationErrors, runChecks, validateJson, type Finding, type Report } from '../../../report';
import { storedFindings } from '../../db/findings';
import { closeArchive } from '../../db/open';
import { findReport } from '../../db/reports';
import { atomicWrite } from '../../export/atomic-write';
import { buildExport, type ExportKind } from '../../export';
import { openIfExists, parseYear, readJsonFile, requireOption, UsageError, type CliIo } from '../io';
import { formatFindings } from './check';
import { exportGraphicCommand } from './export-graphic';

export type { ExportOpts } from './export-opts';
import type { ExportOpts } from './export-opts';

const KINDS: Record<string, ExportKind> = { '.docx': 'docx', '.xlsx': 'xlsx', '.html': 'html', '.htm': 'html', '.json': 'json' };

/** The report and its findings: a stored report's from the archive (main/db/findings.ts), a file's on its own. */
function loadReport(opts: ExportOpts, io: CliIo): { report: Report; findings: Finding[] } {
  if (opts.from) {
    if (opts.agency || opts.year) throw new UsageError('--from 与 --agency/--year 只能二选一');
    const v = validateJson(readJsonFile(opts.from));
    if (!v.ok) throw new UsageError(`${opts.from} 不是有效的报告：\n${formatValidationErrors(v.errors)}`);
    return { report: v.report, findings: runChecks(v.report) };
  }
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  const year = parseYear(opts.year);
  const db = openIfExists(opts.db, io);
  try {
    const row = db ? findReport(db, agency, year) : undefined;
    if (!row || !db) throw new UsageError(`档案中没有“${agency.trim()}”${year}年度的报告`);
    const { report, findings } = storedFindings(db, row.id, row);
    return { report, findings };
  } finally {
    if (db) closeArchive(db);
  }
}

/**
 * `export --agency NAME --year YYYY --out FILE.docx|.xlsx|.html|.json`, or `--from FILE.json` for a
 * report not in the archive. A report with errors still exports (nothing is stamped on the
 * document); its findings go to stderr.
 */
export async function exportCommand(opts: ExportOpts, io: CliIo): Promise<number> {
  if (opts.graphic) return exportGraphicCommand(opts, io);
  if (opts.size !== undefined) throw new UsageError('--size 只用于图解（--graphic）');
  const out = requireOption(opts.out, 'out', '输出文件，如 报告.docx');
  const kind = KINDS[extname(out).toLowerCase()];
  if (!kind)
    throw new UsageError(
      /\.(svg|png|pdf)$/i.test(out) ? '输出文件应以 .docx、.xlsx、.html 或 .json 结尾；导出图解（一图读懂）请加 --graphic' : '输出文件应以 .docx、.xlsx、.html 或 .json 结尾',
    );
  const { report, findings } = loadReport(opts, io);
  if (findings.length) io.err(formatFindings(findings));
  const { data } = await buildExport(report, kind, { findings });
  await atomicWrite(out, data);
  io.err(`已导出到 ${out}`);
  return 0;
}
