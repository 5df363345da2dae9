/**
 * Backups and moving the archive from the command line, on the same functions as the app:
 *   backup --out FILE            a backup through SQLite's online backup API
 *   restore FILE                 validated, the current archive backed up first, swapped atomically
 *   archive-export --out FILE    the whole archive as one JSON bundle
 *   archive-import FILE          merge by agency and year; conflicts are kept (never overwritten)
 *                                — choose them in the app; --dry-run only prints the plan
 * Backups made on the way go to the backups folder next to the archive (<userData>/backups by default).
 * archive-import goes through the app's own handlers (archive:previewImport, archive:applyImport). backup and
 * restore call main/lifecycle: the app's backup:saveAs and backup:restore take their file from a dialog (or a
 * browser upload/download), backup:create writes only into the backups folder, and the app's services cannot
 * start on a damaged archive, which restore must replace.
 */
import { printable } from '../../../report/agency';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { backupToFile } from '../../lifecycle/backup';
import { describeSkipped } from '../../../report/skipped';
import { buildBundle, MAX_BUNDLE_BYTES, parseBundle, serializeBundle, type SkippedRecord } from '../../lifecycle/bundle';
import { atomicWriteFile } from '../../db/fs-safe';
import { existingReports, planImport, type PlanItem } from '../../lifecycle/merge';
import { restoreArchive } from '../../lifecycle/restore';
import { openForUse } from '../../lifecycle/session';
import { diagnoseArchive } from '../../lifecycle/startup';
import { createArchiveServices } from '../../services';
import { archivePath, checkArchive, openChecked, requireOption, UsageError, type CliIo } from '../io';

const backupsDirOf = (file: string) => join(dirname(file), 'backups');

function freshTarget(out: string | undefined, what: string): string {
  const target = requireOption(out, 'out', what);
  if (existsSync(target)) throw new UsageError(`文件已存在：${target}（不会覆盖，请换一个文件名）`);
  if (!existsSync(dirname(target) || '.')) throw new UsageError(`文件夹不存在：${dirname(target)}`);
  return target;
}

export async function backupCommand(opts: { db?: string; out?: string }, io: CliIo): Promise<number> {
  const target = freshTarget(opts.out, '备份文件');
  const handle = openChecked(opts.db, io, { mustExist: true });
  try {
    await backupToFile(handle.db, target);
  } finally {
    handle.close();
  }
  io.err(`已备份到：${target}`);
  return 0;
}

export async function restoreCommand(source: string | undefined, opts: { db?: string }, io: CliIo): Promise<number> {
  if (!source) throw new UsageError('缺少要恢复的备份文件：restore 文件.sqlite');
  const file = archivePath(opts.db, io);
  const d = diagnoseArchive(file);
  // A healthy archive is backed up through SQLite first; a damaged one is set aside byte for byte.
  const handle = d.status === 'ok' ? openForUse(file, { backupsDir: backupsDirOf(file) }) : null;
  try {
    const r = await restoreArchive({ archiveFile: file, backupsDir: backupsDirOf(file), source, current: handle?.db ?? null });
    io.err(
      `已从备份恢复（${r.check.reports} 份报告）：${file}` +
        (r.safety ? `\n恢复前的档案已备份为：${join(backupsDirOf(file), r.safety.name)}` : '') +
        (r.setAside ? `\n原档案文件已原样保存为：${r.setAside}` : ''),
    );
  } finally {
    handle?.close();
  }
  return 0;
}

export function archiveExportCommand(opts: { db?: string; out?: string }, io: CliIo): number {
  const target = freshTarget(opts.out, '导出文件.json');
  const handle = openChecked(opts.db, io, { mustExist: true });
  try {
    const skipped: SkippedRecord[] = [];
    const bundle = buildBundle(handle.db, new Date(), skipped);
    atomicWriteFile(target, serializeBundle(bundle));
    io.err(`已导出 ${bundle.payload.reports.length} 份报告到：${target}`);
    if (skipped.length) io.err(describeSkipped(skipped.map((s) => ({ ...s, agency: printable(s.agency) })), (iso) => new Date(iso).toLocaleString('zh-CN', { hour12: false })));
  } finally {
    handle.close();
  }
  return 0;
}

const ACTION = { add: '新增', identical: '相同，跳过', conflict: '不同，保留本机的（冲突）' } as const;

function planText(items: PlanItem[]): string {
  return ['机关\t年度\t处理', ...items.map((i) => `${printable(i.agency)}\t${i.year}\t${ACTION[i.action]}`)].join('\n');
}

export async function archiveImportCommand(file: string | undefined, opts: { db?: string; dryRun: boolean; json: boolean }, io: CliIo): Promise<number> {
  if (!file) throw new UsageError('缺少要导入的档案导出文件：archive-import 文件.json');
  if (!existsSync(file)) throw new UsageError(`找不到文件：${file}`);
  if (statSync(file).size > MAX_BUNDLE_BYTES) throw new UsageError('文件过大，不是年报助手导出的档案');
  const bytes = readFileSync(file);
  const bundle = parseBundle(bytes); // a file that is no bundle is refused before the archive is opened
  const print = (items: PlanItem[]) => io.out(opts.json ? JSON.stringify(items, null, 2) : planText(items));
  if (opts.dryRun) {
    // A dry run never creates or writes the archive (the app's handlers open it for writing).
    const handle = existsSync(archivePath(opts.db, io)) ? openChecked(opts.db, io, { mustExist: false, readonly: true }) : null;
    try {
      print(planImport(handle ? existingReports(handle.db) : [], bundle.payload.reports));
    } finally {
      handle?.close();
    }
    return 0;
  }
  // The import itself goes through the app's own handlers: the same plan, the backup before it, the merge.
  const archive = archivePath(opts.db, io);
  checkArchive(archive, { readonly: false });
  const services = createArchiveServices({ file: archive, backupsDir: backupsDirOf(archive) });
  try {
    const preview = await services.handlers['archive:previewImport']({ upload: { fileName: basename(file), dataBase64: bytes.toString('base64') } });
    if (!preview) throw new Error('archive:previewImport answered nothing for an uploaded file');
    print(preview.items);
    const conflicts = preview.items.filter((i) => i.action === 'conflict').length;
    const s = await services.handlers['archive:applyImport']({ token: preview.token, decisions: {} });
    io.err(
      `已导入：新增 ${s.added} 份，相同 ${s.identical} 份，冲突 ${s.kept} 份（保留本机内容）${s.rosterUnits ? `，汇总名单中的 ${s.rosterUnits} 个单位` : ''}。导入前的备份：${s.backup.name}` +
        (conflicts ? '\n冲突的报告没有被覆盖；如需采用导入的内容，请在年报助手的「导入档案」中逐份选择。' : ''),
    );
    return 0;
  } finally {
    services.close();
  }
}
