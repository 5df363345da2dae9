/**
 * The text layer of a PDF with positions, read by pdfjs-dist (its Node “legacy” build, bundled
 * with the app: nothing is fetched). Runs in the main process as an async step, never in the
 * window; pdfjs without a worker source parses in this thread, page by page, awaiting between.
 * A PDF with no text (a scan) is refused with one sentence: no OCR, no guessing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError } from '../errors';

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** Published reports are 5–6 pages; a 60-page PDF is something else and is read no further. */
export const MAX_PAGES = 60;
/** Fewer characters than this in the whole text layer: a scan (or a picture-only export). */
const MIN_TEXT_CHARS = 40;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loaded: Promise<{ pdfjs: PdfJs; root: string }> | null = null;

/** pdfjs is ESM-only and large: loaded on the first PDF, from the installed package. */
function load(): Promise<{ pdfjs: PdfJs; root: string }> {
  loaded ??= (async () => {
    const req = createRequire(import.meta.url);
    // Packaged, pdfjs sits unpacked beside the archive (electron-builder.yml asarUnpack).
    const entry = req.resolve('pdfjs-dist/legacy/build/pdf.mjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
    const pdfjs = (await import(pathToFileURL(entry).href)) as PdfJs;
    return { pdfjs, root: dirname(dirname(dirname(entry))) };
  })();
  return loaded;
}

/**
 * Chromium and some WPS exports map CJK glyphs to Kangxi radicals and compatibility ideographs
 * (「⾏政」 with U+2F8F): the same character to a reader, another to a label match. NFKC on those
 * code points only, so the report's own punctuation （，：） stays as printed.
 */
const RADICALS = /[\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g;
export const unifyRadicals = (s: string): string => s.replace(RADICALS, (ch) => ch.normalize('NFKC'));

export const SCANNED = '这是扫描件，没有文字层，无法读取数字';

export async function extractPdf(data: Uint8Array): Promise<PdfPage[]> {
  const { pdfjs, root } = await load();
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    useSystemFonts: false,
    disableFontFace: true,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (e) {
    const name = (e as { name?: string }).name;
    if (name === 'PasswordException') throw new ImportError('ENCRYPTED', 'PDF 文件有密码保护，请先取消密码再导入');
    throw new ImportError('CORRUPT', 'PDF 文件已损坏或不完整，无法读取', String(e));
  }
  try {
    const pages: PdfPage[] = [];
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES); p++) {
      const page = await doc.getPage(p);
      const view = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || !it.str.trim()) continue;
        const [a, b, , d, e, f] = it.transform as number[];
        // Rotated text (a watermark, a vertical stamp) is not table text.
        if (Math.abs(b ?? 0) > 0.01) continue;
        items.push({ str: unifyRadicals(it.str), x: e!, y: f!, width: it.width, size: Math.abs(d! || a!) || it.height });
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
    const chars = pages.reduce((s, p) => s + p.items.reduce((t, i) => t + i.str.trim().length, 0), 0);
    if (chars < MIN_TEXT_CHARS) throw new ImportError('UNSUPPORTED', SCANNED);
    return pages;
  } finally {
    await task.destroy();
  }
}
