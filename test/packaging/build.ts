/**
 * Builds out/ once for the tests that read the build output (CSP, preload, packaging). Test files
 * run in parallel processes: a lock folder serialises the build, and a stamp newer than every
 * source file lets the others skip it, so no test reads out/ while another rewrites it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const STAMP = join(ROOT, 'out', '.built');
const LOCK = join(ROOT, '.build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function sourcesNewerThanStamp(): boolean {
  if (!existsSync(STAMP)) return true;
  const stamp = statSync(STAMP).mtimeMs;
  return ['main', 'preload', 'renderer', 'report'].some((d) => newestSource(join(ROOT, d)) > stamp);
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function ensureBuilt(): void {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than two minutes belongs to a run that died.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 120_000) throw new Error('timed out waiting for the build lock');
      sleep(200);
    }
  }
  try {
    if (sourcesNewerThanStamp()) {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'pipe' });
      writeFileSync(STAMP, new Date().toISOString());
    }
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
