/**
 * Electron entry: the only file that starts Electron things. Everything it calls is testable
 * without Electron (diagnosis, services, security rules, IPC registration, the start-up and close
 * rules in main/app/); test/startup drives this file with `electron` mocked.
 *
 * Start-up: the archive is diagnosed before anything opens it for writing; a bad state or a failed
 * action gets a native dialog with the ways out (从备份恢复 / 以只读方式打开 / 另选档案文件 / 重试 /
 * 退出), and nothing is changed before the user chooses. Any error thrown while starting ends in one
 * Chinese dialog naming the log, then the process exits (it would otherwise hold the
 * single-instance lock and swallow every later launch).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session, type MessageBoxOptions } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { guardClose } from './app/close-guard';
import { fatalText, LOG_NAME, writeFatal } from './app/fatal';
import { menuTemplate } from './app/menu';
import { openArchiveInteractively } from './app/open-archive';
import { saveDialogOptions } from './app/save-dialog';
import { electronHost } from './host-electron';
import { registerIpc } from './ipc';
import { createFileLogger } from './log';
import { resolveArchivePath } from './paths';
import { rememberArchive, rememberedArchive } from './lifecycle/location';
import { restoreArchive } from './lifecycle/restore';
import { createArchiveServices, type ArchiveServices, type FilePorts } from './services';
import { hardenSession, hardenWebContents, WEB_PREFERENCES } from './security';

const TITLE = '政府信息公开年报助手';
/** = electron-builder.yml appId: the NSIS shortcuts carry it, so taskbar grouping matches them. */
export const APP_USER_MODEL_ID = 'cn.gov.nianbao.assistant';

let services: ArchiveServices | null = null;
let window: BrowserWindow | null = null;
let logDir: string | null = null;
/** The start-up question on screen (before the window exists), so a second launch can bring it forward. */
let startupQuestion: { abort: AbortController; reshow: boolean } | null = null;
const indexHtml = join(__dirname, '../renderer/index.html');

if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

if (!app.requestSingleInstanceLock()) {
  // A second instance would write the same archive: hand over to the first and leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    } else if (startupQuestion) {
      // A message box cannot be focused from here: close it and show it again, in front.
      startupQuestion.reshow = true;
      startupQuestion.abort.abort();
    }
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.whenReady().then(start).catch(fail);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => services?.close()); // a clean close clears the crash marker
}

/** A start-up message box that a second launch brings to the front (closed and shown again). */
async function askAtStartup(box: MessageBoxOptions): Promise<number> {
  for (;;) {
    const abort = new AbortController();
    const question = { abort, reshow: false };
    startupQuestion = question;
    try {
      const { response } = await dialog.showMessageBox({ ...box, signal: abort.signal });
      if (!question.reshow) return response;
    } finally {
      if (startupQuestion === question) startupQuestion = null;
    }
  }
}

const ports: FilePorts = {
  chooseSavePath: async (o) => {
    const opts = saveDialogOptions({ title: o.title, defaultPath: join(app.getPath('documents'), o.defaultName), filters: o.filters });
    const r = window ? await dialog.showSaveDialog(window, opts) : await dialog.showSaveDialog(opts);
    return r.canceled || !r.filePath ? null : r.filePath;
  },
  chooseOpenPath: async (o) => {
    const opts = { title: o.title, filters: o.filters, properties: ['openFile' as const], ...(o.defaultPath ? { defaultPath: o.defaultPath } : {}) };
    const r = window ? await dialog.showOpenDialog(window, opts) : await dialog.showOpenDialog(opts);
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
};

async function start(): Promise<void> {
  const userData = app.getPath('userData');
  logDir = join(userData, 'logs');
  mkdirSync(userData, { recursive: true, mode: 0o700 });
  const log = createFileLogger(logDir, LOG_NAME);
  hardenSession(session.defaultSession);
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ packaged: app.isPackaged })));
  const backupsDir = join(userData, 'backups');
  // Export goes through the host; it reads the archive that is open now (a restore replaces it).
  const host = electronHost(() => services!.handle().db, () => window, app.getPath('documents'));
  services = await openArchiveInteractively({
    userData,
    logFile: join(logDir, LOG_NAME),
    log,
    title: TITLE,
    ask: askAtStartup,
    chooseOpenPath: ports.chooseOpenPath,
    firstFile: () => (process.env.NIANBAO_DB ? resolveArchivePath({ env: process.env, userData }) : (rememberedArchive(userData) ?? resolveArchivePath({ env: process.env, userData }))),
    remember: (file) => rememberArchive(userData, file),
    // The damaged file is not opened: its raw files are set aside in the backups folder.
    restore: (file, source) => restoreArchive({ archiveFile: file, backupsDir, source, current: null }),
    open: (file, readonly) =>
      createArchiveServices({ file, backupsDir, ports, host, log, ...(readonly ? { readonly: true, readonlyReason: readonly.reason } : {}) }),
  });
  if (!services) {
    app.quit();
    return;
  }
  const current = services;
  registerIpc(ipcMain, current.handlers, () => window?.webContents ?? null, log);
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: TITLE,
    show: false,
    // The menu (Chinese, main/app/menu.ts) is there for its shortcuts and zoom; Alt shows it.
    autoHideMenuBar: true,
    // The isolation settings are repeated literally so reviewers and the scanner see them here.
    webPreferences: {
      ...WEB_PREFERENCES,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: !app.isPackaged,
      preload: join(__dirname, '../preload/index.js'),
    },
  });
  window = win;
  guardClose(
    win,
    { askSync: (o) => dialog.showMessageBoxSync(win, o), ask: (o) => dialog.showMessageBox(win, o) },
    { title: TITLE, log },
  );
  win.on('closed', () => {
    if (window === win) window = null;
  });
  win.once('ready-to-show', () => win.show());
  void win.loadFile(indexHtml);
  void current.dailyBackup();
}

function fail(e: unknown): void {
  const logFile = writeFatal(e, logDir);
  try {
    dialog.showErrorBox(TITLE, fatalText(e, logFile));
  } finally {
    try {
      services?.close();
    } catch {
      // the archive closes with the process anyway
    }
    // exit, not quit: nothing may keep the process (and its single-instance lock) alive.
    app.exit(1);
  }
}
