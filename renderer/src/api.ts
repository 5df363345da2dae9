/**
 * The renderer's one door to main: `window.api` from the preload in the desktop app, or, when the
 * page is served by `serve:web` in a plain browser, the same methods over the local bridge.
 */
import { API_METHODS, type Api } from '../../report/api';

declare global {
  interface Window {
    api?: Api;
  }
}

function webApi(): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, channel] of Object.entries(API_METHODS)) {
    api[method] = async (input: unknown) => {
      try {
        const res = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as unknown;
      } catch {
        return { ok: false, error: { code: 'OFFLINE', message: '与本机服务的连接已断开，请重新打开页面' } };
      }
    };
  }
  return api as unknown as Api;
}

export const api: Api = window.api ?? webApi();
