/**
 * pdf.js runs in a worker thread (worker.ts), never in the thread that answers the window or
 * serve:web's other requests. Each read is bounded: a wall-time limit, the worker's own heap limit,
 * and a watch on the process's resident memory for what the heap limit does not see (ArrayBuffers);
 * when one is hit the worker is terminated and the clerk gets one Chinese sentence — never pdf.js's
 * English. One worker at a time, kept warm for the next file (a 汇总 intake reads many) and ended
 * after a short idle spell or after any failure.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ImportError } from '../errors';
import type { PdfFailure, PdfJob, PdfJobResult, PdfJsFiles, PdfWorkerReady, RawPage } from './worker';

/** Every PDF read ends within 20 s (issue 20): this, plus starting the worker and assembling. */
export const PDF_TIME_LIMIT_MS = 10_000;
/** Growth of the process's resident memory a read may cause before it is stopped. */
const MEMORY_GROWTH_LIMIT = 150 * 1024 * 1024;
const WATCH_EVERY_MS = 50;
/** Loading pdf.js itself (our code, not the file's): generous, for a busy office PC. */
const LOAD_LIMIT_MS = 60_000;
const IDLE_MS = 20_000;
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8, stackSizeMb: 4 };

const MB = (n: number) => Math.round(n / 1024 / 1024);
const ABNORMAL = 'PDF 文件内容异常，无法读取';

/** One sentence per reason; the pdf.js text only goes into `details` (a log), never the message. */
export function failureError(f: PdfFailure | { code: 'TIME' | 'MEMORY' | 'LOAD' | 'NOT_PDF' }): ImportError {
  switch (f.code) {
    case 'ENCRYPTED':
      return new ImportError('ENCRYPTED', 'PDF 文件有密码保护，请先取消密码再导入');
    case 'NOT_PDF':
      return new ImportError('CORRUPT', `${ABNORMAL}：文件中没有 PDF 的内容，可能已损坏或是改了扩展名的其他文件`);
    case 'INFLATE':
      return new ImportError('CORRUPT', `${ABNORMAL}：其中的压缩数据解压后超过 ${MB(f.limit)} MB，不像是一份年度报告`);
    case 'ITEMS':
      return new ImportError('CORRUPT', `${ABNORMAL}：第${f.page}页的文字片段超过 ${f.limit} 个，不像是一份年度报告`);
    case 'LOAD':
      return new ImportError('CORRUPT', '读取 PDF 的组件未能启动，请重试；仍不行时请重新安装本程序');
    case 'CHARS':
      return new ImportError('CORRUPT', `${ABNORMAL}：到第${f.page}页文字已超过 ${f.limit / 10000} 万字，不像是一份年度报告`);
    case 'TIME':
      return new ImportError('CORRUPT', `${ABNORMAL}：读取超过 ${PDF_TIME_LIMIT_MS / 1000} 秒仍未完成，已停止`);
    case 'MEMORY':
      return new ImportError('CORRUPT', `${ABNORMAL}：读取时占用的内存过多，已停止`);
    case 'BROKEN':
      return new ImportError('CORRUPT', `${ABNORMAL}：文件已损坏或结构有错误`, f.detail);
  }
}

