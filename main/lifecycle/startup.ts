/**
 * What to do with the archive before it is opened for writing. diagnoseArchive only reads: the
 * archive file itself is never modified here (SQLite may create its -shm index when a WAL file is
 * read). Every bad state comes with a sentence for the clerk and the ways out that make sense for
 * it; the Electron start-up dialog and the CLI both show exactly these.
 */
import { soundnessCheck, userVersion } from '../db/file-checks';
import type Database from 'better-sqlite3';
import { connect } from '../db/sqlite';
import { accessSync, constants, existsSync, openSync, closeSync, readSync, rmSync, statfsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { translateOpenError } from '../db/open';
import { LATEST_VERSION } from '../db/migrations';
import { wasUncleanShutdown } from './session';

export type StartupStatus = 'ok' | 'new' | 'corrupt' | 'too-new' | 'locked' | 'readonly' | 'full' | 'failed';
export type StartupAction = 'restore-backup' | 'open-readonly' | 'choose-file' | 'retry' | 'quit';

export const ACTION_LABELS: Record<StartupAction, string> = {
  'restore-backup': '从备份恢复',
  'open-readonly': '以只读方式打开',
  'choose-file': '另选档案文件',
  retry: '重试',
  quit: '退出',
};

export interface Diagnosis {
  status: StartupStatus;
  file: string;
  /** One or two Chinese sentences: what is wrong and what the buttons do. */
  message: string;
  actions: StartupAction[];
  /** The archive's schema version, when it could be read. */
  version?: number;
  /** The app did not close the archive cleanly last time (crash, power cut). */
  uncleanShutdown: boolean;
}

export interface DiagnoseOptions {
  /** Free bytes on the archive's volume; injectable so a full disk can be tested. */
  freeBytes?: (dir: string) => number;
  /** Below this the archive cannot be saved safely (a save rewrites pages and the WAL grows). */
  minFreeBytes?: number;
  /** Busy timeout for the probe; short, so a locked file is reported at once. */
  lockTimeoutMs?: number;
}

export const MIN_FREE_BYTES = 20 * 1024 * 1024;
const SQLITE_MAGIC = 'SQLite format 3\u0000';

function defaultFreeBytes(dir: string): number {
  const s = statfsSync(dir);
  return Number(s.bavail) * Number(s.bsize);
}

/** The nearest folder that exists (the archive's folder may not have been created yet). */
function existingDir(dir: string): string {
  let d = dir;
  while (!existsSync(d) && dirname(d) !== d) d = dirname(d);
  return d;
}

/** Can we create files in the folder? access() is not trusted alone: Windows ACLs and read-only mounts lie. */
export function canWriteIn(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    const probe = join(dir, `.nianbao-probe-${process.pid}-${Date.now()}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

function readHeader(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const MESSAGES = {
  corrupt: (f: string) =>
    `档案文件已损坏，无法正常读取：\n${f}\n\n可以从备份恢复（当前文件会先另存一份，不会丢失），也可以尝试以只读方式打开查看并导出能读出的内容，或另选一个档案文件。`,
  tooNew: (f: string, v: number) =>
    `这个档案文件由更新版本的年报助手创建（数据版本 ${v}，本程序支持到 ${LATEST_VERSION}）：\n${f}\n\n为防止损坏，本程序不会打开或修改它。请安装最新版本的年报助手，或另选一个档案文件。`,
  locked: (f: string) =>
    `档案文件正被另一个程序使用（可能是另一个年报助手窗口或命令行工具）：\n${f}\n\n请先关闭那个程序再点“重试”，或另选一个档案文件。`,
  readonly: (f: string) =>
    `无法写入档案文件或它所在的文件夹（文件只读、没有权限或在只读的U盘/光盘上）：\n${f}\n\n可以以只读方式打开（只能查看和导出，不能保存修改），或另选一个可以写入的档案位置。`,
  readonlyNew: (f: string) => `无法在这个位置创建档案文件（文件夹只读或没有权限）：\n${f}\n\n请另选一个可以写入的档案位置。`,
  full: (f: string, free: number) =>
    `档案所在的磁盘空间不足（剩余约 ${(free / 1024 / 1024).toFixed(1)} MB），继续编辑可能无法保存：\n${f}\n\n请先清理磁盘后点“重试”，或以只读方式打开查看，或另选一个位置的档案文件。`,
  failed: (f: string, why: string) => `无法打开档案文件：\n${f}\n（${why}）\n\n可以从备份恢复，或另选一个档案文件。`,
};

export function diagnoseArchive(file: string, o: DiagnoseOptions = {}): Diagnosis {
  const freeBytes = o.freeBytes ?? defaultFreeBytes;
  const minFree = o.minFreeBytes ?? MIN_FREE_BYTES;
  const unclean = wasUncleanShutdown(file);
  const base = { file, uncleanShutdown: unclean };
  const dir = dirname(file);

  if (!existsSync(file)) {
    const where = existingDir(dir);
    if (!canWriteIn(where)) return { ...base, status: 'readonly', message: MESSAGES.readonlyNew(file), actions: ['choose-file', 'quit'] };
    const free = freeBytes(where);
    if (free < minFree) return { ...base, status: 'full', message: MESSAGES.full(file, free), actions: ['retry', 'choose-file', 'quit'] };
    return { ...base, status: 'new', message: '', actions: [] };
  }

  let header: Buffer;
  try {
    if (!statSync(file).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    header = readHeader(file);
  } catch (e) {
    return { ...base, status: 'failed', message: MESSAGES.failed(file, (e as Error).message), actions: ['choose-file', 'quit'] };
  }
  // An empty file is what SQLite makes of a new database; anything else must carry SQLite's magic.
  if (header.length > 0 && header.subarray(0, 16).toString('latin1') !== SQLITE_MAGIC)
    return { ...base, status: 'corrupt', message: MESSAGES.corrupt(file), actions: ['restore-backup', 'choose-file', 'quit'] };

  let db: Database.Database | null = null;
  let version = 0;
  try {
    db = connect(file, { readonly: true, fileMustExist: true, timeout: o.lockTimeoutMs ?? 300 });
    version = userVersion(db);
    if (version > LATEST_VERSION)
      return { ...base, version, status: 'too-new', message: MESSAGES.tooNew(file, version), actions: ['choose-file', 'quit'] };
    // quick_check is cheap for an archive of this size; after a crash the full check runs.
    const check = soundnessCheck(db, unclean);
    if (check !== 'ok')
      return { ...base, version, status: 'corrupt', message: MESSAGES.corrupt(file), actions: ['restore-backup', 'open-readonly', 'choose-file', 'quit'] };
  } catch (e) {
    const err = translateOpenError(e, file);
    if (err.code === 'DB_LOCKED') return { ...base, status: 'locked', message: MESSAGES.locked(file), actions: ['retry', 'choose-file', 'quit'] };
    if (err.code === 'DB_CORRUPT')
      return { ...base, status: 'corrupt', message: MESSAGES.corrupt(file), actions: ['restore-backup', 'choose-file', 'quit'] };
    if (err.code === 'DB_READONLY')
      return { ...base, status: 'readonly', message: MESSAGES.readonly(file), actions: ['open-readonly', 'choose-file', 'quit'] };
    return { ...base, status: 'failed', message: MESSAGES.failed(file, (e as Error).message), actions: ['restore-backup', 'choose-file', 'quit'] };
  } finally {
    db?.close();
  }

  const writable = canWriteIn(dir) && (() => {
    try {
      accessSync(file, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  })();
  if (!writable) return { ...base, version, status: 'readonly', message: MESSAGES.readonly(file), actions: ['open-readonly', 'choose-file', 'quit'] };
  const free = freeBytes(dir);
  if (free < minFree)
    return { ...base, version, status: 'full', message: MESSAGES.full(file, free), actions: ['retry', 'open-readonly', 'choose-file', 'quit'] };
  return { ...base, version, status: 'ok', message: '', actions: [] };
}

/** The same diagnosis as one line for the CLI, which then exits with status 2. */
export function diagnosisForCli(d: Diagnosis): string {
  const ways = d.actions.filter((a) => a !== 'quit' && a !== 'retry').map((a) => ACTION_LABELS[a]);
  // 「重试」 is a button of the app's start-up dialog; on the command line it means running the command again.
  const message = d.message.replace(/再点“重试”|后点“重试”/g, (m) => `${m[0]}重新运行这条命令`);
  return `${message}${ways.length ? `\n（在年报助手中可选：${ways.join('、')}）` : ''}`;
}
