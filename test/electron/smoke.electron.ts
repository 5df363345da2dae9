/**
 * The real desktop app in a real Electron window (`npm run test:electron`; CI runs it under xvfb on
 * Linux): a fresh profile, the archive screen, a new report, a figure and its total, 已保存, a .docx
 * through the app's own save dialog code (only `dialog.showSaveDialog` is answered, in the main
 * process), a close with unsaved text that the close guard holds until the save lands, and a restart
 * that finds the figure and the text. Built app (out/) required: `npm run build` first.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

/** Electron's binary when it is installed, without triggering electron's download-on-require. */
function electronBinary(): string | null {
  const dir = join(ROOT, 'node_modules/electron');
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const BINARY = electronBinary();
if (!BINARY)
  console.warn('Electron smoke test skipped: Electron\'s binary is not installed (node_modules/electron/dist; it is downloaded from GitHub, which this machine cannot reach), so it runs on the hosted CI instead.');

type ElectronApp = import('playwright-core').ElectronApplication;
type Page = import('playwright-core').Page;

const AGENCY = '青石镇人民政府';
const ROW1 = '一、本年新收政府信息公开申请数量';
const OTHER = '六、其他需要报告的事项 正文';
const profile = mkdtempSync(join(tmpdir(), 'nianbao-electron-'));
const archive = join(profile, 'archive.sqlite');
const docx = join(profile, 'exported.docx');
const marks = join(profile, 'main-process.log');

async function start(): Promise<{ app: ElectronApp; page: Page }> {
  const { _electron } = await import('playwright-core');
  const app = await _electron.launch({
    executablePath: BINARY!,
    args: [ROOT],
    cwd: ROOT,
    // A fresh profile: the archive by NIANBAO_DB, userData (logs, backups) under XDG_CONFIG_HOME on Linux.
    env: { ...process.env, NIANBAO_DB: archive, XDG_CONFIG_HOME: join(profile, 'config'), ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });
  const page = await app.firstWindow();
  return { app, page };
}

const cell = (page: Page, name: string) => page.getByRole('gridcell', { name, exact: true });

let first: { app: ElectronApp; page: Page } | null = null;

beforeAll(() => {
  if (BINARY && !existsSync(join(ROOT, 'out/main/index.js'))) throw new Error('out/ is missing: run `npm run build` before `npm run test:electron`');
});
afterAll(async () => {
  await first?.app.close().catch(() => {});
});

describe.skipIf(!BINARY)('the desktop app in Electron', () => {
  it('starts on a fresh profile at the archive screen, creates a report, types a figure and sees the total saved', async () => {
    first = await start();
    const { page } = first;
    await page.getByText('档案中还没有报告').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: '新建年度报告' }).click();
    const dialog = page.getByRole('dialog', { name: '新建年度报告' });
    await dialog.getByLabel('机关名称').fill(AGENCY);
    await dialog.getByLabel('报告年度').fill('2025');
    await dialog.getByRole('button', { name: '创建并打开' }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    await cell(page, `${ROW1} 自然人`).click();
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, `${ROW1} 总计`).textContent()).toBe('7');
    await expect.poll(() => page.locator('.save-state').textContent(), { timeout: 15_000 }).toMatch(/^已保存/);
  });

  it('exports a .docx through the app\'s save dialog code, which asks before overwriting', async () => {
    const { app, page } = first!;
    await app.evaluate(({ dialog }, file) => {
      const seen: unknown[] = [];
      (globalThis as { __saveDialogs?: unknown[] }).__saveDialogs = seen;
      dialog.showSaveDialog = (async (a: unknown, b?: unknown) => {
        seen.push(b ?? a);
        return { canceled: false, filePath: file };
      }) as typeof dialog.showSaveDialog;
    }, docx);
    await page.getByRole('button', { name: '导出本报告' }).click();
    await page.getByRole('menuitem', { name: /^导出 Word/ }).click();
    // A report with a finding asks first (a new report with one figure has one: 一+二 ≠ 三+四), and a PC
    // without the official fonts is told once (CI runners are such PCs): both are answered when shown.
    const ask = page.getByRole('dialog', { name: /仍要导出吗/ });
    const fonts = page.getByRole('dialog', { name: '本机缺少公文字体' });
    await expect
      .poll(
        async () => {
          if (await ask.isVisible()) await ask.getByRole('button', { name: /^仍要导出/ }).click();
          if (await fonts.isVisible()) await fonts.getByRole('button', { name: '知道了' }).click();
          return existsSync(docx);
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    // The fonts notice comes after the file is written; it is modal, so it is closed before going on.
    await fonts.waitFor({ timeout: 5_000 }).then(() => fonts.getByRole('button', { name: '知道了' }).click(), () => {});
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')!.async('string');
    expect(xml).toContain(AGENCY);
    const options = (await app.evaluate(() => (globalThis as { __saveDialogs?: unknown[] }).__saveDialogs)) as { properties: string[] }[];
    expect(options).toHaveLength(1);
    expect(options[0]!.properties).toContain('showOverwriteConfirmation');
  });

  it('a close with unsaved text is held by the close guard until the save lands, without a question', async () => {
    const { app, page } = first!;
    await app.evaluate(({ BrowserWindow, dialog }, file) => {
      const fs = process.getBuiltinModule('node:fs');
      const mark = (what: string) => fs.appendFileSync(file, `${what}\n`);
      BrowserWindow.getAllWindows()[0]!.webContents.on('will-prevent-unload', () => mark('held'));
      dialog.showMessageBox = (async () => {
        mark('asked');
        return { response: 1, checkboxChecked: false };
      }) as typeof dialog.showMessageBox;
      dialog.showMessageBoxSync = (() => {
        mark('asked');
        return 1;
      }) as typeof dialog.showMessageBoxSync;
    }, marks);
    await page.getByRole('textbox', { name: OTHER }).fill('本机关2025年度未收取信息处理费。');
    const closed = app.waitForEvent('close', { timeout: 30_000 });
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close());
    await closed;
    first = null;
    const seen = readFileSync(marks, 'utf8').trim().split('\n');
    expect(seen).toContain('held');
    expect(seen).not.toContain('asked');
  });

  it('after a restart the figure and the text are there', async () => {
    first = await start();
    const { page } = first;
    await page.getByRole('button', { name: `打开2025年度报告（${AGENCY}）` }).click();
    await page.getByRole('grid', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
    expect((await cell(page, `${ROW1} 自然人`).textContent())?.trim()).toBe('7');
    expect((await cell(page, `${ROW1} 总计`).textContent())?.trim()).toBe('7');
    expect(await page.getByRole('textbox', { name: OTHER }).inputValue()).toBe('本机关2025年度未收取信息处理费。');
  });
});
