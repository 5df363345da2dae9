/**
 * serve:web — the renderer in an ordinary browser, with the real services behind it: each
 * `POST /api/<channel>` is `dispatch(handlers, channel, body)` on the same archive file the
 * desktop app uses. Listens on 127.0.0.1 only. The renderer sends channel names and report data,
 * never a file path.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { dispatch, isChannel, type Logger } from '../api/dispatch';
import type { Handlers } from '../api/handlers';
import { buildPrintPage, PRINT_PAGE_CSP } from '../export/print-page';
import { buildCheckReportPage, checkedAtLabel } from '../export/check-report';
import { checkOrigin, checkToken, ownOrigin, tokenCookie } from './guard';
import { cspOf, staticFile } from './static';

/** An 11 MB file in base64 (a published PDF with its fonts); still one bounded buffer per request. */
export const MAX_BODY = 16 * 1024 * 1024;

export interface WebServerOptions {
  handlers: Handlers;
  /** The built renderer (out/renderer). */
  root: string;
  port?: number;
  token?: string;
  log?: Logger;
}

export interface WebServer {
  server: Server;
  port: number;
  token: string;
  /** The URL to open: origin plus the token. */
  url: string;
  close: () => Promise<void>;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Length': String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

const json = (value: unknown) => JSON.stringify(value);

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY) return resolve('too-large');
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        req.removeAllListeners('data');
        req.resume();
        resolve('too-large');
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startWebServer(o: WebServerOptions): Promise<WebServer> {
  const token = o.token ?? randomBytes(32).toString('base64url');
  const csp = cspOf(readFileSync(join(o.root, 'index.html'), 'utf8'));
  const base: Record<string, string> = {
    'Content-Security-Policy': `${csp}; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
  const apiHeaders = { ...base, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  const refuse = (res: ServerResponse, status: number, message: string, api: boolean) =>
    api
      ? send(res, status, apiHeaders, json({ ok: false, error: { code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN', message } }))
      : send(res, status, { ...base, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }, message);

  let port = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', ownOrigin(port));
    const isApi = url.pathname.startsWith('/api/');
    const origin = checkOrigin(req, port);
    if (origin && !origin.ok) return refuse(res, origin.status, origin.message, isApi);
    const auth = checkToken(req, url, token, port);
    if (!auth.ok) return refuse(res, auth.status, auth.message, isApi);

    if (isApi) {
      if (req.method !== 'POST') return send(res, 405, { ...apiHeaders, Allow: 'POST' }, json({ ok: false, error: { code: 'METHOD', message: '只接受 POST 请求' } }));
      if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
        return send(res, 415, apiHeaders, json({ ok: false, error: { code: 'BAD_INPUT', message: '请求内容应为 JSON' } }));
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice('/api/'.length));
      } catch {
        // A malformed escape (/api/%E0%A4%A) is the caller's mistake, not the server's.
        return send(res, 400, apiHeaders, json({ ok: false, error: { code: 'BAD_INPUT', message: '接口名称有误' } }));
      }
      if (!isChannel(channel)) return send(res, 404, apiHeaders, json({ ok: false, error: { code: 'NOT_FOUND', message: '没有这个接口' } }));
      const body = await readBody(req);
      if (body === 'too-large')
        return send(res, 413, { ...apiHeaders, Connection: 'close' }, json({ ok: false, error: { code: 'TOO_LARGE', message: '请求内容超过 16 MB，未处理' } }));
      let input: unknown;
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {};
      } catch {
        return send(res, 400, apiHeaders, json({ ok: false, error: { code: 'BAD_INPUT', message: '请求内容不是有效的 JSON' } }));
      }
      const result = await dispatch(o.handlers, channel, input, o.log);
      return send(res, 200, apiHeaders, json(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { ...base, Allow: 'GET, HEAD' }, '');
    const print = /^\/print\/(\d{1,15})$/.exec(url.pathname);
    if (print && auth.via !== 'query') {
      // The printable page of one report (export:print in the browser mode): no script, its own CSP.
      const opened = await dispatch(o.handlers, 'report:open', { id: Number(print[1]) }, o.log);
      if (!opened.ok) return send(res, 404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }, opened.error.message);
      // ?view=checks: the check report (export:checks), else the report itself.
      const page = Buffer.from(
        url.searchParams.get('view') === 'checks'
          ? buildCheckReportPage(opened.value.report, opened.value.findings, checkedAtLabel(new Date()))
          : buildPrintPage(opened.value.report),
        'utf8',
      );
      res.writeHead(200, { ...base, 'Content-Security-Policy': PRINT_PAGE_CSP, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : page);
      return;
    }
    if (auth.via === 'query') {
      // First visit with the printed link: keep the token in a cookie and drop it from the address bar.
      return send(res, 303, { ...base, 'Set-Cookie': tokenCookie(token, port), Location: '/', 'Cache-Control': 'no-store' }, '');
    }
    const file = staticFile(o.root, url.pathname);
    if (!file) return send(res, 404, { ...base, 'Content-Type': 'text/plain; charset=utf-8' }, '找不到这个页面');
    const cache = url.pathname.startsWith('/assets/') ? 'private, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...base, 'Content-Type': file.type, 'Content-Length': String(file.body.length), 'Cache-Control': cache });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      o.log?.('web request failed', { error: (e as Error).stack ?? String(e) });
      if (!res.headersSent) send(res, 500, apiHeaders, json({ ok: false, error: { code: 'INTERNAL', message: '本机服务出现意外错误' } }));
      else res.destroy();
    });
  });
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `${ownOrigin(port)}/?token=${token}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
