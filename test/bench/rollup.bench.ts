/// <reference lib="dom" />
/**
 * 汇总 at county scale (300 units): the 汇总 of 300 archived reports (read + exact sums), the board
 * with every unit's checks and R-1…R-10, collecting 300 of our own .xlsx exports into an empty
 * archive (once, with peak RSS), and the board rendered in Chromium over serve:web.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { formatForYear, type Report } from '../../report';
import { rollUp } from '../../report/rollup';
import { closeArchive, openArchive, type Db } from '../../main/db/open';
import { getReportBody } from '../../main/db/reports';
import { buildXlsx } from '../../main/export';
import { listRoster } from '../../main/rollup/roster';
import { loadCollection } from '../../main/rollup/view';
import { ensureBuilt, launch, openPage, ROOT, serve, type Served } from '../e2e/helpers';
import { madeReport } from '../rollup/helpers';
import type { Bench } from './harness';

const ORGAN = '某某县人民政府';
const YEAR = 2024;
const N = 300;
const name = (i: number) => (i === 0 ? ORGAN : `第${i}号${i % 3 ? '镇人民政府' : '局'}`);
const reports: Report[] = Array.from({ length: N }, (_, i) => madeReport(name(i), YEAR, i % 40));

let dir = '';
let db: Db | null = null;
let collectMs = 0;
let rssMb = 0;

/**
 * Once: 300 .xlsx files written to a folder, then `collect` of the folder into an empty archive in a
 * process of its own (timed there, with its peak RSS: one run is the figure).
 */
async function collected(): Promise<Db> {
  if (db) return db;
  dir = mkdtempSync(join(tmpdir(), 'nianbao-rollup-bench-'));
  const inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  for (const r of reports) writeFileSync(join(inbox, `${r.agency}.xlsx`), await buildXlsx(r));
  const child = join(import.meta.dirname, 'rollup-collect-child.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', child, inbox, join(dir, 'county.sqlite'), ORGAN, String(YEAR)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out) as { code: number; ms: number; rssMb: number };
  if (r.code !== 0) throw new Error(`collect exited ${r.code}`);
  collectMs = r.ms;
  rssMb = r.rssMb;
  db = openArchive(join(dir, 'county.sqlite'));
  if (listRoster(db, ORGAN, YEAR).length !== N) throw new Error('collect did not store every unit');
  return db;
}

let served: Served | null = null;
let pageLoadMs = 0;

/** A full page load of the 汇总 screen (median of 3), from navigation start to the board's frame. */
async function loadPage(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto('about:blank');
    await page.goto(`${served!.origin}/#/rollup?organ=${encodeURIComponent(ORGAN)}&year=${YEAR}`);
    times.push(await page.waitForFunction(() => (window as unknown as { __board?: number }).__board, undefined, { timeout: 60_000 }).then((h) => h.jsonValue() as Promise<number>));
  }
  return times.sort((a, b) => a - b)[1]!;
}
let browser: Browser | null = null;
let page: Page;

async function startBrowser(): Promise<void> {
  if (served) return;
  const d = await collected();
  closeArchive(d);
  db = null;
  await ensureBuilt();
  served = await serve({ db: join(dir, 'county.sqlite') });
  browser = await launch();
  ({ page } = await openPage(browser, served));
  await page.addInitScript((rows: number) => {
    const w = window as unknown as { __board?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelectorAll('table.board tbody tr').length < rows) return;
      obs.disconnect();
      requestAnimationFrame(() => (w.__board = performance.now()));
    }).observe(document, { subtree: true, childList: true });
  }, N);
}

export const benches: Bench[] = [
  {
    name: 'rollup: 汇总 of 300 archived reports',
    budgetMs: 50,
    runs: 20,
    setup: collected,
    fn: () => {
      const units = listRoster(db!, ORGAN, YEAR).map((u) => ({ agency: u.agency, report: getReportBody(db!, u.reportId!) }));
      return rollUp(formatForYear(YEAR)!, YEAR, ORGAN, units);
    },
    extra: () => `collect 300 .xlsx into an empty archive: ${(collectMs / 1000).toFixed(1)} s (budget < 30 s ${collectMs < 30_000 ? 'ok' : 'OVER'}), peak RSS ${rssMb.toFixed(0)} MB (budget < 400 MB ${rssMb < 400 ? 'ok' : 'OVER'})`,
  },
  {
    name: 'rollup: board + all checks of 300 units',
    runs: 5,
    setup: collected,
    fn: () => loadCollection(db!, ORGAN, YEAR),
  },
  {
    // The board drawn from the view already in the page: 「收齐情况」 clicked (from 「检查」) to the
    // frame after its 300 rows are in. The whole page load (bundle, archive status, view) is extra.
    name: 'rollup: board of 300 units in Chromium',
    budgetMs: 500,
    runs: 10,
    setup: async () => {
      await startBrowser();
      pageLoadMs = await loadPage();
    },
    fn: () => undefined,
    sample: async () => {
      await page.getByRole('tab', { name: /^检查/ }).click();
      await page.locator('.rollup-checks').waitFor();
      return page.evaluate(
        (rows) =>
          new Promise<number>((resolve) => {
            const tab = Array.from(document.querySelectorAll<HTMLButtonElement>('[role=tab]')).find((b) => b.textContent === '收齐情况')!;
            const t0 = performance.now();
            // No named helpers in here: the bundler would wrap them in a function the page lacks.
            const obs = new MutationObserver(() => {
              if (document.querySelectorAll('table.board tbody tr').length < rows) return;
              obs.disconnect();
              requestAnimationFrame(() => resolve(performance.now() - t0));
            });
            obs.observe(document, { subtree: true, childList: true });
            tab.click();
          }),
        N,
      );
    },
    extra: () => `whole page load to the board drawn: ${pageLoadMs.toFixed(0)} ms`,
    teardown: async () => {
      await browser?.close();
      await served?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  },
];
