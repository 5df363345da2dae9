/** `npm start` where Electron's binary is missing: one Chinese sentence, then serve:web's URL. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './helpers';

beforeAll(ensureBuilt, 180_000);

it('falls back to serve:web on the default archive and prints the URL', async () => {
  const home = mkdtempSync(join(tmpdir(), 'nianbao-start-'));
  // The default archive is <XDG_CONFIG_HOME>/政府信息公开年报助手/archive.sqlite: point it at a temp folder.
  const child = spawn(process.execPath, [join(ROOT, 'tools/start.mjs')], {
    cwd: ROOT,
    // An Electron dist folder without the binary: the fallback is taken on every machine, including
    // one where Electron was downloaded (the test used to pass only where it was absent).
    env: { ...process.env, XDG_CONFIG_HOME: home, NIANBAO_DB: '', ELECTRON_OVERRIDE_DIST_PATH: mkdtempSync(join(tmpdir(), 'nianbao-no-electron-')) },
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no URL:\n${err}`)), 30_000);
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
        if (line) (clearTimeout(t), resolve(line));
      });
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);
    expect(err).toContain('本机没有 Electron 程序文件（也无法下载），改为在浏览器中使用年报助手');
    expect(err).toContain(join(home, '政府信息公开年报助手', 'archive.sqlite'));
  } finally {
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  }
});
