/**
 * The PDF reader's own thread (issue 18 §6, issue 20 §1–2). pdf.js parses in whatever thread loads
 * it, with no limit on what a stream inflates to or how many text items a page holds; here it runs
 * apart from the app, so a hostile file costs this thread only, and every quantity is capped:
 * what the file's compressed streams inflate to (counted before pdf.js sees the file, because
 * ArrayBuffers are outside the thread's heap limit), text items per page and in all, and pages.
 * The caller (read-in-worker.ts) adds the wall-time limit, the heap limit and a memory watch.
 *
 * Run as plain JavaScript after type stripping (Node ≥ 22.18 runs this .ts as is, no tsx): so it
 * imports Node's own modules only, and the app's words stay in the caller — failures go back as codes.
 */
import * as nodeModule from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import { constants, createInflate } from 'node:zlib';
import { pathToFileURL } from 'node:url';

/**
 * Published reports inflate to a few MB (fonts, page contents); 1 GiB of spaces is an attack. A
 * picture (a scanned seal page) may be larger, and pdf.js never decodes pictures for text; one
 * labelled a picture but used as page content is still caught by the caller's memory watch.
 */
const MAX_STREAM_BYTES = 16 * 1024 * 1024;
const MAX_IMAGE_BYTES = 64 * 1024 * 1024;
const MAX_INFLATED_BYTES = 128 * 1024 * 1024;
/** A dense report page is a few hundred items, counted with pdf.js's end-of-line markers (the fixtures: at most 455). */
const MAX_PAGE_ITEMS = 3000;
const MAX_ITEMS = 12_000;
/** Characters in all: the 7-page fixture has 4 051; the reader after this thread is bounded by it. */
const MAX_CHARS = 200_000;
/** Published reports are 5–8 pages; pages after this are not read (the tables come early). */
const MAX_PAGES = 60;

/** pdf.js's legacy build and its data folders, found by the caller (app.asar.unpacked when packaged). */
export interface PdfJsFiles {
  entry: string;
  cmaps: string;
  fonts: string;
}

export interface PdfJob extends PdfJsFiles {
  data: Uint8Array;
}

export interface RawItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export interface RawPage {
  width: number;
  height: number;
  items: RawItem[];
}

/** Why a PDF was not read: the caller says it in Chinese. `limit` is the cap that was hit. */
export type PdfFailure =
  | { code: 'ENCRYPTED' }
  | { code: 'INFLATE'; limit: number }
  | { code: 'ITEMS'; limit: number; page: number }
  | { code: 'CHARS'; limit: number; page: number }
  | { code: 'BROKEN'; detail: string };

export type PdfJobResult = { ok: true; pages: RawPage[] } | { ok: false; failure: PdfFailure };
/** The worker's first message: pdf.js is loaded (its 2 MB of code are not the file's time). */
export type PdfWorkerReady = { ready: true };

/** Object streams hold the FlateDecode filter name in their dictionary, the text right before `stream`. */
const FLATE = /\/Fl(?:ateDecode)?(?![A-Za-z])/;

/**
 * Bytes one zlib stream inflates to, counted chunk by chunk and not kept (inflating a 27 MB stream
 * to a buffer costs twice that); `cap + 1` when it goes over. Damaged data counts up to where it breaks.
 */
function inflatedSize(input: Uint8Array, cap: number): Promise<number> {
  return new Promise((resolve) => {
    const inflate = createInflate({ finishFlush: constants.Z_SYNC_FLUSH });
    let size = 0;
    const done = () => resolve(size);
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        resolve(cap + 1);
      }
    });
    inflate.on('end', done).on('error', done).on('close', done);
    inflate.end(input);
  });
}

/**
 * What the file's Flate streams inflate to, each and in all: refused before pdf.js would grow a
 * buffer for it. A stream behind another filter (rare in published reports) is not counted here;
 * the caller's memory watch covers it.
 */
