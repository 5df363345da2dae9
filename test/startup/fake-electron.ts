/**
 * A stand-in for the parts of `electron` that main/index.ts uses, recording what the app does:
 * message boxes (answered by the test, or left open until the app aborts them), windows, the menu,
 * quit/exit. Reset with `reset()` before each fresh import of main/index.ts. One instance per
 * process (kept on globalThis): vi.resetModules() re-imports this file, but the mocked `electron`
 * module keeps the objects of the first import.
 */
import { EventEmitter } from 'node:events';
import type { MessageBoxOptions } from 'electron';

type Answer = number | 'hang';
export interface Box extends MessageBoxOptions {
  parent: boolean;
  sync: boolean;
  aborted?: boolean;
}

class FakeWebContents extends EventEmitter {
  mainFrame = { url: 'file:///app/out/renderer/index.html', detached: false };
}

export class FakeWindow extends EventEmitter {
  static made: FakeWindow[] = [];
  webContents = new FakeWebContents();
  destroyed = false;
  closeCalls = 0;
  loaded = '';
  constructor(readonly options: Record<string, any>) {
    super();
    if (state.windowThrows) throw state.windowThrows;
    FakeWindow.made.push(this);
  }
  loadFile(f: string) {
    this.loaded = f;
    return Promise.resolve();
  }
  override once(name: string, fn: (...a: unknown[]) => void) {
    return super.once(name, fn);
  }
  show() {}
  focus() {}
  restore() {}
  isMinimized() {
    return false;
  }
  isDestroyed() {
    return this.destroyed;
  }
  close() {
    this.closeCalls++;
  }
  destroy() {
    this.destroyed = true;
    this.emit('closed');
  }
}

export const state = {
  userData: '',
  packaged: true,
  boxes: [] as Box[],
  /** Answers for the next message boxes, in order; a function sees the box. 'hang' = stays open. */
  answers: [] as (Answer | ((b: Box) => Answer))[],
  openPaths: [] as (string | null)[],
  /** The options of every save dialog shown (each answered 取消). */
  saveDialogs: [] as Record<string, unknown>[],
  quit: 0,
  exit: null as number | null,
  errorBoxes: [] as { title: string; content: string }[],
  menu: null as unknown,
  appUserModelId: null as string | null,
  windowThrows: null as Error | null,
  whenReady: () => Promise.resolve(),
};

export const app = Object.assign(new EventEmitter(), {
  requestSingleInstanceLock: () => true,
  whenReady: () => state.whenReady(),
  getPath: (name: string) => (name === 'userData' ? state.userData : '/tmp'),
  quit: () => {
    state.quit++;
  },
  exit: (code: number) => {
    state.exit = code;
  },
  setAppUserModelId: (id: string) => {
    state.appUserModelId = id;
  },
});

// A getter (Object.assign would copy its value once).
Object.defineProperty(app, 'isPackaged', { get: () => state.packaged });

function answerFor(box: Box): Answer {
  const next = state.answers.shift();
  if (next === undefined) return box.cancelId ?? 0;
  return typeof next === 'function' ? next(box) : next;
}

export const dialog = {
  showMessageBox(a: unknown, b?: MessageBoxOptions) {
    const options = (b ?? a) as MessageBoxOptions;
    const box: Box = { ...options, parent: b !== undefined, sync: false };
    state.boxes.push(box);
    const answer = answerFor(box);
    if (answer !== 'hang') return Promise.resolve({ response: answer, checkboxChecked: false });
    return new Promise((resolve) => {
      options.signal?.addEventListener('abort', () => {
        box.aborted = true;
        resolve({ response: options.cancelId ?? 0, checkboxChecked: false });
      });
    });
  },
  showMessageBoxSync(a: unknown, b?: MessageBoxOptions) {
    const options = (b ?? a) as MessageBoxOptions;
    const box: Box = { ...options, parent: b !== undefined, sync: true };
    state.boxes.push(box);
    const answer = answerFor(box);
    if (answer === 'hang') throw new Error('a synchronous box cannot hang');
    return answer;
  },
  showErrorBox(title: string, content: string) {
    state.errorBoxes.push({ title, content });
  },
  showOpenDialog: async () => {
    const p = state.openPaths.shift() ?? null;
    return p ? { canceled: false, filePaths: [p] } : { canceled: true, filePaths: [] };
  },
  showSaveDialog: async (a: unknown, b?: unknown) => {
    state.saveDialogs.push((b ?? a) as Record<string, unknown>);
    return { canceled: true };
  },
};

export const Menu = {
  buildFromTemplate: (t: unknown) => ({ template: t }),
  setApplicationMenu: (m: unknown) => {
    state.menu = m;
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler() {},
    setPermissionCheckHandler() {},
    webRequest: { onBeforeRequest() {} },
  },
};

export const ipcMain = { handled: new Map<string, unknown>(), handle(ch: string, fn: unknown) { this.handled.set(ch, fn); } };
export const shell = {};

export function reset(userData: string): void {
  Object.assign(state, {
    userData,
    packaged: true,
    boxes: [],
    answers: [],
    openPaths: [],
    saveDialogs: [],
    quit: 0,
    exit: null,
    errorBoxes: [],
    menu: null,
    appUserModelId: null,
    windowThrows: null,
    whenReady: () => Promise.resolve(),
  });
  FakeWindow.made = [];
  app.removeAllListeners();
  ipcMain.handled.clear();
}

const built = { app, dialog, Menu, session, ipcMain, shell, BrowserWindow: FakeWindow, state, reset };
const g = globalThis as { __nianbaoFakeElectron?: typeof built };
const one = (g.__nianbaoFakeElectron ??= built);
export const electron = { app: one.app, dialog: one.dialog, Menu: one.Menu, session: one.session, ipcMain: one.ipcMain, shell: one.shell, BrowserWindow: one.BrowserWindow };
export const fake = one;
