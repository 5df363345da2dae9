/**
 * Zero network from main: every way Node opens a socket or resolves a name is wrapped, then a
 * full run of the services (create, save, check, revisions, backups, export, import, restore).
 * The browser side is covered by the editor's e2e test.
 */
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { edited, setup, tempDir } from '../lifecycle/helpers';

const attempts: string[] = [];
const restore: (() => void)[] = [];

function wrap<T extends object>(obj: T, key: keyof T & string, label: string): void {
  const original = obj[key];
  (obj as Record<string, unknown>)[key] = (...args: unknown[]) => {
    attempts.push(`${label} ${JSON.stringify(args[0])?.slice(0, 80)}`);
    throw new Error(`network use: ${label}`);
  };
  restore.push(() => ((obj as Record<string, unknown>)[key] = original));
}

beforeAll(() => {
  wrap(net, 'connect', 'net.connect');
  wrap(net, 'createConnection', 'net.createConnection');
  wrap(net.Socket.prototype, 'connect', 'net.Socket.connect');
  wrap(tls, 'connect', 'tls.connect');
  wrap(http, 'request', 'http.request');
  wrap(http, 'get', 'http.get');
  wrap(https, 'request', 'https.request');
  wrap(https, 'get', 'https.get');
  wrap(dns, 'lookup', 'dns.lookup');
  wrap(dns, 'resolve', 'dns.resolve');
  wrap(dns.promises, 'lookup', 'dns.promises.lookup');
  wrap(dgram, 'createSocket', 'dgram.createSocket');
  wrap(globalThis, 'fetch', 'fetch');
});
afterAll(() => restore.forEach((r) => r()));

describe('zero network', () => {
  it('the wrappers catch a connection attempt', () => {
    expect(() => net.connect(80, 'example.com')).toThrow(/network use/);
    expect(attempts).toHaveLength(1);
    attempts.length = 0;
  });

  it('a full service run opens no socket and resolves no name', async () => {
    const a = setup();
    const o = await a.call('report:create', { agency: '某镇人民政府', year: 2024 });
    await a.call('report:create', { agency: '某镇人民政府', year: 2023 });
    const saved = await a.call('report:save', { id: o.summary.id, report: edited(o.report, '内容', 5), baseVersion: o.summary.version });
    expect(saved.summary.id).toBe(o.summary.id);
    await a.call('report:check', { report: o.report, previousId: o.summary.id });
    const revs = await a.call('report:revisions', { id: o.summary.id });
    await a.call('report:restore', { id: o.summary.id, revisionId: revs.at(-1)!.id });
    await a.services.dailyBackup();
    const backup = await a.call('backup:create', {});
    const out = join(tempDir(), 'archive.json');
    a.ports.saves.push(out);
    await a.call('archive:export', {});
    const b = setup();
    b.ports.opens.push(out);
    const preview = await b.call('archive:previewImport', {});
    await b.call('archive:applyImport', { token: preview!.token, decisions: {} });
    await a.call('backup:restore', { name: backup.name });
    await a.call('archive:list', {});
    a.services.close();
    b.services.close();
    expect(attempts).toEqual([]);
  });

  it('the CLI opens no socket either', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.sqlite');
    const io = { out: () => {}, err: () => {}, env: {}, cwd: dir };
    const { runCli } = await import('../../main/cli');
    for (const argv of [
      ['new', '--agency', '某镇人民政府', '--year', '2024', '--db', db],
      ['list', '--db', db],
      ['export', '--agency', '某镇人民政府', '--year', '2024', '--out', join(dir, 'r.docx'), '--db', db],
      ['backup', '--out', join(dir, 'b.sqlite'), '--db', db],
      ['archive-export', '--out', join(dir, 'x.json'), '--db', db],
      ['archive-import', join(dir, 'x.json'), '--db', join(dir, 'c.sqlite')],
      ['restore', join(dir, 'b.sqlite'), '--db', db],
    ])
      expect(await runCli(argv, io), argv.join(' ')).toBe(0);
    expect(attempts).toEqual([]);
  });
});
