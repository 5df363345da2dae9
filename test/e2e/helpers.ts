/// <reference lib="dom" />
// Code passed to page.evaluate runs in Chromium and needs the DOM types. A lib reference applies to the whole
// node program, so main/ could name DOM types without a type error; its tests would still catch any use.
/**
 * End-to-end helpers: build the app when out/renderer is stale (once, under a lock, since test
 * files run in parallel), start the real `serve:web` CLI on a temporary archive, and drive Debian's
 * Chromium with playwright-core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { appIsStale, buildApp } from '../../main/web/build';

export const ROOT = join(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/lib/chromium/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function ensureBuilt(): Promise<void> {
  const lock = join(ROOT, 'out/.build-lock');
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (let i = 0; ; i++) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes is left over from a crash.
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    // The whole app, so that `npm start` (start.test.ts) finds nothing to rebuild while others serve.
    if (appIsStale(ROOT)) buildApp(ROOT);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface Served {
  url: string;
  origin: string;
  port: number;
  token: string;
  db: string;
  dir: string;
  proc: ChildProcess;
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Starts serve:web as the product runs it (tools/cli.mjs: the built bundle under plain Node) and waits for the URL line. */
export async function serve(options: { db?: string; port?: number; args?: string[] } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-e2e-'));
  const db = options.db ?? join(dir, 'archive.sqlite');
  const args = [join(ROOT, 'tools/cli.mjs'), '--serve-web', '--db', db, '--no-build', ...(options.args ?? [])];
  if (options.port !== undefined) args.push('--port', String(options.port));
  const proc = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  // Never leave a server behind, even when the test process dies on an error.
  process.once('exit', () => proc.exitCode === null && proc.kill('SIGTERM'));
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve:web did not start:\n${err}`)), 30_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    proc.on('exit', (code) => reject(new Error(`serve:web exited with ${code}:\n${err}`)));
  });
  const u = new URL(url);
  return {
    url,
    origin: u.origin,
    port: Number(u.port),
    token: u.searchParams.get('token')!,
    db,
    dir,
    proc,
    stderr: () => err,
    stop: async () => {
      // A process ended by a signal has exitCode null and signalCode set: it is gone, nothing to wait for.
      if (proc.exitCode === null && proc.signalCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** A page at 1366×768 that records every request leaving the server's own origin. */
export async function openPage(browser: Browser, served: Served): Promise<{ page: Page; foreign: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).origin !== served.origin) foreign.push(r.url());
  });
  await page.goto(served.url);
  return { page, foreign };
}

/** Pastes text as a real `paste` event with a DataTransfer, at the focused cell. */
export async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}

/** Runs a `copy` event at the focused cell and returns what the page put on the clipboard. */
export async function copyText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dt = new DataTransfer();
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('copy', { clipboardData: dt, bubbles: true, cancelable: true }));
    return dt.getData('text/plain');
  });
}

export const cell = (page: Page, name: string) => page.getByRole('gridcell', { name, exact: true });

/** Calls a channel of the served archive from the test, as the page would (cookie, JSON). */
export async function apiCall<T = unknown>(served: Served, channel: string, body: unknown): Promise<T> {
  const res = await fetch(`${served.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `nianbao_token_${served.port}=${served.token}` },
    body: JSON.stringify(body),
  });
  const r = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!r.ok) throw new Error(`${channel}: ${r.error?.message}`);
  return r.value as T;
}

/** Saves a report as an editor that has just opened it would: based on the archive's current version. */
export async function saveLatest(served: Served, id: number, report: unknown): Promise<{ summary: { version: number }; conflict: unknown }> {
  const { summary } = await apiCall<{ summary: { version: number } }>(served, 'report:open', { id });
  return apiCall(served, 'report:save', { id, report, baseVersion: summary.version });
}

/** The two fixture years of 示例县青石镇人民政府 in the archive; returns their ids. */
export async function seedQingshi(served: Served): Promise<{ y2023: number; y2024: number }> {
  const ids: number[] = [];
  for (const year of [2023, 2024]) {
    const body = JSON.parse(readFileSync(join(ROOT, `../shared/fixtures/reports/qingshi-${year}.json`), 'utf8')) as { agency: string };
    const created = await apiCall<{ summary: { id: number } }>(served, 'report:create', { agency: body.agency, year });
    await saveLatest(served, created.summary.id, body);
    ids.push(created.summary.id);
  }
  return { y2023: ids[0]!, y2024: ids[1]! };
}

/** Presses Tab (or Shift+Tab) until the focused element matches, as a keyboard-only user would. */
export async function tabUntil(page: Page, match: (el: { tag: string; label: string; text: string }) => boolean, back = false, max = 120): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return { tag: a?.tagName ?? '', label: a?.getAttribute('aria-label') ?? '', text: (a?.textContent ?? '').trim() };
    });
    if (match(el)) return i;
  }
  throw new Error('focus never reached the element');
}
