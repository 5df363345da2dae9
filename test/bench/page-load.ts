/**
 * How the renderer benches time a screen, the way the desktop app meets it.
 *
 * In the app one renderer process lives as long as the window: a page load happens when the window
 * opens or reloads, and every screen after that is a change of the hash. A navigation from
 * about:blank to the served origin is neither: Chromium 156 starts a new renderer process for it,
 * and on this machine that alone costs 300–700 ms before the first byte of our HTML is parsed (a
 * script-free page takes as long), so such a figure measures Chromium's process start-up, not the
 * app. The budgets apply to a load in the same process (`page.reload()`) and to the in-app change
 * of screen; the cross-process load is printed beside them for the record.
 */
import type { Page } from 'playwright-core';

/** Waits until the page's init script has set `window[flag]` (ms since navigation start) and returns it. */
async function flagOf(page: Page, flag: string): Promise<number> {
  const handle = await page.waitForFunction((f) => (window as unknown as Record<string, number | undefined>)[f], flag);
  return (await handle.jsonValue()) as number;
}

/** A full page load of `url` in the same renderer process: navigation start to the page's `flag`. */
export async function loadInSameProcess(page: Page, url: string, flag: string): Promise<number> {
  // Going to another hash of the same page loads nothing: go there, then load it again.
  if (page.url() !== url) await page.goto(url);
  await page.reload();
  return flagOf(page, flag);
}

/** The same load after about:blank (a new renderer process each time): median of `n`, as a printed line. */
export async function crossProcessLoads(page: Page, url: string, flag: string, n = 5): Promise<string> {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    await page.goto('about:blank');
    await page.goto(url);
    ms.push(await flagOf(page, flag));
  }
  ms.sort((a, b) => a - b);
  return `load from about:blank (new renderer process): median ${ms[Math.floor(n / 2)]!.toFixed(0)} ms`;
}

/**
 * A change of screen inside the running app: from the screen at `fromHash` (ready when `readySelector`
 * shows), set the hash to `toHash` and time, inside the page, until `doneScript` (a JS expression)
 * is true, then the next frame. A string, not a function: tsx would wrap a function with a helper
 * the page lacks.
 */
export async function changeScreen(page: Page, fromHash: string, readySelector: string, toHash: string, doneScript: string): Promise<number> {
  await page.evaluate(`location.hash = ${JSON.stringify(fromHash)}`);
  await page.waitForSelector(readySelector);
  return (await page.evaluate(`new Promise((resolve) => {
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      if (!(${doneScript})) return;
      obs.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - t0));
    });
    obs.observe(document, { subtree: true, childList: true });
    location.hash = ${JSON.stringify(toHash)};
  })`)) as number;
}
