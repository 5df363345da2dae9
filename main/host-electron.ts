/** The desktop host: a save dialog that remembers the last folder, an atomic write, the file manager. */
import { BrowserWindow, dialog, shell } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Host } from './export/host';
import { saveDialogOptions } from './app/save-dialog';
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
      const options = saveDialogOptions({ title: '导出报告', defaultPath: join(folder, fileName), filters: [filter] });
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
 * What Electron's print callback reports when nothing was printed on purpose: 「Print job canceled」
 * (Electron ≥ 25), 「canceled」 / 「cancelled」 (older spellings). Any of them is "not printed", no error.
 */
export function isPrintCancel(reason: string): boolean {
  return /cancel/i.test(reason);
}

/**
 * Cancelling the save step of Microsoft Print to PDF (Windows) is reported as 「Print job failed」
 * (electron/electron#36084): the clerk gets a sentence that covers both cases, never the raw string.
 */
export const PRINT_FAILED = '打印没有完成。如果刚才是在「另存为 PDF」的保存窗口里点了“取消”，文件没有保存，可以忽略这条提示；否则请检查打印机后再试一次。';

/**
 * Prints the page from a hidden window that runs no script and has no preload: the system print
 * dialog offers the printers and 「另存为 PDF」 / Microsoft Print to PDF. The page is loaded from a
 * temporary file (Chromium refuses data: URLs over 2 MB, which a long report with tables reaches),
 * deleted when printing is over.
 */
async function printPage(page: string): Promise<{ printed: boolean; url: null }> {
  const dir = await mkdtemp(join(tmpdir(), 'nianbao-print-'));
  const win = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webviewTag: false, disableBlinkFeatures: 'Auxclick' },
  });
  try {
    const file = join(dir, 'report.html');
    await writeFile(file, page, 'utf8');
    await win.loadFile(file);
    const printed = await new Promise<boolean>((resolve, reject) =>
      win.webContents.print({ pageSize: 'A4', printBackground: true }, (ok, reason) =>
        ok ? resolve(true) : isPrintCancel(reason) ? resolve(false) : reject(Object.assign(new Error(PRINT_FAILED), { code: 'PRINT_FAILED', reason })),
      ),
    );
    return { printed, url: null };
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
