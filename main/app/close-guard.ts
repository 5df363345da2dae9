/**
 * A window that always closes, and nothing typed lost without the clerk being told.
 *
 * The editor's beforeunload handler holds a close while a save is on its way and closes the window
 * itself once it has landed (renderer/src/editor/useAutosave.ts). When that save fails (disk full,
 * read-only, a conflict) it would hold every close for ever: Electron cancels a prevented unload
 * silently. Electron reports each held close as 'will-prevent-unload'; calling preventDefault()
 * there ignores the page's handler and lets the window close (Electron 45 webContents docs).
 *
 * - A first held close gets GRACE_MS to finish on its own (the normal case: a save in flight).
 * - Still open after that, or the clerk clicks × again: a native dialog「还有修改未能保存」with
 *   仍然关闭 / 取消 (取消 is the default: Enter or Esc keeps the window and the unsaved edits).
 * - 'unresponsive' (a hung page cannot even run beforeunload): 等待 / 强制关闭; the dialog goes away
 *   by itself when the page answers again.
 */
import type { MessageBoxOptions, MessageBoxReturnValue } from 'electron';

export const GRACE_MS = 4000;

export const UNSAVED = {
  message: '还有修改未能保存',
  detail:
    '最近的修改还没有保存到档案中（可能是磁盘已满、档案文件只读或被占用）。\n\n' +
    '档案里保存的是最后一次成功保存的内容，以前的版本都在「历史版本」中；没有保存的修改只在这个窗口里，关闭后就会丢失。\n\n' +
    '点“取消”回到窗口，可以先「导出」把当前内容另存为文件，或解决问题后等待自动保存。',
  buttons: ['仍然关闭', '取消'],
  /** The button that keeps things as they are (Enter, Esc, closing the dialog). */
  safe: 1,
};

export const UNRESPONSIVE = {
  message: '窗口没有响应',
  detail: '程序可能正在处理较大的文件，可以再等一会儿。\n\n强制关闭后，最后一次自动保存之后的修改可能丢失；档案文件本身不会损坏。',
  buttons: ['等待', '强制关闭'],
  safe: 0,
};

type Listener = (event: { preventDefault(): void }) => void;

/** The parts of a BrowserWindow this uses (a stand-in in tests). */
export interface GuardedWindow {
  on(event: 'unresponsive' | 'responsive' | 'closed', listener: () => void): unknown;
  close(): void;
  destroy(): void;
  isDestroyed(): boolean;
  webContents: { on(event: 'will-prevent-unload', listener: Listener): unknown };
}

export interface Dialogs {
  /** Synchronous: the held unload must be decided before the handler returns. */
  askSync(options: MessageBoxOptions): number;
  ask(options: MessageBoxOptions): Promise<MessageBoxReturnValue>;
}

export interface Timer {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimer: Timer = { set: (fn, ms) => setTimeout(fn, ms), clear: (h) => clearTimeout(h as NodeJS.Timeout) };

export function guardClose(win: GuardedWindow, dialogs: Dialogs, options: { title: string; log?: (m: string, d?: Record<string, unknown>) => void; timer?: Timer; graceMs?: number }): void {
  const timer = options.timer ?? realTimer;
  const log = options.log ?? (() => {});
  const box = (text: typeof UNSAVED | typeof UNRESPONSIVE): MessageBoxOptions => ({
    type: 'warning',
    title: options.title,
    message: text.message,
    detail: text.detail,
    buttons: text.buttons,
    defaultId: text.safe,
    cancelId: text.safe,
    noLink: true,
  });
  let held: unknown = null; // the grace timer of a close the page is holding
  let forced = false;
  let asking = false;

  const clearHeld = () => {
    if (held !== null) timer.clear(held);
    held = null;
  };

  win.webContents.on('will-prevent-unload', (event) => {
    if (forced) {
      event.preventDefault();
      return;
    }
    if (held === null && !asking) {
      // Give a save in flight the chance to finish; the page then closes the window itself.
      held = timer.set(() => {
        held = null;
        if (win.isDestroyed() || asking) return;
        asking = true;
        log('close held by unsaved changes');
        void dialogs.ask(box(UNSAVED)).then(({ response }) => {
          asking = false;
          if (response !== 0 || win.isDestroyed()) return;
          log('closed with unsaved changes');
          forced = true;
          win.close();
        });
      }, options.graceMs ?? GRACE_MS);
      return;
    }
    if (asking) return; // the question is already on screen
    // The clerk clicked × again while the close was held: ask now.
    clearHeld();
    asking = true;
    const response = dialogs.askSync(box(UNSAVED));
    asking = false;
    if (response === 0) {
      log('closed with unsaved changes');
      forced = true;
      event.preventDefault();
    }
  });

  let waiting: AbortController | null = null;
  win.on('unresponsive', () => {
    if (waiting || win.isDestroyed()) return;
    log('window unresponsive');
    waiting = new AbortController();
    const signal = waiting.signal;
    void dialogs.ask({ ...box(UNRESPONSIVE), signal }).then(({ response }) => {
      waiting = null;
      if (signal.aborted || response !== 1 || win.isDestroyed()) return;
      log('window force-closed while unresponsive');
      // destroy() skips beforeunload, which a hung page could never answer.
      win.destroy();
    });
  });
  win.on('responsive', () => {
    waiting?.abort();
    waiting = null;
  });
  win.on('closed', clearHeld);
}
