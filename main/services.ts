/**
 * The archive in use, behind every channel: the report services of main/api/handlers.ts plus
 * backups, restore and the archive export/import, on one connection that a restore can replace.
 *
 * - Paths come only from `FilePorts` (native dialogs in Electron) or from the app's own backups
 *   folder by validated name; uploads (serve:web) are bytes. The page never names a path.
 * - In read-only mode every writing channel is refused with one clear sentence, before SQLite
 *   would refuse it anyway; reading, backing up and exporting still work, which is how data is
 *   rescued from a damaged or read-only archive.
 * - SQLite failures at run time (full disk, lost lock, damage) become Chinese messages with the
 *   archive's codes; the log gets the channel, the report id and the SQLite code, never contents.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiInput, BackupSummary, Channel, SavedFile } from '../report/api';
import { createHandlers, type Handlers } from './api/handlers';
import type { Logger } from './api/dispatch';
import type { Host } from './export/host';
import { ArchiveError, errorCodeOf, failureKind } from './db/errors';
import { backupBytes, backupToFile, createBackup, dailyBackupIfDue, isBackupName, listBackups, REASON_LABELS, type BackupInfo } from './lifecycle/backup';
import { buildBundle, MAX_BUNDLE_BYTES, parseBundle, serializeBundle, type Bundle, type SkippedRecord } from './lifecycle/bundle';
import { atomicWriteFile } from './db/fs-safe';
import { applyImport, existingReports, planImport, type Decision } from './lifecycle/merge';
import { restoreArchive, validateBackupFile } from './lifecycle/restore';
import { openForUse, type ArchiveHandle } from './lifecycle/session';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface FilePorts {
  chooseSavePath(o: { title: string; defaultName: string; filters: FileFilter[] }): Promise<string | null>;
  chooseOpenPath(o: { title: string; defaultPath?: string; filters: FileFilter[] }): Promise<string | null>;
}

// What each channel does to the archive (the read-only gate): ./api/access.ts.
import { allowedWhenReadonly, CHANNEL_ACCESS } from './api/access';
export { allowedWhenReadonly, CHANNEL_ACCESS, type ArchiveAccess } from './api/access';

export interface ArchiveServicesOptions {
  file: string;
  backupsDir: string;
  readonly?: boolean;
  /** Shown in the page while read-only (why, and what to do). */
  readonlyReason?: string;
  /** Native dialogs (desktop). Without them (serve:web) files are uploaded and downloads go through `host`. */
  ports?: FilePorts;
  /** Where exported reports go (save dialog / browser download); see main/api/host.ts. */
  host?: Host;
  log?: Logger;
  now?: () => Date;
}

export interface ArchiveServices {
  handlers: Handlers;
  handle(): ArchiveHandle;
  /** The once-a-day backup; call after start-up, errors are logged, never thrown. */
  dailyBackup(): Promise<BackupInfo | null>;
  close(): void;
}

const READONLY_MESSAGE = '档案以只读方式打开，不能保存修改。可以查看、备份和导出；要编辑，请先解决启动时提示的问题（例如从备份恢复）后重新打开。';

export function toBackupSummary(b: BackupInfo): BackupSummary {
  return { ...b, reasonLabel: REASON_LABELS[b.reason] };
}

/** SQLite failures during work, in the archive's codes and words. */
export function translateRuntimeError(e: unknown): ArchiveError | null {
  // The codes are read once (failureKind); this is what they mean while working on an open archive.
  const code = errorCodeOf(e);
  const kind = failureKind(code);
  if (kind === 'full')
    return new ArchiveError('DB_FULL', '磁盘空间已满，这次操作没有保存，档案保持操作前的状态。请清理磁盘后再试。');
  if (kind === 'readonly' || code === 'EPERM')
    return new ArchiveError('DB_READONLY', '档案文件或所在文件夹不可写入，这次操作没有保存。请检查文件权限或U盘是否写保护。');
  if (kind === 'locked')
    return new ArchiveError('DB_LOCKED', '档案文件正被另一个程序使用，这次操作没有保存。请关闭其他程序后再试。');
  if (kind === 'corrupt')
    return new ArchiveError('DB_CORRUPT', '档案文件出现损坏，这次操作没有完成。请先“备份到…”另存一份，然后从备份恢复。');
  if (kind === 'io')
    return new ArchiveError('DB_OPEN_FAILED', '读写档案文件时出错（磁盘或U盘可能有问题），这次操作没有保存。');
  return null;
}

