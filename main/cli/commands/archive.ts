/**
 * Backups and moving the archive from the command line, on the same functions as the app:
 *   backup --out FILE            a backup through SQLite's online backup API
 *   restore FILE                 validated, the current archive backed up first, swapped atomically
 *   archive-export --out FILE    the whole archive as one JSON bundle
 *   archive-import FILE          merge by agency and year; conflicts are kept (never overwritten)
 *                                — choose them in the app; --dry-run only prints the plan
 * Backups made on the way go to the backups folder next to the archive (<userData>/backups by default).
 * Every command that reads or replaces the open archive goes through the app's own handlers (backup:saveAs,
 * backup:restore, archive:previewImport, archive:applyImport); the file the app would ask for in a dialog is
 * the one named on the command line. An archive that cannot be opened at all is restored as the app's
 * start-up screen restores it (main/index.ts): set aside byte for byte, the backup put in its place.
 */
import { printable } from '../../../report/agency';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describeSkipped } from '../../../report/skipped';
import { buildBundle, MAX_BUNDLE_BYTES, parseBundle, serializeBundle, type SkippedRecord } from '../../lifecycle/bundle';
import { atomicWriteFile } from '../../db/fs-safe';
import { existingReports, planImport, type PlanItem } from '../../lifecycle/merge';
import { restoreArchive } from '../../lifecycle/restore';
import { diagnoseArchive, diagnosisForCli, type Diagnosis } from '../../lifecycle/startup';
import { createArchiveServices, type FilePorts } from '../../services';
import { archivePath, checkArchive, openChecked, requireOption, UsageError, type CliIo } from '../io';

const backupsDirOf = (file: string) => join(dirname(file), 'backups');

function freshTarget(out: string | undefined, what: string): string {
  const target = requireOption(out, 'out', what);
  if (existsSync(target)) throw new UsageError(`文件已存在：${target}（不会覆盖，请换一个文件名）`);
  if (!existsSync(dirname(target) || '.')) throw new UsageError(`文件夹不存在：${dirname(target)}`);
  return target;
}

/** The app's file dialogs, answered by the command line: the file the user named. */
const answeredBy = (path: string): FilePorts => ({ chooseSavePath: async () => path, chooseOpenPath: async () => path });

/** Archives the app's services can hold: sound ones for writing; read-only or full ones, as the app does, read-only. */
function servicesFor(file: string, d: Diagnosis, ports: FilePorts) {
  const readonly = d.status === 'readonly' || d.status === 'full';
  if (d.status !== 'ok' && !readonly) return null;
  return createArchiveServices({ file, backupsDir: backupsDirOf(file), ports, readonly });
}

export async function backupCommand(opts: { db?: string; out?: string }, io: CliIo): Promise<number> {
  const target = freshTarget(opts.out, '备份文件');
  const file = archivePath(opts.db, io);
  if (!existsSync(file)) throw new UsageError(`档案文件不存在：${file}`);
  const d = diagnoseArchive(file);
  const services = servicesFor(file, d, answeredBy(target));
  if (!services) throw new UsageError(diagnosisForCli(d));
  try {
    await services.handlers['backup:saveAs']({});
  } finally {
    services.close();
  }
  io.err(`已备份到：${target}`);
  return 0;
}

export async function restoreCommand(source: string | undefined, opts: { db?: string }, io: CliIo): Promise<number> {
  if (!source) throw new UsageError('缺少要恢复的备份文件：restore 文件.sqlite');
  const file = archivePath(opts.db, io);
  const d = diagnoseArchive(file);
  const services = servicesFor(file, d, answeredBy(source));
  if (!services) {
    // Locked by the running app, newer than this program: refused with the start-up screen's words.
    if (d.status !== 'new' && !d.actions.includes('restore-backup')) throw new UsageError(diagnosisForCli(d));
    // Damaged or missing: what the start-up screen's 「从备份恢复」 does.
    const r = await restoreArchive({ archiveFile: file, backupsDir: backupsDirOf(file), source, current: null });
    io.err(`已从备份恢复（${r.check.reports} 份报告）：${file}` + (r.setAside ? `\n原档案文件已原样保存为：${r.setAside}` : ''));
    return 0;
  }
  try {
    const r = await services.handlers['backup:restore']({});
    if (!r) throw new Error('backup:restore answered nothing for a named file');
    io.err(`已从备份恢复（${r.reports} 份报告）：${file}` + (r.safety ? `\n恢复前的档案已备份为：${join(backupsDirOf(file), r.safety.name)}` : ''));
  } finally {
    services.close();
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
