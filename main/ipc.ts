/** Registers one handler per channel; each checks the sender is our window's main frame, then dispatches. */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS } from '../report/api';
import { dispatch, type Logger } from './api/dispatch';
import type { Handlers } from './api/handlers';
import { isAppUrl } from './security';

export function registerIpc(ipc: IpcMain, handlers: Handlers, trusted: () => { contents: WebContents | null; appUrl: string }, log: Logger): void {
  for (const channel of CHANNELS) {
    ipc.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      const { contents, appUrl } = trusted();
      const frameUrl = event.senderFrame?.url ?? '';
      if (event.sender !== contents || !isAppUrl(frameUrl, appUrl)) {
        log('ipc from untrusted sender refused', { channel });
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } };
      }
      return dispatch(handlers, channel, input, log);
    });
  }
}
