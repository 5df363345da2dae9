/**
 * 历年对比 and 生成统计表述: the comparison over 30 years of one agency, the drafting of the three
 * sentences, the renderer's JS (all built chunks, gzipped; ECharts included), and the 历年对比 screen
 * with its four charts in Chromium against serve:web on seven seeded years: opened from the archive
 * as a clerk opens it (a change of hash, to the frame after the fourth chart's canvas appears), and
 * as the first screen of a page load (see page-load.ts for why the load stays in one process).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { computeTotals, emptyReport, formatForYear, type Report } from '../../report';
import { buildTrend, draftStatements } from '../../report/trend';
import { ensureBuilt, launch, openPage, ROOT, serve, type Served } from '../e2e/helpers';
import { seedTrend, trendReport } from '../e2e/trend-seed';
import { qingshi2023, qingshi2024 } from '../helpers/fixtures';
import { changeScreen, crossProcessLoads, loadInSameProcess } from './page-load';
import type { Bench } from './harness';

/** Thirty years of one agency (both formats), figures varying by year. */
function thirtyYears(): Report[] {
  return Array.from({ length: 30 }, (_, i) => {
    const year = 2019 + i;
    if (year <= 2025) return trendReport(year);
    const r = emptyReport(formatForYear(year)!, '示例县白沙镇人民政府', year);
    r.requests.newReceived![0] = (i * 7) % 23;
    r.requests.granted![0] = (i * 7) % 23;
    r.active.licensing!.decisions = 100 + i * 3;
    return computeTotals(r);
  });
}

let served: Served | null = null;
let browser: Browser | null = null;
let page: Page;
let agencyId = 0;

async function start(): Promise<void> {
  if (served) return;
  await ensureBuilt();
  served = await serve();
  const ids = await seedTrend(served);
  const res = await fetch(`${served.origin}/api/report:open`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: `nianbao_token_${served.port}=${served.token}` },
    body: JSON.stringify({ id: ids[2025] }),
  });
  agencyId = ((await res.json()) as { value: { summary: { agencyId: number } } }).value.summary.agencyId;
  browser = await launch();
  ({ page } = await openPage(browser, served));
  await page.addInitScript(() => {
    const w = window as unknown as { __chartsDrawn?: number };
    new MutationObserver((_, obs) => {
      if (document.querySelectorAll('.chart-panel .chart canvas').length < 4) return;
      obs.disconnect();
      requestAnimationFrame(() => (w.__chartsDrawn = performance.now()));
    }).observe(document, { subtree: true, childList: true });
  });
}

const trendUrl = () => `${served!.origin}/#/trend/${agencyId}`;
const FOUR_CHARTS = "document.querySelectorAll('.chart-panel .chart canvas').length >= 4";

/** A page load whose first screen is 历年对比 (the window reopened on it). */
const loadTrend = () => loadInSameProcess(page, trendUrl(), '__chartsDrawn');

/** 历年对比 opened from the archive screen, as the clerk opens it. */
async function openTrendFromArchive(): Promise<number> {
  if (!page.url().startsWith(served!.origin)) await page.goto(`${served!.origin}/#/`);
  return changeScreen(page, '#/', 'main.archive', `#/trend/${agencyId}`, FOUR_CHARTS);
}

/**
 * Main-thread CPU time of a full load of the screen (CDP ThreadTime in thread ticks, same renderer
 * process reloaded): the work itself, without the waiting that a busy machine adds to wall time.
 */
async function cpuOfLoads(n = 7): Promise<string> {
  await page.goto(trendUrl());
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const thread = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0;
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __chartsDrawn?: number }).__chartsDrawn);
    // The counter starts again with each document: its value now is this load's CPU time.
    ms.push(await thread());
  }
  await cdp.detach();
  ms.sort((a, b) => a - b);
  return `main-thread CPU per load: median ${(ms[Math.floor(n / 2)]! * 1000).toFixed(0)} ms`;
}

async function stop(): Promise<void> {
  await browser?.close();
  await served?.stop();
  browser = null;
  served = null;
}

/** Gzipped size of every built renderer JS chunk, in KB. */
function rendererJsKb(): { total: number; detail: string } {
  const dir = join(ROOT, 'out/renderer/assets');
  const js = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const sizes = js.map((f) => [f, gzipSync(readFileSync(join(dir, f))).length / 1024] as const);
  return { total: sizes.reduce((s, [, k]) => s + k, 0), detail: sizes.map(([f, k]) => `${f.replace(/-[\w-]+\.js$/, '')} ${k.toFixed(1)} KB`).join(', ') };
}

const years = thirtyYears();
const [previous, current] = [qingshi2023(), qingshi2024()];

export const benches: Bench[] = [
  { name: 'trend: 30 years of one agency', budgetMs: 20, runs: 50, fn: () => buildTrend('示例县白沙镇人民政府', years) },
  { name: 'draft: the three statistics sentences', budgetMs: 2, runs: 200, fn: () => draftStatements(current, previous) },
  {
    // A size, not a time: the median printed is KB (budget 400 KB gzip for all renderer JS).
    name: 'renderer JS gzip total, KB (not ms)',
    budgetMs: 400,
    runs: 1,
    setup: ensureBuilt,
    fn: () => rendererJsKb(),
    sample: async () => rendererJsKb().total,
    extra: () => rendererJsKb().detail,
  },
  {
    name: '历年对比: opened from the archive, four charts',
    budgetMs: 300,
    runs: 15,
    setup: start,
    fn: openTrendFromArchive,
    sample: openTrendFromArchive,
  },
  {
    name: '历年对比: page load, four charts drawn',
    budgetMs: 500,
    runs: 15,
    setup: start,
    fn: loadTrend,
    sample: loadTrend,
    extra: async () => `${await cpuOfLoads()}; ${await crossProcessLoads(page, trendUrl(), '__chartsDrawn')}`,
    teardown: stop,
  },
];
