/**
 * A staging copy of the project for electron-builder runs, as after `npm ci` on a clean checkout:
 * the build output, the configuration, the packaging tools, a real node_modules (npm does not
 * resolve a symlinked one), a stand-in Electron (the real one cannot be downloaded here) and a
 * stand-in self-built better-sqlite3 (the real one takes minutes: `npm run test:native`).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, ROOT } from './build';

const require = createRequire(import.meta.url);
const { writeStandInNative } = require('../../tools/packaging/stand-in-native.cjs');

export function stageProject(prefix: string): string {
  ensureBuilt();
  const stage = mkdtempSync(join(tmpdir(), prefix));
  for (const p of ['package.json', 'package-lock.json', 'electron-builder.yml', 'README.md', 'out', 'resources', 'tools/packaging'])
    cpSync(join(ROOT, p), join(stage, p), { recursive: true });
  const nm = lstatSync(join(ROOT, 'node_modules')).isSymbolicLink() ? realpathSync(join(ROOT, 'node_modules')) : join(ROOT, 'node_modules');
  // Hard links where the file system allows them (electron-builder only reads node_modules): seconds, not a minute.
  try {
    execFileSync('cp', ['-al', nm, join(stage, 'node_modules')]);
  } catch {
    cpSync(nm, join(stage, 'node_modules'), { recursive: true, verbatimSymlinks: true });
  }
  execFileSync(process.execPath, ['tools/packaging/stand-in-electron.cjs', 'stand-in'], { cwd: stage });
  writeStandInNative(join(stage, 'build/native/linux-x64/better_sqlite3.node'), { arch: 'x64' });
  return stage;
}

/** The `-c.<key>=<value>` overrides a package.json script passes to electron-builder. */
export function builderOverrides(script: string): string[] {
  return script.match(/-c\.[A-Za-z.]+=\S+/g) ?? [];
}
