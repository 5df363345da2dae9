#!/usr/bin/env node
/**
 * `npm start`: builds the app when its sources are newer than out/, then starts Electron. Where
 * Electron's binary is missing (its download is not possible on this machine) it says so in one
 * sentence and opens the same app with serve:web on the default archive instead. The binary is
 * looked up the way the electron package does, without ever triggering its download.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = join(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));

function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((t, name) => Math.max(t, newest(join(path, name))), 0);
}

function stale() {
  const outputs = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'].map((p) => join(root, p));
  if (outputs.some((p) => !existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return ['main', 'preload', 'renderer', 'report', 'electron.vite.config.ts'].some((p) => newest(join(root, p)) > built);
}

if (stale()) {
  const bin = join(dirname(require.resolve('electron-vite/package.json')), 'bin/electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** The Electron executable, or null when it was never downloaded. */
function electronBinary() {
  let dir;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(dir, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
    return existsSync(p) ? p : null;
  }
  if (!name) return null;
  const p = join(dir, 'dist', name);
  return existsSync(p) ? p : null;
}

const forward = (child) => {
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
};

const electron = process.env.NIANBAO_NO_ELECTRON ? null : electronBinary();
if (electron) {
  forward(spawn(electron, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
} else {
  console.error('本机没有 Electron 程序文件（也无法下载），改为在浏览器中使用年报助手，请打开下面的网址：');
  forward(spawn(process.execPath, [join(root, 'tools/cli.mjs'), '--serve-web', '--no-build', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }));
}
