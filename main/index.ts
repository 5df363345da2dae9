/**
 * Electron entry: the only file that starts Electron things. Everything it calls is testable
 * without Electron (diagnosis, services, security rules, IPC registration).
 *
 * Start-up: the archive is diagnosed before anything opens it for writing; a bad state (damaged,
 * from a newer version, locked, read-only, disk full) gets a native dialog with the ways out
 * (从备份恢复 / 以只读方式打开 / 另选档案文件 / 退出), and nothing is changed before the user chooses.
 */
import { app, BrowserWindow, dialog, ipcMain, session, type MessageBoxOptions } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { electronHost } from './host-electron';
import { registerIpc } from './ipc';
import { createFileLogger } from './log';
import { resolveArchivePath } from './paths';
import { rememberArchive, rememberedArchive } from './reliability/location';
import { restoreArchive } from './reliability/restore';
import { createArchiveServices, type ArchiveServices, type FilePorts } from './services';
import { ACTION_LABELS, diagnoseArchive, type Diagnosis } from './reliability/startup';
import { hardenSession, hardenWebContents, WEB_PREFERENCES } from './security';

const TITLE = '政府信息公开年报助手';
let services: ArchiveServices | null = null;
let window: BrowserWindow | null = null;
const indexHtml = join(__dirname, '../renderer/index.html');
const appUrl = pathToFileURL(indexHtml).href;

if (!app.requestSingleInstanceLock()) {
  // A second instance would write the same archive: hand over to the first and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start, (e: unknown) => fail(e));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close()); // a clean close clears the crash marker
}

const HEADINGS: Record<Diagnosis['status'], string> = {
  ok: '',
  new: '',
  corrupt: '档案文件已损坏',
  'too-new': '档案文件来自更新的版本',
  locked: '档案文件正在被使用',
  readonly: '档案文件无法写入',
  full: '磁盘空间不足',
  failed: '无法打开档案文件',
};

const SQLITE_FILTER = [{ name: '年报档案', extensions: ['sqlite'] }];

const ports: FilePorts = {
  chooseSavePath: async (o) => {
    const opts = { title: o.title, defaultPath: join(app.getPath('documents'), o.defaultName), filters: o.filters };
    const r = window ? await dialog.showSaveDialog(window, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  chooseOpenPath: async (o) => {
    const opts = { title: o.title, filters: o.filters, properties: ['openFile' as const], ...(o.defaultPath ? { defaultPath: o.defaultPath } : {}) };
    const r = window ? await dialog.showOpenDialog(window, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
};

/** Diagnose, ask, repeat until the archive is open (or the user quits). */
async function openArchiveInteractively(userData: string, log: ReturnType<typeof createFileLogger>): Promise<ArchiveServices | null> {
  const backupsDir = join(userData, 'backups');
  // Export goes through the host; it reads the archive that is open now (a restore replaces it).
  const host = electronHost(() => services!.handle().db, () => window, app.getPath('documents'));
  let file = process.env.NIANBAO_DB ? resolveArchivePath({ env: process.env, userData }) : (rememberedArchive(userData) ?? resolveArchivePath({ env: process.env, userData }));
  for (;;) {
    const d = diagnoseArchive(file);
    if (d.uncleanShutdown) log('archive was not closed cleanly last time', { status: d.status });
    let action = d.status === 'ok' || d.status === 'new' ? 'open' : null;
    if (!action) {
      log('archive start-up problem', { status: d.status, version: d.version ?? null });
      const box: MessageBoxOptions = {
        type: 'warning',
        title: TITLE,
        message: HEADINGS[d.status],
        detail: d.message,
        buttons: d.actions.map((a) => ACTION_LABELS[a]),
        cancelId: d.actions.indexOf('quit'),
        defaultId: 0,
        noLink: true,
      };
      action = d.actions[(await dialog.showMessageBox(box)).response] ?? 'quit';
    }
    try {
      switch (action) {
        case 'open':
          return createArchiveServices({ file, backupsDir, ports, host, log });
        case 'open-readonly':
          return createArchiveServices({ file, backupsDir, readonly: true, readonlyReason: d.message, ports, host, log });
        case 'choose-file': {
          const chosen = await ports.chooseOpenPath({ title: '另选档案文件', filters: SQLITE_FILTER });
          if (chosen) {
            file = chosen;
            rememberArchive(userData, file);
          }
          continue;
        }
        case 'restore-backup': {
          const source = await ports.chooseOpenPath({ title: '选择要恢复的备份', defaultPath: backupsDir, filters: SQLITE_FILTER });
          if (source) {
            // The damaged file is not opened: its raw files are set aside in the backups folder.
            await restoreArchive({ archiveFile: file, backupsDir, source, current: null });
          }
          continue;
        }
        case 'retry':
          continue;
        default:
          return null;
      }
    } catch (e) {
      log('start-up action failed', { action, code: (e as { code?: unknown }).code ?? null, error: (e as Error).stack ?? String(e) });
      await dialog.showMessageBox({ type: 'error', title: TITLE, message: '操作没有完成', detail: (e as Error).message, buttons: ['确定'], noLink: true });
    }
  }
}

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true, mode: 0o700 });
  const log = createFileLogger(join(userData, 'logs'));
  hardenSession(session.defaultSession);
  services = await openArchiveInteractively(userData, log);
  if (!services) {
    app.quit();
    return;
  }
  const current = services;
  registerIpc(ipcMain, current.handlers, () => ({ contents: window?.webContents ?? null, appUrl }), log);
  window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: TITLE,
    show: false,
    // The isolation settings are repeated literally so reviewers and the scanner see them here.
    webPreferences: {
      ...WEB_PREFERENCES,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
      preload: join(__dirname, '../preload/index.js'),
    },
  });
  window.once('ready-to-show', () => window?.show());
  void window.loadFile(indexHtml);
  void current.dailyBackup();
}

function fail(e: unknown): void {
  dialog.showErrorBox(TITLE, (e as Error).message ?? String(e));
  app.quit();
}
