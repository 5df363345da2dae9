/**
 * Electron entry: the only file that starts Electron things. Everything it calls is testable
 * without Electron (services, security rules, IPC registration).
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlers } from './api/handlers';
import { closeArchive, openArchive, type Db } from './db/open';
import { electronHost } from './host-electron';
import { registerIpc } from './ipc';
import { createFileLogger } from './log';
import { resolveArchivePath } from './paths';
import { hardenSession, hardenWebContents, WEB_PREFERENCES } from './security';

let db: Db | null = null;
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
  app.on('will-quit', () => {
    if (db) closeArchive(db);
  });
}

function start(): void {
  const log = createFileLogger(join(app.getPath('userData'), 'logs'));
  hardenSession(session.defaultSession);
  try {
    db = openArchive(resolveArchivePath({ env: process.env, userData: app.getPath('userData') }));
  } catch (e) {
    fail(e);
    return;
  }
  const archive = db;
  const handlers = createHandlers({ db: archive, host: electronHost(archive, () => window, app.getPath('documents')) });
  registerIpc(ipcMain, handlers, () => ({ contents: window?.webContents ?? null, appUrl }), log);
  window = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    title: '政府信息公开年报助手',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') },
  });
  window.once('ready-to-show', () => window?.show());
  void window.loadFile(indexHtml);
}

function fail(e: unknown): void {
  dialog.showErrorBox('政府信息公开年报助手', (e as Error).message ?? String(e));
  app.quit();
}
