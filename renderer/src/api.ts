/**
 * The renderer's one door to main: `window.api` from the preload in the desktop app, or, when the
 * page is served by `serve:web` in a plain browser, the same methods over the local bridge.
 */
import { API_METHODS, type Api, type ApiInput } from '../../report/api';

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

/** True in the desktop app (the preload gave us window.api). */
export const isDesktop = Boolean(window.api);

export const api: Api = window.api ?? webApi();

/** Browsers drop ordinary requests of a closing page; a keepalive request may carry up to 64 KB. */
const KEEPALIVE_LIMIT = 60_000;

/**
 * In the browser, a save that outlives the closing page. Returns false where it cannot be used
 * (desktop app, or a report too large), so the caller holds the page open and saves normally.
 */
export function saveOnUnload(input: ApiInput<'report:save'>): boolean {
  if (isDesktop) return false;
  const body = JSON.stringify(input);
  if (new Blob([body]).size > KEEPALIVE_LIMIT) return false;
  try {
    void fetch('/api/report:save', {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body,
    });
    return true;
  } catch {
    return false;
  }
}
