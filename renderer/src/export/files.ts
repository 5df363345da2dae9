/**
 * What the page does with an exported file in the browser mode, where the server writes nothing:
 * hand the bytes to the browser's download, and (for 复制到网站) put the page on the clipboard.
 */
import type { ExportOutcome } from '../../../report/api';

type Download = NonNullable<ExportOutcome['download']>;

const bytesOf = (base64: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** Starts the browser's download of the file (an object URL and a link with `download`). */
export function downloadFile(file: Download): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file.base64)], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; keep it a while for slow disks, then free it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Puts an exported web page on the clipboard as rich text (with its tables) and as plain text, so
 * it can be pasted into the website's editor. Returns false where the browser does not allow it.
 */
export async function copyHtml(file: Download): Promise<boolean> {
  const html = new TextDecoder().decode(bytesOf(file.base64));
  const plain = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  try {
    await navigator.clipboard.write([
      new ClipboardItem({ 'text/html': new Blob([html], { type: 'text/html' }), 'text/plain': new Blob([plain], { type: 'text/plain' }) }),
    ]);
    return true;
  } catch {
    return false;
  }
}
