/**
 * Registers one handler per channel; each checks that the call comes from our window's main frame,
 * then dispatches. The check compares objects, not URL strings: Chromium may spell the same file
 * URL differently from pathToFileURL (an upper-cased Windows drive letter when the app was started
 * from `c:\…`), which would refuse every call. Identity of the frame plus the file: protocol is
 * exact: only the page the window loaded from disk can be that frame (navigation is denied).
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../report/api';
import { dispatch, type Logger } from './api/dispatch';
import type { Handlers } from './api/handlers';

/** Our window's main frame, still attached, showing a local file. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, contents: WebContents | null): boolean {
  const frame = event.senderFrame;
  if (!contents || event.sender !== contents || !frame || frame !== contents.mainFrame) return false;
  // A frame that is being unloaded (Electron's `detached`) may no longer be the page we loaded.
  if ((frame as { detached?: boolean }).detached) return false;
  try {
    return new URL(frame.url).protocol === 'file:';
  } catch {
    return false;
  }
}

export function registerIpc(ipc: IpcMain, handlers: Handlers, trusted: () => WebContents | null, log: Logger): void {
  for (const channel of CHANNELS) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, trusted())) {
        log('ipc from untrusted sender refused', { channel });
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
      }
      return dispatch(handlers, channel, input, log);
    });
  }
}
