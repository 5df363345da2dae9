/**
 * `electron-builder --linux dir` with a stand-in Electron (the real one cannot be downloaded here):
 * proves asar packing, the runtime node_modules, the unpacked native binary, the excluded files and
 * the fuse step. npm does not resolve a symlinked node_modules (this worktree's), so the build runs
 * in a staging copy with a real one, as after `npm ci`. A build whose fuse step fails must fail.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageProject } from './stage';

const require = createRequire(import.meta.url);
const asar = require('@electron/asar') as { listPackage(p: string): string[] };
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const { checkTree } = require('../../tools/packaging/glibc-floor.cjs');

let stage = '';

function builder(args: string[]) {
  return spawnSync(process.execPath, [join(stage, 'node_modules/electron-builder/cli.js'), ...args], { cwd: stage, encoding: 'utf8', timeout: 150_000 }); // a loaded 2-core machine
}

beforeAll(() => {
  stage = stageProject('nianbao-package-');
  execFileSync(process.execPath, ['tools/packaging/stand-in-electron.cjs', 'stand-in-unfusable', '--no-fuses'], { cwd: stage });
}, 120_000);
// Removing the staged node_modules copy takes longer than the default 10 s on a loaded machine.
afterAll(() => {
  if (stage) rmSync(stage, { recursive: true, force: true });
}, 120_000);

describe('package:dir', () => {
  it('packs the app into app.asar with its runtime modules and better-sqlite3 unpacked', async () => {
    const r = builder(['--linux', 'dir', '--x64', '-c.electronDist=stand-in', '--publish', 'never']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/cannot find path for dependency/);

    const out = join(stage, 'release/linux-unpacked');
    const files = asar.listPackage(join(out, 'resources/app.asar')).map((f) => f.replaceAll('\\', '/'));
    for (const f of ['/package.json', '/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html']) expect(files).toContain(f);
    // Runtime dependencies and their own dependencies are there (exceljs needs archiver, docx needs nanoid).
    for (const m of ['better-sqlite3', 'docx', 'exceljs', 'zod', 'archiver', 'nanoid', 'jszip']) expect(files).toContain(`/node_modules/${m}/package.json`);
    expect(files).toContain('/node_modules/better-sqlite3/lib/index.js');
    // The 图解's renderer: WebAssembly read with readFileSync, which Electron serves from inside the asar.
    for (const f of ['index.js', 'index_bg.wasm']) expect(files).toContain(`/node_modules/@resvg/resvg-wasm/${f}`);
    // Nothing of the development tree or the sources.
    for (const bad of [/^\/(main|preload|renderer|report|test|tools)\//, /^\/node_modules\/(electron|electron-builder|vite|vitest|typescript|react|react-dom|tsx)\//, /\.map$/, /\.ts$/])
      expect(files.filter((f) => bad.test(f)), String(bad)).toEqual([]);
    expect(files.filter((f) => f.startsWith('/node_modules/better-sqlite3/') && /\/(deps|src)\//.test(f))).toEqual([]);

    // better-sqlite3's own Linux prebuilds (glibc 2.34, libstdc++) stay out; our build is in resources/native.
    expect(files.filter((f) => f.startsWith('/node_modules/better-sqlite3/prebuilds/'))).toEqual([]);
    expect(existsSync(join(out, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds'))).toBe(false);
    expect(readdirSync(join(out, 'resources/native'))).toEqual(['better_sqlite3.node']);
    const { files: modules, failures } = checkTree(out, { arch: 'x64' });
    expect(modules).toEqual([join(out, 'resources/native/better_sqlite3.node')]);
    expect(failures).toEqual([]);
    expect(r.stdout).toMatch(/glibc floor: 1 native module/);

    const wire = await getCurrentFuseWire(join(out, 'nianbao'));
    expect(String.fromCharCode(wire[FuseV1Options.RunAsNode])).toBe('0');
    expect(String.fromCharCode(wire[FuseV1Options.OnlyLoadAppFromAsar])).toBe('1');
  }, 180_000);

  it('fails the build when the fuses cannot be set', () => {
    rmSync(join(stage, 'release'), { recursive: true, force: true });
    const r = builder(['--linux', 'dir', '--x64', '-c.electronDist=stand-in-unfusable', '--publish', 'never']);
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/fuses could not be set/);
    expect(existsSync(join(stage, 'release/linux-unpacked/resources/app.asar'))).toBe(true); // packed, then refused
  }, 180_000);
});
