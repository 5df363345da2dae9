/**
 * `export --graphic --agency 机关 --year 年度 --out 图解.svg|.png|.pdf [--size a4|long]`: the 图解 of a
 * report. `--graphic` says which picture is meant, so an extension never means two things (the
 * report's own export stays .docx/.xlsx/.html/.json). From the archive, last year's report (when
 * archived) lets the drafted line compare with it, and the export is noted for 发布前自查.
 */
import { extname } from 'node:path';
import { formatValidationErrors, validateJson, type Report } from '../../../report';
import type { GraphicKind, GraphicSize } from '../../../report/api';
import { recordGraphic } from '../../api/graphic-handlers';
import { closeArchive } from '../../db/open';
import { findReport, getReportBody } from '../../db/reports';
import { atomicWrite } from '../../export/atomic-write';
import { buildGraphic, GraphicRenderError } from '../../graphic';
import { openIfExists, parseYear, readJsonFile, requireOption, UsageError, type CliIo } from '../io';
import type { ExportOpts } from './export-opts';

const KINDS: Record<string, GraphicKind> = { '.svg': 'svg', '.png': 'png', '.pdf': 'pdf' };

export interface GraphicOpts extends ExportOpts {
  size?: string;
}

function sizeOf(opts: GraphicOpts, kind: GraphicKind): GraphicSize | undefined {
  if (opts.size === undefined) return undefined;
  if (opts.size !== 'a4' && opts.size !== 'long') throw new UsageError('--size 只能是 a4（A4 页面）或 long（长图）');
  if (kind === 'pdf' && opts.size === 'long') throw new UsageError('PDF 图解是 A4 页面；长图请导出 .png 或 .svg');
  return opts.size;
}

export async function exportGraphicCommand(opts: GraphicOpts, io: CliIo): Promise<number> {
  const out = requireOption(opts.out, 'out', '输出文件，如 图解.png');
  const kind = KINDS[extname(out).toLowerCase()];
  if (!kind) throw new UsageError('图解的输出文件应以 .svg、.png 或 .pdf 结尾');
  const size = sizeOf(opts, kind);
  let report: Report;
  let previous: Report | null = null;
  let note: ((at: string) => void) | null = null;
  const db = opts.from ? null : openIfExists(opts.db, io);
  try {
    if (opts.from) {
      if (opts.agency || opts.year) throw new UsageError('--from 与 --agency/--year 只能二选一');
      const v = validateJson(readJsonFile(opts.from));
      if (!v.ok) throw new UsageError(`${opts.from} 不是有效的报告：\n${formatValidationErrors(v.errors)}`);
      report = v.report;
    } else {
      const agency = requireOption(opts.agency, 'agency', '机关名称');
      const year = parseYear(opts.year);
      const row = db ? findReport(db, agency, year) : undefined;
      if (!row || !db) throw new UsageError(`档案中没有“${agency.trim()}”${year}年度的报告`);
      report = getReportBody(db, row.id);
      const prev = findReport(db, row.agency, year - 1);
      previous = prev ? getReportBody(db, prev.id) : null;
      note = (at) => recordGraphic(db, row.id, at, row.version);
    }
    let file;
    try {
      file = await buildGraphic(report, previous, kind, size);
    } catch (e) {
      if (e instanceof GraphicRenderError) throw new UsageError(e.message);
      throw e;
    }
    await atomicWrite(out, file.data);
    try {
      note?.(new Date().toISOString());
    } catch {
      /* a read-only archive: the file is written, the note is not */
    }
    io.err(`已导出图解到 ${out}`);
    return 0;
  } finally {
    if (db) closeArchive(db);
  }
}