const today = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');

export function createArchiveServices(o: ArchiveServicesOptions): ArchiveServices {
  const now = () => o.now?.() ?? new Date();
  const open = (readonly: boolean) => openForUse(o.file, { readonly, backupsDir: o.backupsDir, now });
  let handle = open(o.readonly ?? false);
  let core = createHandlers({ db: handle.db, now, ...(o.host ? { host: o.host } : {}) });
  let staged: { token: string; bundle: Bundle } | null = null;

  const withTempFile = async <T>(upload: { fileName: string; dataBase64: string }, fn: (file: string) => Promise<T>): Promise<T> => {
    const dir = mkdtempSync(join(tmpdir(), 'nianbao-upload-'));
    try {
      const file = join(dir, 'upload.sqlite');
      writeFileSync(file, Buffer.from(upload.dataBase64, 'base64'));
      return await fn(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  /** Browser mode: the page downloads the bytes; the server writes nothing of the user's choosing. */
  const deliver = async (fileName: string, mime: string, data: Buffer): Promise<SavedFile> => {
    if (!o.host) throw new ArchiveError('INVALID', '此处不能保存文件');
    const out = await o.host.deliverFile({ fileName, mime, data, filter: { name: fileName, extensions: [fileName.split('.').pop() ?? ''] } });
    return { path: out.location, download: out.download };
  };

  /** A new connection on the archive file, after a restore or a failed one. */
  const reopen = (readonly: boolean) => {
    handle.close();
    try {
      handle = open(readonly);
    } catch (e) {
      if (readonly) throw e;
      handle = open(true); // e.g. no room even for the crash marker: at least the archive can be read and backed up
    }
    core = createHandlers({ db: handle.db, now, ...(o.host ? { host: o.host } : {}) });
  };

  const reliability = {
    'archive:status': () => {
      const last = listBackups(o.backupsDir)[0];
      return { readonly: handle.readonly, readonlyReason: handle.readonly ? (o.readonlyReason ?? READONLY_MESSAGE) : '', file: o.file, lastBackup: last ? toBackupSummary(last) : null };
    },
    'backup:list': () => listBackups(o.backupsDir).map(toBackupSummary),
    'backup:create': async () => toBackupSummary(await createBackup(handle.db, o.backupsDir, { reason: 'manual', now: now() })),
    'backup:saveAs': async () => {
      const defaultName = `年报档案备份-${today(now())}.sqlite`;
      if (!o.ports) return deliver(defaultName, 'application/vnd.sqlite3', await backupBytes(handle.db));
      const path = await o.ports.chooseSavePath({ title: '备份到…', defaultName, filters: [{ name: '年报档案备份', extensions: ['sqlite'] }] });
      if (!path) return null;
      await backupToFile(handle.db, path);
      return { path, download: null };
    },
    'backup:restore': async ({ name, upload }: ApiInput<'backup:restore'>) => {
      const run = async (source: string) => {
        validateBackupFile(source); // a bad file is refused while the current archive stays open
        // A read-only connection is only a viewer: close it so the file can be replaced (Windows
        // cannot rename over an open file); the old file's raw bytes are set aside instead.
        const wasReadonly = handle.readonly;
        if (wasReadonly) handle.close();
        let result: Awaited<ReturnType<typeof restoreArchive>>;
        try {
          result = await restoreArchive({ archiveFile: o.file, backupsDir: o.backupsDir, source, current: wasReadonly ? null : handle.db, now: now() });
        } catch (e) {
          // The file is as it was (full disk, no rights): the previous connection and its lock come
          // back before the answer, so every channel keeps working and no other program slips in.
          if (wasReadonly || !handle.db.open) reopen(wasReadonly);
          throw e;
        }
        handle.close();
        // A restored archive is sound: it is opened for writing again even if it was read-only before.
        reopen(false);
        staged = null;
        return { reports: result.check.reports, safety: result.safety ? toBackupSummary(result.safety) : null };
      };
      if (upload) return withTempFile(upload, run);
      if (name) {
        if (!isBackupName(name) || !listBackups(o.backupsDir).some((b) => b.name === name)) throw new ArchiveError('NOT_FOUND', '找不到这个备份');
        return run(join(o.backupsDir, name));
      }
      if (!o.ports) throw new ArchiveError('INVALID', '请选择要恢复的备份文件');
      const path = await o.ports.chooseOpenPath({ title: '从备份恢复', defaultPath: o.backupsDir, filters: [{ name: '年报档案备份', extensions: ['sqlite'] }] });
      return path ? run(path) : null;
    },
    'archive:export': async () => {
      const defaultName = `年报档案-${today(now())}.json`;
      const skipped: SkippedRecord[] = [];
      if (!o.ports) return { ...(await deliver(defaultName, 'application/json', Buffer.from(serializeBundle(buildBundle(handle.db, now(), skipped))))), skipped };
      const path = await o.ports.chooseSavePath({ title: '导出整个档案', defaultName, filters: [{ name: '年报档案导出文件', extensions: ['json'] }] });
      if (!path) return null;
      atomicWriteFile(path, serializeBundle(buildBundle(handle.db, now(), skipped)));
      return { path, download: null, skipped };
    },
    'archive:previewImport': async ({ upload }: ApiInput<'archive:previewImport'>) => {
      let bytes: Uint8Array;
      let fileName: string;
      if (upload) {
        bytes = Buffer.from(upload.dataBase64, 'base64');
        fileName = upload.fileName;
      } else {
        if (!o.ports) throw new ArchiveError('INVALID', '请选择要导入的档案文件');
        const path = await o.ports.chooseOpenPath({ title: '导入档案', filters: [{ name: '年报档案导出文件', extensions: ['json'] }] });
        if (!path) return null;
        if (statSync(path).size > MAX_BUNDLE_BYTES) throw new ArchiveError('INVALID', '文件过大，不是年报助手导出的档案');
        bytes = readFileSync(path);
        fileName = path.split(/[\\/]/).pop()!;
      }
      const bundle = parseBundle(bytes);
      const token = randomBytes(16).toString('hex');
      staged = { token, bundle };
      return { token, fileName, exportedAt: bundle.payload.exportedAt, items: planImport(existingReports(handle.db), bundle.payload.reports) };
    },
    'archive:applyImport': async ({ token, decisions }: ApiInput<'archive:applyImport'>) => {
      if (!staged || staged.token !== token) throw new ArchiveError('NOT_FOUND', '导入内容已过期，请重新选择要导入的文件');
      const { bundle } = staged;
      const backup = await createBackup(handle.db, o.backupsDir, { reason: 'before-import', now: now() });
      const summary = applyImport(handle.db, bundle, decisions as Record<string, Decision>, now());
      staged = null;
      return { ...summary, backup: toBackupSummary(backup) };
    },
  };

  const handlers = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const channel of Object.keys(CHANNEL_ACCESS) as Channel[]) {
    handlers[channel] = async (input: unknown) => {
      if (handle.readonly && !allowedWhenReadonly(CHANNEL_ACCESS[channel])) throw new ArchiveError('DB_READONLY', READONLY_MESSAGE);
      const fn = (channel in reliability ? reliability[channel as keyof typeof reliability] : core[channel as keyof typeof core]) as (i: unknown) => unknown;
      try {
        return await fn(input);
      } catch (e) {
        if (e instanceof ArchiveError) throw e;
        const translated = translateRuntimeError(e);
        const id = (input as { id?: unknown } | null)?.id;
        o.log?.('operation failed', { channel, ...(typeof id === 'number' ? { id } : {}), code: (e as { code?: unknown }).code ?? null, error: (e as Error).stack ?? String(e) });
        throw translated ?? e;
      }
    };
  }

  return {
    handlers: handlers as unknown as Handlers,
    handle: () => handle,
    dailyBackup: async () => {
      if (handle.readonly) return null;
      try {
        return await dailyBackupIfDue(handle.db, o.backupsDir, now());
      } catch (e) {
        o.log?.('daily backup failed', { code: (e as { code?: unknown }).code ?? null, error: (e as Error).stack ?? String(e) });
        return null;
      }
    },
    close: () => handle.close(),
  };
}

