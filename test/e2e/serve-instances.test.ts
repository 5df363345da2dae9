/**
 * Two serve:web instances in one browser, and a restart (issue 10, item 8): each instance has its own
 * cookie (the name carries the port), so a second one no longer overwrites the first one's token;
 * a restarted server on the same archive takes the previous port and token, so open tabs keep working.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, launch, serve, type Served } from './helpers';

let browser: Browser;
const dir = mkdtempSync(join(tmpdir(), 'nianbao-instances-'));
const started: Served[] = [];
const start = async (db: string) => {
  const s = await serve({ db });
  started.push(s);
  return s;
};

beforeAll(async () => {
  await ensureBuilt();
  browser = await launch();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  for (const s of started) await s.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

/** archive:list from inside the page, as the app calls it. */
const listFrom = (page: Page) =>
  page.evaluate(async () => {
    const r = await fetch('/api/archive:list', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return { status: r.status, body: (await r.json()) as { ok: boolean; error?: { message: string } } };
  });

describe('serve:web instances', () => {
  it('a second instance in the same browser leaves the first one’s tabs working', async () => {
    const a = await start(join(dir, 'a', 'archive.sqlite'));
    const b = await start(join(dir, 'b', 'archive.sqlite'));
    const context = await browser.newContext();
    const tabA = await context.newPage();
    await tabA.goto(a.url);
    const tabB = await context.newPage();
    await tabB.goto(b.url);
    const names = (await context.cookies()).map((c) => c.name).sort();
    expect(names).toEqual([`nianbao_token_${a.port}`, `nianbao_token_${b.port}`].sort());
    expect(await listFrom(tabA)).toMatchObject({ status: 200, body: { ok: true } });
    expect(await listFrom(tabB)).toMatchObject({ status: 200, body: { ok: true } });
    await context.close();
  });

  it('a restart on the same archive reuses port and token: the open tab keeps working', async () => {
    const db = join(dir, 'c', 'archive.sqlite');
    const first = await start(db);
    expect(statSync(join(dir, 'c', 'serve-web.json')).mode & 0o777).toBe(0o600);
    const context = await browser.newContext();
    const tab = await context.newPage();
    await tab.goto(first.url);
    expect(await listFrom(tab)).toMatchObject({ body: { ok: true } });
    await first.stop();
    const second = await start(db);
    expect({ port: second.port, token: second.token }).toEqual({ port: first.port, token: first.token });
    expect(await listFrom(tab)).toMatchObject({ status: 200, body: { ok: true } });
    await context.close();
  });

  it('when the old port is taken meanwhile, a restart takes another and a new token', async () => {
    const db = join(dir, 'd', 'archive.sqlite');
    const first = await start(db);
    await first.stop();
    // Another instance (another archive) now holds that port.
    const squatter = await serve({ db: join(dir, 'e', 'archive.sqlite'), port: first.port });
    started.push(squatter);
    const second = await start(db);
    expect(second.port).not.toBe(first.port);
    expect(second.token).not.toBe(first.token);
  });
});
