/**
 * A file main saved for 备份到… / 导出整个档案: on the desktop it is already where the user chose;
 * in the browser mode its bytes come back to be downloaded, as an exported report's do.
 */
import type { SavedFile } from '../../../report/api';
import { downloadFile } from '../export/files';

/** Starts the download if there is one; returns the sentence for the user. */
export function deliverSaved(saved: SavedFile, what: string): string {
  if (saved.download) {
    downloadFile(saved.download);
    return `${what}：${saved.download.fileName}（已交给浏览器下载，请在下载文件夹中查看，并复制到U盘或其他电脑保存）`;
  }
  return `${what}：${saved.path ?? ''}`;
}
