/** The window rules of main/security.ts, exercised on stand-ins for Electron's objects. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { WEB_PREFERENCES, hardenSession, hardenWebContents } = await import('../../main/security');
const { registerIpc } = await import('../../main/ipc');
const { CHANNELS } = await import('../../report/api');

type Listener = (event: { preventDefault: () => void }, ...args: unknown[]) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on(name: string, fn: Listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), fn]);
      return this;
    },
    setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
      openHandler = fn;
    },
    /** Fires an event and tells whether some listener prevented it. */
    emit(name: string, ...args: unknown[]): boolean {
      let prevented = false;
      for (const fn of listeners.get(name) ?? []) fn({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
    listeners,
  };
}

const APP = 'file:///C:/Program%20Files/nianbao/resources/app.asar/out/renderer/index.html';
const URLS = ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', APP, `${APP}#x`, 'javascript:alert(1)', 'data:text/html,x', 'about:blank'];

describe('window rules', () => {
  it('web preferences keep the page isolated and sandboxed', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(Object.isFrozen(WEB_PREFERENCES)).toBe(true);
    expect('preload' in WEB_PREFERENCES).toBe(false);
  });

  it('prevents every navigation and redirect, to any URL, including the app\'s own', () => {
    const c = fakeContents();
    hardenWebContents(c as never);
    for (const url of URLS) {
      expect(c.emit('will-navigate', url)).toBe(true);
      expect(c.emit('will-redirect', url)).toBe(true);
    }
  });

  it('denies window.open for every URL and refuses webviews', () => {
    const c = fakeContents();
    hardenWebContents(c as never);
    for (const url of URLS) expect(c.open(url)).toEqual({ action: 'deny' });
    expect(c.emit('will-attach-webview', {}, { src: 'https://example.com' })).toBe(true);
  });

  it('denies every permission request and check, and blocks every request off the machine', () => {
    let request: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
    let check: ((...a: unknown[]) => boolean) | null = null;
    let before: ((d: { url: string }, cb: (r: { cancel: boolean }) => void) => void) | null = null;
    hardenSession({
      setPermissionRequestHandler: (fn: typeof request) => (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => (check = fn),
      webRequest: { onBeforeRequest: (fn: typeof before) => (before = fn) },
    } as never);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'fileSystem', 'hid', 'serial', 'usb']) {
      const cb = vi.fn();
      request!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!({}, p, 'file://', {})).toBe(false);
    }
    const cancelled = (url: string) => {
      let r: { cancel: boolean } | null = null;
      before!({ url }, (x) => (r = x));
      return r!.cancel;
    };
    for (const url of ['https://example.com/a.js', 'http://localhost:5173/', 'ws://127.0.0.1:1/', 'ftp://x/']) expect(cancelled(url)).toBe(true);
    expect(cancelled(APP)).toBe(false);
  });

  it('answers IPC only from the app window\'s main frame: the frame object itself and the file: protocol, not a URL string', async () => {
    const handlers = new Map<string, (e: unknown, input: unknown) => unknown>();
    const ipc = { handle: (ch: string, fn: (e: unknown, i: unknown) => unknown) => handlers.set(ch, fn) };
    // Chromium reports the drive letter upper-cased even when the app was started from c:\…
    const mainFrame = { url: 'file:///C:/Program%20Files/nianbao/resources/app.asar/out/renderer/index.html', detached: false };
    const contents = { mainFrame };
    const called = vi.fn(() => ({ agencies: [], reports: [] }));
    const log = vi.fn();
    registerIpc(ipc as never, { 'archive:list': called } as never, () => contents as never, log);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const list = handlers.get('archive:list')!;
    const refused = { ok: false, error: { code: 'FORBIDDEN' } };
    expect(await list({ sender: {}, senderFrame: mainFrame }, {})).toMatchObject(refused);
    // Another frame of our window (an iframe), even one showing the same URL.
    expect(await list({ sender: contents, senderFrame: { url: mainFrame.url } }, {})).toMatchObject(refused);
    expect(await list({ sender: contents, senderFrame: null }, {})).toMatchObject(refused);
    expect(await list({ sender: contents, senderFrame: { ...mainFrame } }, {})).toMatchObject(refused);
    expect(called).not.toHaveBeenCalled();
    expect(await list({ sender: contents, senderFrame: mainFrame }, {})).toMatchObject({ ok: true });
    // The main frame navigated away (denied anyway) or is being unloaded: refused.
    mainFrame.url = 'https://example.com/';
    expect(await list({ sender: contents, senderFrame: mainFrame }, {})).toMatchObject(refused);
    mainFrame.url = 'file:///c:/x/index.html';
    mainFrame.detached = true;
    expect(await list({ sender: contents, senderFrame: mainFrame }, {})).toMatchObject(refused);
    mainFrame.detached = false;
    expect(await list({ sender: contents, senderFrame: mainFrame }, {})).toMatchObject({ ok: true });
    expect(called).toHaveBeenCalledTimes(2);
    // No window yet (start-up dialogs): nothing is trusted.
    const none = new Map<string, (e: unknown, input: unknown) => unknown>();
    registerIpc({ handle: (ch: string, fn: (e: unknown, i: unknown) => unknown) => none.set(ch, fn) } as never, { 'archive:list': called } as never, () => null, log);
    expect(await none.get('archive:list')!({ sender: contents, senderFrame: mainFrame }, {})).toMatchObject(refused);
  });
});
