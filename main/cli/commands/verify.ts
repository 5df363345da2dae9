import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { closeArchive } from '../../db/open';
import { findReport } from '../../db/reports';
import { verifySummary } from '../../../report/verify';
import { verifyPublished } from '../../verify/service';
import { EXIT_FINDINGS, EXIT_OK, openIfExists, parseYear, requireOption, UsageError, type CliIo } from '../io';

export interface VerifyOpts {
  db?: string;
  agency?: string;
  year?: string;
  json?: boolean;
}

function readPage(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === 'ENOENT' ? `找不到文件：${file}` : code === 'EISDIR' ? `${file} 是文件夹，请给出网站上发布的报告文件` : `无法读取 ${file}`);
  }
}

/**
 * `verify --agency NAME --year YYYY FILE [--json]`: the archived report against its published page.
 * Exit 0 when the same (the report becomes 已发布, checked today), 1 when anything differs or could
 * not be checked, 2 when the page or the arguments cannot be read (runCli's catch).
 */
export async function verifyCommand(files: string[], opts: VerifyOpts, io: CliIo): Promise<number> {
  const agency = requireOption(opts.agency, 'agency', '机关名称');
  const year = parseYear(opts.year);
  if (files.length !== 1) throw new UsageError('请给出一个网站上发布的报告文件（.html、.txt、.pdf 或 .docx）');
  const file = files[0]!;
  const data = readPage(file);
  // An archive that does not exist is not created: there is no 定稿 to compare with.
  const db = openIfExists(opts.db, io);
  if (!db) throw new UsageError(`档案中没有“${agency.trim()}”${year}年度的报告`);
  try {
    const row = findReport(db, agency, year);
    if (!row) throw new UsageError(`档案中没有“${agency.trim()}”${year}年度的报告`);
    const { result, row: after } = await verifyPublished(db, row.id, { file: { name: basename(file), data } }, new Date());
    if (opts.json) io.out(JSON.stringify({ same: result.same, cells: result.cells, text: result.text, uncertain: result.uncertain }, null, 2));
    else {
      for (const c of result.cells) io.out(`数字不同\t${c.label}\t定稿：${c.archived}\t网站：${c.published}`);
      for (const t of result.text) io.out(`文字不同\t${t.part}\t定稿：${t.archived || '（无）'}\t网站：${t.published || '（无）'}`);
      for (const p of result.uncertain) io.out(`无法核对\t${p}`);
    }
    io.err(result.same ? `已核对，与定稿一致（${after.verifiedOn}），报告已标为已发布。` : verifySummary(result));
    return result.same ? EXIT_OK : EXIT_FINDINGS;
  } finally {
    closeArchive(db);
  }
}
