/** The desktop host: a save dialog that remembers the last folder, an atomic write, the file manager. */
import { BrowserWindow, dialog, shell } from 'electron';
import { dirname, join } from 'node:path';
import type { Host } from './api/host';
import type { Db } from './db/open';
import { getSetting, setSetting } from './db/settings';
import { atomicWrite } from './export/atomic-write';

const LAST_FOLDER = 'export:lastFolder';

export function electronHost(archive: Db | (() => Db), window: () => BrowserWindow | null, documentsDir: string): Host {
  // A getter, because restoring a backup replaces the open archive (main/services.ts).
  const current = () => (typeof archive === 'function' ? archive() : archive);
  return {
    async deliverFile({ fileName, data, filter }) {
      const db = current();
      const folder = getSetting(db, LAST_FOLDER) ?? documentsDir;
      const win = window();
      const options = { title: '导出报告', defaultPath: join(folder, fileName), filters: [filter], properties: ['showOverwriteConfirmation' as const] };
      const choice = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return { saved: false, fileName, location: null, download: null };
      await atomicWrite(choice.filePath, data);
      // A read-only archive (viewer mode) cannot remember the folder; the export itself still works.
      if (!db.readonly) setSetting(db, LAST_FOLDER, dirname(choice.filePath));
      return { saved: true, fileName, location: choice.filePath, download: null };
    },
    revealFile: (path) => shell.showItemInFolder(path),
    printReport: (_id, page) => printPage(page),
  };
}

/**
 * Prints the page from a hidden window that runs no script and has no preload: the system print
 * dialog offers the printers and 「另存为 PDF」 / Microsoft Print to PDF. A cancelled dialog is not an error.
 */
async function printPage(page: string): Promise<{ printed: boolean; url: null }> {
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
    const printed = await new Promise<boolean>((resolve, reject) =>
      win.webContents.print({ pageSize: 'A4', printBackground: true }, (ok, reason) =>
        ok || reason === 'cancelled' ? resolve(ok) : reject(new Error(`打印没有完成（${reason}）`)),
      ),
    );
    return { printed, url: null };
  } finally {
    win.destroy();
  }
}
