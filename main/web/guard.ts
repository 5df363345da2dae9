/**
 * The door rules of the local web server: only this machine, only this server's own name, only
 * the browser that opened the printed link. A page on another site cannot reach the archive
 * (Origin/Host checks stop cross-site requests and DNS rebinding); another local user or program
 * without the per-run token gets nothing (401 without it, 403 with a wrong one).
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * The cookie's name carries the port: browsers send cookies to every port of 127.0.0.1, so one
 * name for all instances let a second serve:web overwrite the first one's token in the same browser
 * (its tabs then failed every save). Each instance reads only its own.
 */
export const tokenCookieName = (port: number): string => `nianbao_token_${port}`;

export type Verdict = { ok: true; via: 'cookie' | 'query' } | { ok: false; status: 401 | 403; message: string };

export function ownOrigin(port: number): string {
  return `http://127.0.0.1:${port}`;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Host and Origin must name this server exactly; Sec-Fetch-Site must not say cross-site. */
export function checkOrigin(req: IncomingMessage, port: number): Verdict | null {
  if (req.headers.host !== `127.0.0.1:${port}`) return { ok: false, status: 403, message: '拒绝访问：请求的主机名不是本服务' };
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== ownOrigin(port)) return { ok: false, status: 403, message: '拒绝访问：请求来自其他网站' };
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return { ok: false, status: 403, message: '拒绝访问：请求来自其他网站' };
  return null;
}

/** The token from the HttpOnly cookie, or (first visit) from `?token=` in the printed URL. */
export function checkToken(req: IncomingMessage, url: URL, token: string, port: number): Verdict {
  const fromCookie = cookieValue(req.headers.cookie, tokenCookieName(port));
  if (fromCookie !== undefined && sameSecret(fromCookie, token)) return { ok: true, via: 'cookie' };
  const fromQuery = url.searchParams.get('token');
  if (fromQuery !== null && sameSecret(fromQuery, token)) return { ok: true, via: 'query' };
  if (fromCookie === undefined && fromQuery === null)
    return { ok: false, status: 401, message: '需要访问令牌：请使用启动时显示的完整网址打开' };
  return { ok: false, status: 403, message: '访问令牌不正确：请使用本次启动时显示的完整网址打开' };
}

export const tokenCookie = (token: string, port: number): string => `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
