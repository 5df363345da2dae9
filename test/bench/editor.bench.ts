/**
 * The editor in Chromium (playwright-core) against serve:web on a temporary archive holding the
 * qingshi fixtures: a digit typed into Table 三 and committed with Enter, timed inside the page
 * from the key event to the next animation frame (totals and the checks panel are redrawn in
 * that frame); the editor's first render on a page load (in one renderer process: see
 * page-load.ts) and when opened from the archive; the renderer bundle, gzipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { cell, ensureBuilt, launch, openPage, ROOT, seedQingshi, serve, type Served } from '../e2e/helpers';
import type { Bench } from './harness';
import { changeScreen, crossProcessLoads, loadInSameProcess } from './page-load';

let served: Served | null = null;
let browser: Browser | null = null;
let page: Page;
let reportId = 0;
let digit = 0;

async function start(): Promise<void> {
  if (served) return;
  await ensureBuilt();
  served = await serve();
  reportId = (await seedQingshi(served)).y2024;
  browser = await launch();
  ({ page } = await openPage(browser, served));
  await page.addInitScript(() => {
    // First render: the moment the last table (四) has its cells, then the next frame.
    const w = window as unknown as { __firstRender?: number };
    new MutationObserver((_, obs) => {
      if (!document.querySelector('table.sheet-appeals td')) return;
      obs.disconnect();
      requestAnimationFrame(() => (w.__firstRender = performance.now()));
    }).observe(document, { subtree: true, childList: true });
  });
}

const editorUrl = () => `${served!.origin}/#/report/${reportId}`;

/** A page load whose first screen is the editor (the window reopened on it). */
const openEditor = () => loadInSameProcess(page, editorUrl(), '__firstRender');

/** The editor opened from the archive screen, as the clerk opens a report. */
async function openEditorFromArchive(): Promise<number> {
  if (!page.url().startsWith(served!.origin)) await page.goto(`${served!.origin}/#/`);
  return changeScreen(page, '#/', 'main.archive', `#/report/${reportId}`, "document.querySelector('table.sheet-appeals td')");
}

async function prepareTyping(): Promise<void> {
  await start();
  await openEditor();
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    document.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      const t0 = performance.now();
      requestAnimationFrame(() => w.__lat.push(performance.now() - t0));
    }, true);
  });
  await cell(page, '（一）予以公开 商业企业').click();
}

/** Types a digit, commits it with Enter (timed), and returns to the cell. */
async function typeDigit(): Promise<number> {
  digit = (digit % 9) + 1;
  await page.keyboard.press(String(digit));
  await page.keyboard.press('Enter');
  // A string, not a function: tsx would wrap a named inner function with a helper the page lacks.
  const ms = (await page.evaluate(
    'new Promise((resolve) => { const poll = () => (window.__lat.length ? resolve(window.__lat.shift()) : requestAnimationFrame(poll)); poll(); })',
  )) as number;
  await page.keyboard.press('ArrowUp');
  return ms;
}

async function stop(): Promise<void> {
  await browser?.close();
  await served?.stop();
  browser = null;
  served = null;
}

function bundleSizes(): string {
  const dir = join(ROOT, 'out/renderer/assets');
  const files = readdirSync(dir).filter((f) => /\.(js|css)$/.test(f));
  const size = (f: string) => readFileSync(join(dir, f));
  const js = files.filter((f) => f.endsWith('.js')).reduce((s, f) => s + gzipSync(size(f)).length, 0);
  const css = files.filter((f) => f.endsWith('.css')).reduce((s, f) => s + gzipSync(size(f)).length, 0);
  const raw = files.reduce((s, f) => s + size(f).length, 0);
  return `renderer bundle: ${(raw / 1024).toFixed(1)} KB raw, gzip JS ${(js / 1024).toFixed(1)} KB + CSS ${(css / 1024).toFixed(1)} KB`;
}

export const benches: Bench[] = [
  {
    name: 'editor: digit + Enter → totals/checks redrawn',
    budgetMs: 16,
    runs: 60,
    setup: prepareTyping,
    fn: typeDigit,
    sample: typeDigit,
    extra: async () => `total after typing: ${await cell(page, '（一）予以公开 总计').textContent()}`,
  },
  {
    name: 'editor: opened from the archive',
    budgetMs: 300,
    runs: 15,
    setup: start,
    fn: openEditorFromArchive,
    sample: openEditorFromArchive,
  },
  {
    name: 'editor: first render on page load',
    budgetMs: 1000,
    runs: 15,
    setup: start,
    fn: openEditor,
    sample: openEditor,
    extra: async () => `${bundleSizes()}; ${await crossProcessLoads(page, editorUrl(), '__firstRender')}`,
    teardown: stop,
  },
];
