/** The desktop print path with Electron mocked: a hidden, script-less window prints the A4 page and is destroyed. */
import { describe, expect, it, vi } from 'vitest';

const made: { options: any; loaded: string; printed: any; destroyed: boolean }[] = [];
let answer: [boolean, string] = [true, ''];

vi.mock('electron', () => ({
  dialog: {},
  shell: {},
  BrowserWindow: class {
    record = { options: null as any, loaded: '', printed: null as any, destroyed: false };
    webContents = { print: (o: unknown, cb: (ok: boolean, reason: string) => void) => ((this.record.printed = o), cb(...answer)) };
    constructor(options: unknown) {
      this.record.options = options;
      made.push(this.record);
    }
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
    destroy() {
      this.record.destroyed = true;
    }
  },
}));

describe('desktop printing', () => {
  it('prints from a hidden window without JavaScript, on A4, and destroys it; a cancelled dialog is no error', async () => {
    const { electronHost } = await import('../../main/host-electron');
    const host = electronHost({} as never, () => null, '/docs');
    expect(await host.printReport(1, '<!DOCTYPE html><title>某镇</title>')).toEqual({ printed: true, url: null });
    expect(made[0]!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false } });
    expect(decodeURIComponent(made[0]!.loaded)).toBe('data:text/html;charset=utf-8,<!DOCTYPE html><title>某镇</title>');
    expect(made[0]!.printed).toMatchObject({ pageSize: 'A4' });
    expect(made[0]!.destroyed).toBe(true);
    answer = [false, 'cancelled'];
    expect(await host.printReport(1, 'x')).toEqual({ printed: false, url: null });
    answer = [false, 'failed'];
    await expect(host.printReport(1, 'x')).rejects.toThrow(/打印没有完成/);
    expect(made.every((m) => m.destroyed)).toBe(true);
  });
});
