/**
 * Hostile files uploaded through the page (issue 10, items 4–5): serve:web refuses them in Chinese in
 * the import dialog, stays well under 300 MB (peak RSS of the server process, from /proc), and keeps
 * serving. Before the fix one 1.5 KB file made this process grow to gigabytes and abort.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostileFiles } from '../helpers/hostile';
import { apiCall, ensureBuilt, launch, openPage, serve, type Served } from './helpers';

const SHOTS = join(import.meta.dirname, '../../test-results/screenshots');
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  browser = await launch();
  ({ page } = await openPage(browser, served));
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

/** Peak resident memory of the server process so far, in MB (Linux). */
const peakMb = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${served.proc.pid}/status`, 'utf8'))?.[1]) / 1024;

describe.runIf(process.platform === 'linux')('hostile uploads in the import dialog', () => {
  it('each hostile file is refused in Chinese; the server stays small and keeps answering', async () => {
    await page.getByRole('button', { name: '导入报告' }).click();
    const dialog = page.getByRole('dialog', { name: '导入报告' });
    await dialog.waitFor();
    for (const f of hostileFiles()) {
      const reply = page.waitForResponse((r) => r.url().endsWith('/api/import:preview'), { timeout: 60_000 });
      await dialog.locator('input[type=file]').setInputFiles({ name: f.name, mimeType: 'application/octet-stream', buffer: f.data });
      const answer = (await (await reply).json()) as { ok: boolean; error?: { message: string } };
      expect(answer.ok, f.name).toBe(false);
      const message = answer.error!.message;
      expect(message, f.name).toMatch(/[\u4e00-\u9fff]/);
      if (f.name.startsWith('谎报大小')) expect(message).toContain('解压后的内容过大');
      await expect.poll(() => dialog.getByRole('alert').textContent()).toBe(message);
    }
    await dialog.getByRole('alert').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'import-refused-zip-bomb.png') });
    expect(peakMb()).toBeLessThan(300);
    expect((await apiCall<{ reports: unknown[] }>(served, 'archive:list', {})).reports).toEqual([]);
  });
});
