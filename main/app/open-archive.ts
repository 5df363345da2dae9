/**
 * Start-up: diagnose the archive, ask, act — until it is open or the clerk quits. Every question
 * comes from a diagnosis with its ways out, and every failed action becomes such a diagnosis
 * (with the error and where the log is), so nothing repeats without the clerk choosing it: no
 * dialog loop, and 退出 is always there (also for Esc or closing the dialog).
 *
 * No Electron import: the dialogs, file pickers and services are passed in (main/index.ts).
 */
import type { MessageBoxOptions } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from '../db/sqlite';
import { ACTION_LABELS, diagnoseArchive, type Diagnosis, type StartupAction } from '../lifecycle/startup';

export const HEADINGS: Record<Diagnosis['status'], string> = {
  ok: '',
  new: '',
  corrupt: '档案文件已损坏',
  'too-new': '档案文件来自更新的版本',
  locked: '档案文件正在被使用',
  readonly: '档案文件无法写入',
  full: '磁盘空间不足',
  failed: '无法打开档案文件',
};

export const NATIVE_HEADING = '数据库组件无法加载';

/** The SQLite module itself cannot load (wrong glibc or libstdc++, wrong architecture, missing file). */
export function isNativeLoadFailure(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown };
  if (err?.code === 'ERR_DLOPEN_FAILED') return true;
  return typeof err?.message === 'string' && /GLIBC(XX)?_\d|CXXABI_|better_sqlite3\.node|wrong ELF class|invalid ELF header|cannot open shared object/.test(err.message);
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);
}

/** The diagnosis shown after an action failed: what happened, that nothing was changed, the log. */
export function failedAction(file: string, action: StartupAction | 'open', e: unknown, logFile: string): Diagnosis {
  const exists = existsSync(file);
  const ways: StartupAction[] = exists ? ['restore-backup', 'choose-file', 'retry', 'quit'] : ['choose-file', 'retry', 'quit'];
  const what = action === 'restore-backup' ? '没能从备份恢复档案' : exists ? '没能打开档案文件' : '没能在这个位置建立档案文件';
  return {
    status: 'failed',
    file,
    message: `${what}：\n${file}\n（${firstLine(e)}）\n\n可以另选一个档案文件，或处理问题后点“重试”。\n\n详细情况记录在：\n${logFile}`,
    actions: ways,
    uncleanShutdown: false,
  };
}

export function nativeFailureMessage(e: unknown, logFile: string): string {
  return (
    `本程序使用的数据库组件不能在这台电脑上运行：\n${firstLine(e)}\n\n` +
    '通常是安装包与系统不匹配（统信UOS、银河麒麟请使用本程序的 .deb 安装包，并选择与电脑相符的 x64 或 arm64 版本）。档案文件没有被改动。\n\n' +
    `详细情况记录在：\n${logFile}`
  );
}

export interface OpenArchiveDeps<S> {
  userData: string;
  logFile: string;
  log: (message: string, details?: Record<string, unknown>) => void;
  /** A message box; resolves to the index of the chosen button. */
  ask: (box: MessageBoxOptions) => Promise<number>;
  chooseOpenPath: (o: { title: string; defaultPath?: string; filters: { name: string; extensions: string[] }[] }) => Promise<string | null>;
  open: (file: string, readonly: { reason: string } | null) => S;
  restore: (file: string, source: string) => Promise<unknown>;
  firstFile: () => string;
  remember: (file: string) => void;
  title: string;
}

const SQLITE_FILTER = [{ name: '年报档案', extensions: ['sqlite'] }];

export async function openArchiveInteractively<S>(deps: OpenArchiveDeps<S>): Promise<S | null> {
  const { log, title } = deps;
  // A SQLite module that cannot load makes every choice fail: say so once, offer only 退出.
  try {
    connect(':memory:').close();
  } catch (e) {
    log('sqlite module cannot load', { code: (e as { code?: unknown }).code ?? null, error: (e as Error).stack ?? String(e) });
    await deps.ask({ type: 'error', title, message: NATIVE_HEADING, detail: nativeFailureMessage(e, deps.logFile), buttons: [ACTION_LABELS.quit], defaultId: 0, cancelId: 0, noLink: true });
    return null;
  }

  const backupsDir = join(deps.userData, 'backups');
  let file = deps.firstFile();
  let failure: Diagnosis | null = null;
  for (;;) {
    const d = failure ?? diagnoseArchive(file);
    failure = null;
    if (d.uncleanShutdown) log('archive was not closed cleanly last time', { status: d.status });
    let action: StartupAction | 'open' | null = d.status === 'ok' || d.status === 'new' ? 'open' : null;
    if (!action) {
      log('archive start-up problem', { status: d.status, version: d.version ?? null });
      const quit = d.actions.indexOf('quit');
      const response = await deps.ask({
        type: 'warning',
        title,
        message: HEADINGS[d.status],
        detail: d.message,
        buttons: d.actions.map((a) => ACTION_LABELS[a]),
        cancelId: quit,
        defaultId: 0,
        noLink: true,
      });
      action = d.actions[response] ?? 'quit';
    }
    try {
      switch (action) {
        case 'open':
          return deps.open(file, null);
        case 'open-readonly':
          return deps.open(file, { reason: d.message });
        case 'choose-file': {
          const chosen = await deps.chooseOpenPath({ title: '另选档案文件', filters: SQLITE_FILTER });
          if (chosen) {
            file = chosen;
            deps.remember(file);
          }
          continue;
        }
        case 'restore-backup': {
          const source = await deps.chooseOpenPath({ title: '选择要恢复的备份', defaultPath: backupsDir, filters: SQLITE_FILTER });
          if (source) await deps.restore(file, source);
          continue;
        }
        case 'retry':
          continue;
        default:
          return null;
      }
    } catch (e) {
      log('start-up action failed', { action, code: (e as { code?: unknown }).code ?? null, error: (e as Error).stack ?? String(e) });
      // Shown next instead of a fresh diagnosis (which would only say "new" or "ok" and try again).
      failure = failedAction(file, action, e, deps.logFile);
    }
  }
}
