/**
 * What the services need from the program hosting them, for the few things that differ between the
 * desktop app and the browser mode: where an exported file goes, and showing it in its folder.
 * The renderer never names a path that main writes: the desktop host asks with a save dialog.
 */
import type { ExportOutcome } from '../../report/api';

export interface FileToDeliver {
  fileName: string;
  mime: string;
  data: Buffer;
  /** File-type filter for the save dialog, e.g. { name: 'Word 文档', extensions: ['docx'] }. */
  filter: { name: string; extensions: string[] };
}

export interface Host {
  deliverFile(file: FileToDeliver): Promise<ExportOutcome>;
  /** Shows a file the host wrote in the system's file manager. */
  revealFile?(path: string): void;
  /** Prints a report: the desktop app through its print dialog, the browser mode by handing back the page's address. */
  printReport(id: number, page: string): Promise<{ printed: boolean; url: string | null }>;
}

/** The browser mode: the page downloads the bytes itself; the server writes nothing. */
export const browserHost: Host = {
  deliverFile: async ({ fileName, mime, data }) => ({
    saved: true,
    fileName,
    location: null,
    download: { fileName, mime, base64: data.toString('base64') },
  }),
  // serve:web serves the printable page itself (GET /print/<id>), behind the same token.
  printReport: async (id) => ({ printed: false, url: `/print/${id}` }),
};
