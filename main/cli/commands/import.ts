import { printable } from '../../../report/agency';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createHandlers } from '../../api/handlers';
import { cellsToVerify } from '../../../report/import-verify';
import { findReport } from '../../db/reports';
import { closeArchive, type Db } from '../../db/open';
import { importFile, splitCells, toDryRunJson, type ImportResult } from '../../import';
import { sameAgency } from '../../import/text';
import { openForWrite, UsageError, type CliIo } from '../io';

export interface ImportOptions {
  db?: string;
  dryRun?: boolean;
  json?: boolean;
  replace?: boolean;
  /**
   * The agency to store under: used when a document names none; a document whose own name is
   * close to it (「青石镇人民政府」 for 「示例县青石镇人民政府」) is stored under it; a clearly
   * different name is refused unless `forceAgency`.
   */
  agency?: string;
  /** Store under --agency even when the document names a clearly different agency. */
  forceAgency?: boolean;
  /** Refuse reports of another year. */
  year?: number;
  /** Store cells with no reading as 0; they and the uncertain cells are listed 待核对 in the editor. */
  acceptUncertain?: boolean;
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件：${file}（${code ?? (e as Error).message}）`);
  }
}

const summary = (r: ImportResult): string => {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const parts = [`${r.report.agency || '（未识别机关）'} ${r.report.year}年度`];
  if (r.uncertain.length) parts.push(`${r.uncertain.length}个格需核对`);
  if (r.nulls.length) parts.push(`其中${r.nulls.length}个格没有读数`);
  if (errors) parts.push(`${errors}个错误`);
  return parts.join('，');
};

/** `import FILE…`: published text/HTML, .pdf, .docx, .xlsx or canonical .json, one file at a time; a bad file does not stop the others. */
export async function importCommand(files: string[], opts: ImportOptions, io: CliIo): Promise<number> {
  if (!files.length) throw new UsageError('缺少要导入的文件，如：import 报告.json 年报.docx 网页.html');
  let db: Db | null = null;
  let failed = 0;
  try {
    for (const [i, file] of files.entries()) {
      // The file's name as printed: one line, hidden characters escaped (printable); importFile gets the real one.
      const name = printable(basename(file));
      if (files.length > 1) io.err(`[${i + 1}/${files.length}] ${name}`);
      try {
        const r = await importFile(basename(file), readBytes(file), {
          ...(opts.agency ? { agency: opts.agency } : {}),
          ...(opts.year !== undefined ? { year: opts.year } : {}),
        });
        if (opts.dryRun) {
          const out = toDryRunJson(r);
          if (opts.json) io.out(files.length > 1 ? JSON.stringify(out) : JSON.stringify(out, null, 2));
          io.err(`${name}：读取成功（${summary(r)}），未保存（--dry-run）`);
          continue;
        }
        if (!r.report.agency) throw new UsageError(`${name}：没有识别出机关名称，请用 --agency 指定`);
        if (r.nulls.length && !opts.acceptUncertain)
          throw new UsageError(`${name}：有${r.nulls.length}个格没有读数（如 ${r.nulls.slice(0, 3).join('、')}），未保存；请在程序的导入预览中补填，或加 --accept-uncertain 以0保存`);
        const chosen = opts.agency?.trim();
        const read = printable(r.report.agency);
        const override = chosen && r.report.agency !== chosen;
        if (override) {
          if (!sameAgency(r.report.agency, chosen) && !opts.forceAgency)
            throw new UsageError(`${name}：原文的机关名称“${read}”与 --agency 指定的“${chosen}”不同，未保存。确认要存入“${chosen}”，请加 --force-agency；要按原文存为“${read}”，请去掉 --agency`);
          io.err(`${name}：原文的机关名称为“${read}”，按 --agency 存入“${chosen}”`);
        }
        db ??= openForWrite(opts.db, io);
        // The app's own handler (agency override, note, 已发布 with its date, 待核对): the CLI adds nothing of its own.
        const replaced = findReport(db, override ? chosen : r.report.agency, r.report.year) !== undefined;
        const stored = await createHandlers({ db })['import:confirm']({
          report: r.report,
          replace: opts.replace ?? false,
          uncertain: r.uncertain,
          ...(override ? { agency: chosen } : {}),
          published: r.source !== 'json',
          // No one looked at the reading: its doubtful cells are listed 待核对 too, with the split and unread ones.
          verify: cellsToVerify({ format: r.report.format, split: splitCells(r), nulls: r.nulls, uncertain: r.uncertain }, { seen: false }),
          fileName: basename(file),
        });
        io.err(`${name}：已${replaced ? '替换' : '导入'}“${printable(stored.summary.agency)}”${r.report.year}年度报告（${summary(r)}）${replaced ? '，原内容保留在历史版本中' : ''}`);
      } catch (e) {
        failed++;
        const code = (e as { code?: string }).code;
        // The command line has no year field to fill in: say which option gives it.
        const msg = code === 'NO_YEAR' ? '没有从标题或正文中识别出报告年度，请用 --year 指定年度' : (e as Error).message;
        io.err(msg.startsWith(name) || msg.includes(file) ? msg : `${name}：${msg}`);
        if (files.length === 1) throw code === 'NO_YEAR' ? new UsageError(msg) : e;
      }
    }
  } finally {
    if (db) closeArchive(db);
  }
  if (files.length > 1) io.err(`共 ${files.length} 个文件，成功 ${files.length - failed} 个，失败 ${failed} 个`);
  return failed ? 2 : 0;
}