/** worker.ts beside this file (tsx, vitest), or the built worker beside the bundle: pdf-worker.js (electron-vite), pdf-worker.cjs (CLI and serve:web, tools/node-build.mjs). */
function workerScript(): { file: string; execArgv?: string[] } {
  const here = dirname(fileURLToPath(import.meta.url));
  const source = join(here, 'worker.ts');
  if (import.meta.url.endsWith('.ts') && existsSync(source))
    // Node strips the types itself: the worker need not load tsx (which would transform pdf.js's
    // 2 MB module again and triple the memory of a read).
    return (process.features as { typescript?: unknown }).typescript
      ? { file: source, execArgv: ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON'] }
      : { file: source };
  for (const built of [join(here, 'pdf-worker.js'), join(here, '..', 'pdf-worker.js'), join(here, 'pdf-worker.cjs')]) if (existsSync(built)) return { file: built };
  throw new Error(`pdf-worker.js not found beside ${here}`);
}

interface Warm {
  worker: Worker;
  /** Settles when pdf.js is loaded in it. */
  ready: Promise<void>;
}

let idle: (Warm & { timer: NodeJS.Timeout }) | null = null;
let queue: Promise<unknown> = Promise.resolve();

function takeWorker(files: PdfJsFiles): Warm {
  if (idle) {
    clearTimeout(idle.timer);
    const warm = idle;
    idle = null;
    warm.worker.ref();
    return warm;
  }
  const { file, execArgv } = workerScript();
  const worker = new Worker(file, { workerData: files, resourceLimits: RESOURCE_LIMITS, ...(execArgv ? { execArgv } : {}) });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => done(failureError({ code: 'LOAD' })), LOAD_LIMIT_MS);
    const done = (error?: ImportError) => {
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onError);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (m: PdfWorkerReady) => m.ready && done();
    const onError = (e: unknown) => done(new ImportError('CORRUPT', failureError({ code: 'LOAD' }).message, String(e)));
    worker.on('message', onMessage).on('error', onError).on('exit', onError);
  });
  return { worker, ready };
}

function keepWarm(warm: Warm): void {
  warm.worker.unref();
  const timer = setTimeout(() => {
    if (idle?.worker !== warm.worker) return;
    idle = null;
    void warm.worker.terminate();
  }, IDLE_MS).unref();
  idle = { ...warm, timer };
}

async function runOnce(job: PdfJob): Promise<RawPage[]> {
  const warm = takeWorker(job);
  const { worker } = warm;
  try {
    await warm.ready;
  } catch (e) {
    void worker.terminate();
    throw e;
  }
  const base = process.memoryUsage.rss();
  return new Promise<RawPage[]>((resolve, reject) => {
    let settled = false;
    const finish = (error: ImportError | null, pages?: RawPage[]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      // Only our own listeners: removeAllListeners() would also drop Node's, which keep the port referenced.
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (error) {
        worker.on('error', () => undefined);
        // The next file waits until this thread's memory is given back (the queue awaits this promise).
        void worker.terminate().finally(() => reject(error));
      } else {
        keepWarm(warm);
        resolve(pages!);
      }
    };
    const timer = setTimeout(() => finish(failureError({ code: 'TIME' })), PDF_TIME_LIMIT_MS);
    const watch = setInterval(() => {
      if (process.memoryUsage.rss() - base > MEMORY_GROWTH_LIMIT) finish(failureError({ code: 'MEMORY' }));
    }, WATCH_EVERY_MS);
    const onMessage = (r: PdfJobResult) => finish(r.ok ? null : failureError(r.failure), r.ok ? r.pages : undefined);
    // ERR_WORKER_OUT_OF_MEMORY (the heap limit), or a crash: the same sentence, never the English.
    const onError = (e: unknown) =>
      finish((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? failureError({ code: 'MEMORY' }) : failureError({ code: 'BROKEN', detail: String(e) }));
    const onExit = () => finish(failureError({ code: 'BROKEN', detail: 'worker exited' }));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    // The bytes are moved, not copied: the caller's buffer stays with the caller.
    const data = new Uint8Array(job.data);
    worker.postMessage({ ...job, data }, [data.buffer]);
  });
}

/** The text items of every page, read in the PDF worker within the limits above. */
export function readPagesInWorker(job: PdfJob): Promise<RawPage[]> {
  // Not one object: 49 MB of a header and zeros would send pdf.js scanning the whole file for them.
  if (Buffer.from(job.data.buffer, job.data.byteOffset, job.data.byteLength).indexOf('endobj') < 0) return Promise.reject(failureError({ code: 'NOT_PDF' }));
  const run = queue.then(() => runOnce(job));
  queue = run.catch(() => undefined);
  return run;
}
