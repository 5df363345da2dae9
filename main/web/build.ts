/** Builds the renderer when out/renderer is missing or older than its sources (renderer/ and report/). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function rendererIsStale(root: string): boolean {
  const index = join(root, 'out/renderer/index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  return ['renderer', 'report', 'electron.vite.config.ts'].some((p) => {
    const full = join(root, p);
    return existsSync(full) && (statSync(full).isDirectory() ? newest(full) : statSync(full).mtimeMs) > built;
  });
}

/** Runs `electron-vite build` with this Node; throws with its output when it fails. */
export function buildApp(root: string): void {
  const require = createRequire(join(root, 'package.json'));
  const pkg = require.resolve('electron-vite/package.json');
  const bin = join(dirname(pkg), 'bin/electron-vite.js');
  const r = spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`构建界面失败：\n${r.stdout}\n${r.stderr}`);
}

/** Whether any output of `electron-vite build` (main, preload, renderer) is older than the sources. */
export function appIsStale(root: string): boolean {
  if (rendererIsStale(root)) return true;
  const outputs = ['out/main/index.js', 'out/preload/index.js'].map((p) => join(root, p));
  if (outputs.some((p) => !existsSync(p))) return true;
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  return ['main', 'preload', 'report'].some((p) => newest(join(root, p)) > built);
}

export function ensureRendererBuilt(root: string): boolean {
  if (!rendererIsStale(root)) return false;
  buildApp(root);
  return true;
}
