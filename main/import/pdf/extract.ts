/**
 * The text layer of a PDF with positions, read by pdfjs-dist (its Node “legacy” build, bundled
 * with the app: nothing is fetched) in a worker thread within limits (read-in-worker.ts).
 * A PDF with no text (a scan) is refused with one sentence: no OCR, no guessing.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ImportError } from '../errors';
import { readPagesInWorker } from './read-in-worker';

export interface PdfItem {
  str: string;
  /** Left edge and baseline, in points from the page's bottom-left corner. */
  x: number;
  y: number;
  width: number;
  /** Font size (the text matrix's vertical scale). */
  size: number;
  /** A figure cut off the end of a label's item (lines.ts cutFigure): its place estimated, no gap before it. */
  cut?: boolean;
}

export interface PdfPage {
  width: number;
  height: number;
  items: PdfItem[];
}

/** Fewer characters than this in the whole text layer: a scan (or a picture-only export). */
const MIN_TEXT_CHARS = 40;

/** pdf.js's legacy build and its data, from the installed package (nothing is fetched). */
function pdfjsFiles(): { entry: string; cmaps: string; fonts: string } {
  const req = createRequire(import.meta.url);
  // Packaged, pdfjs sits unpacked beside the archive (electron-builder.yml asarUnpack).
  const entry = req.resolve('pdfjs-dist/legacy/build/pdf.mjs').replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  const root = dirname(dirname(dirname(entry)));
  return { entry, cmaps: join(root, 'cmaps') + '/', fonts: join(root, 'standard_fonts') + '/' };
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
  const raw = await readPagesInWorker({ data, ...pdfjsFiles() });
  const pages = raw.map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, str: unifyRadicals(i.str) })) }));
  const chars = pages.reduce((s, p) => s + p.items.reduce((t, i) => t + i.str.trim().length, 0), 0);
  if (chars < MIN_TEXT_CHARS) throw new ImportError('UNSUPPORTED', SCANNED);
  return pages;
}
