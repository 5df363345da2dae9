import { basename } from 'node:path';
import { formatValidationErrors, runChecks, validateJson } from '../../../report';
import { storeImported } from '../../api/store';
import { closeArchive, type Db } from '../../db/open';
import { openForWrite, readJsonFile, UsageError, type CliIo } from '../io';

export interface ImportOptions {
  db?: string;
  dryRun?: boolean;
  json?: boolean;
  replace?: boolean;
}

/** `import FILE.json…`: canonical JSON into the archive (other formats: the import module). */
export function importCommand(files: string[], opts: ImportOptions, io: CliIo): number {
  if (!files.length) throw new UsageError('缺少要导入的文件，如：import 报告.json');
  let db: Db | null = null;
  let failed = 0;
  try {
    for (const file of files) {
      try {
        if (!/\.json$/i.test(file)) throw new UsageError(`${basename(file)}：暂只支持 .json 文件`);
        const v = validateJson(readJsonFile(file));
        if (!v.ok) throw new UsageError(`${basename(file)} 不是有效的报告：\n${formatValidationErrors(v.errors)}`);
        const findings = runChecks(v.report);
        if (opts.dryRun) {
          const out = { ...v.report, findings, uncertain: [] as string[] };
          if (opts.json) io.out(files.length > 1 ? JSON.stringify(out) : JSON.stringify(out, null, 2));
          io.err(`${basename(file)}：读取成功（${v.report.agency} ${v.report.year}年度），未保存（--dry-run）`);
          continue;
        }
        db ??= openForWrite(opts.db, io);
        const { replaced } = storeImported(db, v.report, { replace: opts.replace ?? false, note: `导入 ${basename(file)}` });
        io.err(`${basename(file)}：已${replaced ? '替换' : '导入'}“${v.report.agency}”${v.report.year}年度报告${replaced ? '（原内容保留在历史版本中）' : ''}`);
      } catch (e) {
        failed++;
        io.err((e as Error).message);
        if (files.length === 1) throw e;
      }
    }
  } finally {
    if (db) closeArchive(db);
  }
  if (files.length > 1) io.err(`共 ${files.length} 个文件，成功 ${files.length - failed} 个，失败 ${failed} 个`);
  return failed ? 2 : 0;
}
