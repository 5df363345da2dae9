/** serve:web's door: 127.0.0.1 only, its own Host and Origin only, the per-run token, bounded bodies. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY } from '../../main/web/server';
import { ensureBuilt, ROOT, serve, type Served } from './helpers';

let s: Served;
beforeAll(async () => {
  await ensureBuilt();
  s = await serve();
}, 180_000);
afterAll(async () => {
  await s?.stop();
}, 60_000);

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(path: string, o: { method?: string; headers?: Record<string, string>; body?: string | Buffer; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: s.port, path, method: o.method ?? 'GET', headers: { Host: o.host ?? `127.0.0.1:${s.port}`, ...o.headers } },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (o.body) req.write(o.body);
    req.end();
  });
}
const cookie = () => ({ Cookie: `nianbao_token_${s.port}=${s.token}` });
const api = (channel: string, body: unknown, headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, { method: 'POST', headers: { ...cookie(), 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('serve:web', () => {

  it('prints a URL on 127.0.0.1 with a random token, and takes a free port without --port', () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,}$/);
    expect(s.port).toBeGreaterThan(0);
  });

  it('without the token: 401; with a wrong token: 403 (page and API alike)', async () => {
    expect((await call('/')).status).toBe(401);
    expect((await call('/?token=wrong')).status).toBe(403);
    expect((await call('/', { headers: { Cookie: `nianbao_token_${s.port}=wrong` } })).status).toBe(403);
    const r = await call('/api/archive:list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('the printed link sets an HttpOnly SameSite=Strict cookie and drops the token from the address', async () => {
    const r = await call(`/?token=${s.token}`);
    expect(r.status).toBe(303);
    expect(r.headers.location).toBe('/');
    expect(r.headers['set-cookie']).toEqual([`nianbao_token_${s.port}=${s.token}; HttpOnly; SameSite=Strict; Path=/`]);
    const page = await call('/', { headers: cookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root"></div>');
  });

  it('rejects a Host or Origin that is not its own (DNS rebinding, other sites)', async () => {
    expect((await call('/', { headers: cookie(), host: `localhost:${s.port}` })).status).toBe(403);
    expect((await call('/', { headers: cookie(), host: 'evil.example' })).status).toBe(403);
    expect((await api('archive:list', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('archive:list', {}, { Origin: `http://localhost:${s.port}` })).status).toBe(403);
    expect((await api('archive:list', {}, { 'Sec-Fetch-Site': 'cross-site' })).status).toBe(403);
    expect((await api('archive:list', {}, { Origin: s.origin })).status).toBe(200);
  });

  it('sends the page CSP and security headers; the API is never cached', async () => {
    const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
    const meta = /content="(default-src[^"]+)"/.exec(html)![1]!.replace(/\s+/g, ' ').trim();
    const page = await call('/', { headers: cookie() });
    expect(page.headers['content-security-policy']).toBe(`${meta}; frame-ancestors 'none'`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    const r = await api('archive:list', {});
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: { agencies: [], reports: [] } });
  });

  it('runs the real services on the archive file, with their validation', async () => {
    const created = JSON.parse((await api('report:create', { agency: '白沙镇人民政府', year: 2024 })).body);
    expect(created.ok).toBe(true);
    expect(created.value.summary).toMatchObject({ agency: '白沙镇人民政府', year: 2024, format: 'gov-2021', deadline: '2025-01-31' });
    const bad = JSON.parse((await api('report:create', { agency: '', year: 2024 })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    expect(bad.error.message).toContain('机关名称不能为空');
  });

  it('bounds bodies, wants JSON, knows only its channels', async () => {
    const big = Buffer.alloc(MAX_BODY + 10, 0x20);
    expect((await call('/api/report:check', { method: 'POST', headers: { ...cookie(), 'Content-Type': 'application/json' }, body: big })).status).toBe(413);
    expect((await call('/api/archive:list', { method: 'POST', headers: { ...cookie(), 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await call('/api/archive:list', { method: 'POST', headers: { ...cookie(), 'Content-Type': 'application/json' }, body: '{' })).status).toBe(400);
    expect((await api('fs:write', {})).status).toBe(404);
    // A malformed escape in the channel name is a bad request, not a server error.
    const malformed = await call('/api/%E0%A4%A', { method: 'POST', headers: { ...cookie(), 'Content-Type': 'application/json' }, body: '{}' });
    expect([malformed.status, JSON.parse(malformed.body).error.message]).toEqual([400, '接口名称有误']);
    expect((await call('/api/archive:list', { headers: cookie() })).status).toBe(405);
    expect((await call('/../package.json', { headers: cookie() })).status).toBe(404);
    expect((await call('/%2e%2e/package.json', { headers: cookie() })).status).toBe(404);
  });

  it('listens on 127.0.0.1 only', async () => {
    const others = Object.values(networkInterfaces()).flat().filter((i) => i && !i.internal).map((i) => i!.address);
    for (const host of ['::1', ...others]) {
      const refused = await new Promise<boolean>((resolve) => {
        const sock = connect({ host, port: s.port });
        sock.once('connect', () => (sock.destroy(), resolve(false)));
        sock.once('error', () => resolve(true));
      });
      expect(refused, `reachable on ${host}`).toBe(true);
    }
  });

  it('takes the port given with --port, and refuses a bad one in Chinese', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as { port: number }).port;
        probe.close(() => resolve(p));
      });
    });
    const other = await serve({ port });
    try {
      expect(other.url.startsWith(`http://127.0.0.1:${port}/?token=`)).toBe(true);
      expect(other.token).not.toBe(s.token);
    } finally {
      await other.stop();
    }
    const bad = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'main/web/cli.ts'), '--port', 'abc', '--db', join(tmpdir(), 'never.sqlite')], { cwd: ROOT });
    let err = '';
    bad.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise((r) => bad.on('exit', r));
    expect(code).toBe(1);
    expect(err).toContain('端口号“abc”无效');
  });
  it('serves the printable page of a report behind the token: A4 rules, no script, its own CSP', async () => {
    const created = JSON.parse((await api('report:create', { agency: '打印测试镇人民政府', year: 2025 })).body);
    const id = created.value.summary.id as number;
    const printed = JSON.parse((await api('export:print', { id })).body);
    expect(printed).toEqual({ ok: true, value: { printed: false, url: `/print/${id}` } });
    const page = await call(`/print/${id}`, { headers: cookie() });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
    expect(page.body).toContain('打印测试镇人民政府2025年政府信息公开工作年度报告');
    expect(page.body).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(page.body).toContain('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）');
    expect(page.body).not.toMatch(/<script/i);
    expect((await call(`/print/${id}`)).status).toBe(401);
    expect((await call('/print/999999', { headers: cookie() })).status).toBe(404);
  });
});
