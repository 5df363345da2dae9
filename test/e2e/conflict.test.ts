/**
 * One report open in two tabs of real Chromium against the real serve:web: a tab that missed a
 * change (another tab's save, a restore) never saves over it, is told so in one sentence, and
 * nothing typed in either tab is missing from the report or its revisions.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCall, ensureBuilt, launch, openPage, serve, type Served } from './helpers';

let served: Served;
let browser: Browser;
let a: Page;
let b: Page;
let id: number;
const typed: string[] = [];

interface Opened {
  report: { text: { preamble: string; other: string } };
  summary: { version: number };
}
interface Rev {
  id: number;
  reason: string;
}
const SENTENCE = /^此报告已在其他窗口中修改（\d\d:\d\d:\d\d），您的修改已另存为历史版本。$/;
const text = (page: Page, heading: string) => page.getByRole('textbox', { name: `${heading} 正文` });
const savedState = (page: Page) => expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toMatch(/^已保存 /);
const banner = (page: Page) => page.locator('.conflict-banner');
const archived = () => apiCall<Opened>(served, 'report:open', { id });
async function revisions(): Promise<{ rev: Rev; body: Opened['report'] }[]> {
  const list = await apiCall<Rev[]>(served, 'report:revisions', { id });
  return Promise.all(list.map(async (rev) => ({ rev, body: await apiCall<Opened['report']>(served, 'report:revision', { id, revisionId: rev.id }) })));
}
async function type(page: Page, heading: string, words: string): Promise<void> {
  typed.push(words);
  const box = text(page, heading);
  await box.fill(`${await box.inputValue()}${words}`);
}
async function openEditor(page: Page): Promise<void> {
  await page.goto(`${served.origin}/#/report/${id}`);
  await page.reload(); // a fresh page: going to the same address again only changes the hash
  await text(page, '导语').waitFor();
}

beforeAll(async () => {
  await ensureBuilt();
  served = await serve();
  const created = await apiCall<{ summary: { id: number } }>(served, 'report:create', { agency: '某镇人民政府', year: 2025 });
  id = created.summary.id;
  browser = await launch();
  ({ page: a } = await openPage(browser, served));
  ({ page: b } = await openPage(browser, served));
  await openEditor(a);
  await openEditor(b);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await served?.stop();
}, 60_000);

describe('two tabs on one report', () => {
  it('B writes 六 and saves; stale A edits 导语: the archive keeps B, A is told and its text is a revision', async () => {
    await type(b, '六、其他需要报告的事项', 'B标签页写的第六部分。');
    await savedState(b);
    await type(a, '导语', 'A标签页写的导语。');
    await expect.poll(() => banner(a).isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await banner(a).locator('span').textContent())?.trim()).toMatch(SENTENCE);
    expect(await a.locator('.save-state').textContent()).not.toMatch(/^已保存/);

    const now = await archived();
    expect(now.report.text.other).toContain('B标签页写的第六部分。');
    expect(now.report.text.preamble).not.toContain('A标签页写的导语。');
    const revs = await revisions();
    const kept = revs.find((r) => r.body.text.preamble.includes('A标签页写的导语。'))!;
    expect(kept.rev.reason).toBe('conflict');
    // The stale tab stops accepting typing until it reloads: nothing more piles up unseen.
    expect(await text(a, '导语').getAttribute('readonly')).not.toBeNull();
  });

  it('比较 shows what differs between the archive and the kept version; 重新载入 brings B’s text in', async () => {
    await banner(a).getByRole('button', { name: '比较' }).click();
    const dialog = a.getByRole('dialog', { name: '历史版本' });
    await expect.poll(() => dialog.locator('.diff').textContent()).toContain('“导语”文字不同');
    expect(await dialog.locator('.diff').textContent()).toContain('“六、其他需要报告的事项”文字不同');
    await a.screenshot({ path: 'test-results/screenshots/conflict-compare.png' });
    await dialog.getByRole('button', { name: '关闭' }).click();
    await a.screenshot({ path: 'test-results/screenshots/conflict-banner.png' });

    await banner(a).getByRole('button', { name: '重新载入' }).click();
    await expect.poll(() => text(a, '六、其他需要报告的事项').inputValue()).toContain('B标签页写的第六部分。');
    expect(await banner(a).count()).toBe(0);
    await type(a, '导语', 'A重新载入后写的导语。');
    await savedState(a);
    const now = await archived();
    expect(now.report.text.preamble).toContain('A重新载入后写的导语。');
    expect(now.report.text.other).toContain('B标签页写的第六部分。');
  });

  it('B restores an earlier version; stale A types once: the restore stays, A’s text is kept and A is told', async () => {
    await openEditor(b); // B is fresh again
    await b.getByRole('button', { name: '历史版本' }).click();
    const dialog = b.getByRole('dialog', { name: '历史版本' });
    const restore = dialog.getByRole('button', { name: /^恢复版本 \d+（.*）$/ });
    await restore.last().waitFor();
    await restore.last().click(); // the oldest: the template as created
    await b.getByRole('dialog', { name: /^恢复版本 \d+/ }).getByRole('button', { name: '恢复此版本' }).click();
    await expect.poll(() => text(b, '导语').inputValue()).not.toContain('A重新载入后写的导语。');
    const restored = await archived();

    await type(a, '导语', 'A在恢复之后输入的一句。');
    await expect.poll(() => banner(a).isVisible(), { timeout: 15_000 }).toBe(true);
    expect((await banner(a).locator('span').textContent())?.trim()).toMatch(SENTENCE);
    const now = await archived();
    expect(now.report.text).toEqual(restored.report.text);
    expect((await revisions()).some((r) => r.rev.reason === 'conflict' && r.body.text.preamble.includes('A在恢复之后输入的一句。'))).toBe(true);
  });

  it('the close-time save of a reloaded page is accepted, also after the page saved before (no false conflict)', async () => {
    await openEditor(a);
    const conflictsBefore = (await revisions()).filter((r) => r.rev.reason === 'conflict').length;
    await type(a, '六、其他需要报告的事项', '先保存的一句。');
    await savedState(a); // the page now works on the version this save produced
    await type(a, '六、其他需要报告的事项', '关页前最后一句。');
    await a.reload(); // before the autosave delay: only the keepalive save carries it
    await text(a, '导语').waitFor();
    await expect.poll(async () => (await archived()).report.text.other).toContain('关页前最后一句。');
    expect((await revisions()).filter((r) => r.rev.reason === 'conflict').length).toBe(conflictsBefore);
    await expect.poll(() => text(a, '六、其他需要报告的事项').inputValue()).toContain('关页前最后一句。');
  });

  it('nothing typed in either tab is missing from the report or its revisions', async () => {
    const all = [JSON.stringify((await archived()).report), ...(await revisions()).map((r) => JSON.stringify(r.body))].join('\n');
    expect(typed.filter((words) => !all.includes(words))).toEqual([]);
  });
});
