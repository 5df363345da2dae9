/**
 * The desktop print path with Electron mocked: a hidden, script-less window prints the A4 page from
 * a temporary file (no data: URL, which Chromium refuses over 2 MB) that is deleted afterwards; a
 * cancelled dialog is no error, whatever Electron calls it; a failure gets a kind Chinese sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';

const made: { options: any; loaded: string; content: string; printed: any; destroyed: boolean }[] = [];
let answer: [boolean, string] = [true, ''];

vi.mock('electron', () => ({
  dialog: {},
  shell: {},
  BrowserWindow: class {
    record = { options: null as any, loaded: '', content: '', printed: null as any, destroyed: false };
    webContents = { print: (o: unknown, cb: (ok: boolean, reason: string) => void) => ((this.record.printed = o), cb(...answer)) };
    constructor(options: unknown) {
      this.record.options = options;
      made.push(this.record);
    }
    loadURL() {
      throw new Error('the print page must not be loaded from a URL');
    }
    loadFile(file: string) {
      this.record.loaded = file;
      this.record.content = readFileSync(file, 'utf8');
      return Promise.resolve();
    }
    destroy() {
      this.record.destroyed = true;
    }
  },
}));

const { electronHost, isPrintCancel } = await import('../../main/host-electron');
const { dispatch } = await import('../../main/api/dispatch');

describe('desktop printing', () => {
  it('prints from a hidden window without JavaScript, on A4, from a temporary file that is deleted after', async () => {
    const host = electronHost({} as never, () => null, '/docs');
    // A long report: well over the 2 MB that a data: URL may carry.
    const page = `<!DOCTYPE html><title>某镇</title>${'<p>政府信息公开</p>'.repeat(200_000)}`;
    expect(page.length).toBeGreaterThan(2_500_000);
    expect(await host.printReport(1, page)).toEqual({ printed: true, url: null });
    const m = made.at(-1)!;
    expect(m.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(m.loaded.startsWith(tmpdir())).toBe(true);
    expect(m.loaded).toMatch(/\.html$/);
    expect(m.content).toBe(page);
    expect(existsSync(m.loaded)).toBe(false);
    expect(m.printed).toMatchObject({ pageSize: 'A4' });
    expect(m.destroyed).toBe(true);
  });

  it('a cancelled print dialog is no error, in every spelling Electron has used', async () => {
    const host = electronHost({} as never, () => null, '/docs');
    for (const reason of ['Print job canceled', 'canceled', 'cancelled']) {
      answer = [false, reason];
      expect(isPrintCancel(reason)).toBe(true);
      expect(await host.printReport(1, 'x')).toEqual({ printed: false, url: null });
      expect(existsSync(made.at(-1)!.loaded)).toBe(false);
    }
    expect(isPrintCancel('Print job failed')).toBe(false);
  });

  it('a failed job (also Microsoft Print to PDF\'s cancelled save) reaches the clerk as a kind sentence, not the raw reason', async () => {
    const host = electronHost({} as never, () => null, '/docs');
    answer = [false, 'Print job failed'];
    await expect(host.printReport(1, 'x')).rejects.toThrow(/另存为 PDF.*取消.*可以忽略/);
    expect(existsSync(made.at(-1)!.loaded)).toBe(false);
    expect(made.every((m) => m.destroyed)).toBe(true);
    // Through the channel the renderer calls: the sentence arrives as the error message.
    const handlers = { 'export:print': () => host.printReport(1, 'x') };
    const r = await dispatch(handlers as never, 'export:print', { id: 1 }, () => {});
    expect(r).toMatchObject({ ok: false, error: { code: 'PRINT_FAILED', message: expect.stringContaining('打印没有完成') } });
    expect(JSON.stringify(r)).not.toMatch(/Print job failed/);
  });
});