export async function inflateBudget(bytes: Uint8Array): Promise<PdfFailure | null> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (let at = buf.indexOf('stream'); at >= 0; at = buf.indexOf('stream', at + 6)) {
    if (at >= 3 && buf.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const head = buf.toString('latin1', Math.max(0, at - 2048), at);
    const dict = head.slice(head.lastIndexOf('obj'));
    if (!FLATE.test(dict)) continue;
    const found = buf.indexOf('endstream', start);
    const end = found < 0 ? buf.length : found;
    const cap = /\/Subtype\s*\/Image\b/.test(dict) ? MAX_IMAGE_BYTES : MAX_STREAM_BYTES;
    const size = await inflatedSize(buf.subarray(start, end), cap);
    if (size > cap) return { code: 'INFLATE', limit: cap };
    total += size;
    if (total > MAX_INFLATED_BYTES) return { code: 'INFLATE', limit: MAX_INFLATED_BYTES };
    at = end;
  }
  return null;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

/**
 * pdf.js loads @napi-rs/canvas when it is installed (a 35 MB native Skia library, some 45 MB
 * resident: a third of a PDF import's peak) to draw pages; reading the text layer never draws. The
 * packaged app leaves it out (electron-builder.yml); run from the repository (CLI, serve:web) it is
 * refused here, in this thread only, so a read costs the same everywhere. pdf.js's warnings about
 * it while it loads are not printed: the CLI's standard output is its answer.
 */
function loadPdfJs(entry: string): Promise<PdfJs> {
  // Node ≥ 22.15 (Electron 45's is 22.20); without it the library loads as before.
  (nodeModule.registerHooks as typeof nodeModule.registerHooks | undefined)?.({
    resolve(specifier, context, next) {
      if (specifier.startsWith('@napi-rs/canvas')) throw Object.assign(new Error(`Cannot find module '${specifier}'`), { code: 'MODULE_NOT_FOUND' });
      return next(specifier, context);
    },
  });
  const warn = console.warn;
  console.warn = () => undefined;
  return (import(pathToFileURL(entry).href) as Promise<PdfJs>).finally(() => (console.warn = warn));
}

class Refused extends Error {
  readonly failure: PdfFailure;
  constructor(failure: PdfFailure) {
    super(failure.code);
    this.failure = failure;
  }
}

export async function readPages(job: PdfJob): Promise<PdfJobResult> {
  const budget = await inflateBudget(job.data);
  if (budget) return { ok: false, failure: budget };
  pdfjs ??= loadPdfJs(job.entry);
  const lib = await pdfjs;
  const task = lib.getDocument({
    data: job.data,
    cMapUrl: job.cmaps,
    cMapPacked: true,
    standardFontDataUrl: job.fonts,
    useSystemFonts: false,
    disableFontFace: true,
    // Never run code found in the file: no XFA forms; scripts (JavaScript actions) are never read.
    enableXfa: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    const pages: RawPage[] = [];
    let total = 0;
    let chars = 0;
    for (let p = 1; p <= Math.min(doc.numPages, MAX_PAGES); p++) {
      const page = await doc.getPage(p);
      const view = page.getViewport({ scale: 1 });
      const items: RawItem[] = [];
      // Streamed, not getTextContent(): a page of a million items is stopped at the cap, not collected.
      const reader = page.streamTextContent().getReader();
      let count = 0;
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        count += value.items.length;
        total += value.items.length;
        // No cancel(): pdf.js would go on parsing and then throw in its stream; the caller ends this thread.
        if (count > MAX_PAGE_ITEMS || total > MAX_ITEMS)
          throw new Refused({ code: 'ITEMS', limit: count > MAX_PAGE_ITEMS ? MAX_PAGE_ITEMS : MAX_ITEMS, page: p });
        for (const it of value.items) {
          if (!('str' in it) || !it.str.trim()) continue;
          chars += it.str.length;
          if (chars > MAX_CHARS) throw new Refused({ code: 'CHARS', limit: MAX_CHARS, page: p });
          const [a, b, , d, e, f] = it.transform as number[];
          // Rotated text (a watermark, a vertical stamp) is not table text.
          if (Math.abs(b ?? 0) > 0.01) continue;
          items.push({ str: it.str, x: e!, y: f!, width: it.width, size: Math.abs(d! || a!) || it.height });
        }
      }
      pages.push({ width: view.width, height: view.height, items });
      page.cleanup();
    }
    await task.destroy().catch(() => undefined);
    return { ok: true, pages };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, failure: e.failure };
    if ((e as { name?: string }).name === 'PasswordException') return { ok: false, failure: { code: 'ENCRYPTED' } };
    return { ok: false, failure: { code: 'BROKEN', detail: String((e as Error)?.message ?? e).slice(0, 300) } };
  }
  // After a failure the document is not destroyed here: the caller terminates this thread at once.
}

if (parentPort) {
  // pdf.js throwing later, outside any await of ours (a stream closed under it): one answer, in codes.
  process.on('uncaughtException', (e) => parentPort!.postMessage({ ok: false, failure: { code: 'BROKEN', detail: String(e).slice(0, 300) } } satisfies PdfJobResult));
  const files = workerData as PdfJsFiles;
  pdfjs = loadPdfJs(files.entry);
  void pdfjs.then(() => parentPort!.postMessage({ ready: true } satisfies PdfWorkerReady));
}

parentPort?.on('message', (job: PdfJob) => {
  readPages(job).then(
    (result) => parentPort!.postMessage(result),
    (e: unknown) => parentPort!.postMessage({ ok: false, failure: { code: 'BROKEN', detail: String(e).slice(0, 300) } } satisfies PdfJobResult),
  );
});
