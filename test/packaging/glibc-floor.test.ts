/**
 * The glibc floor of the Linux package (UOS 20 / Kylin V10: glibc 2.28, GCC 8's libstdc++): the
 * checker reads real binaries (better-sqlite3's own prebuilds must fail it, for the reasons the
 * issue found), stand-in modules that declare exactly what is tested, and — when they exist —
 * the self-built modules (build/native) and the package:dir output (release/linux-unpacked).
 */
import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../lifecycle/helpers';
import { ROOT } from './build';

const require = createRequire(import.meta.url);
const { checkTree, problems, inspect, FLOOR } = require('../../tools/packaging/glibc-floor.cjs');
const { writeStandInNative } = require('../../tools/packaging/stand-in-native.cjs');
const afterPack = require('../../tools/packaging/after-pack.cjs');
const { makeStandIn } = require('../../tools/packaging/stand-in-electron.cjs');

const prebuilds = join(ROOT, 'node_modules/better-sqlite3/prebuilds');
const standIn = (needs?: Record<string, string[]>, arch = 'x64') => writeStandInNative(join(tempDir(), 'm.node'), { arch, ...(needs ? { needs } : {}) });

describe('glibc floor check', () => {
  it('refuses better-sqlite3 13\'s own Linux prebuilds: glibc 2.34 and GCC 11\'s libstdc++', () => {
    expect(FLOOR).toBe('2.28');
    for (const arch of ['x64', 'arm64']) {
      const found = problems(join(prebuilds, `linux-${arch}.node`), { arch }).join('\n');
      expect(found).toMatch(/GLIBC_2\.34/);
      expect(found).toMatch(/GLIBCXX_3\.4\.29/);
      expect(found).toMatch(/links libstdc\+\+\.so\.6/);
      expect(found).not.toMatch(/not x64|not arm64/);
    }
  });

  it('passes a module that needs glibc 2.28 at most and no C++ runtime, and names every breach', () => {
    expect(problems(standIn())).toEqual([]);
    expect(problems(standIn({ 'libc.so.6': ['GLIBC_2.2.5', 'GLIBC_2.17'], 'libm.so.6': ['GLIBC_2.27'], 'libdl.so.2': ['GLIBC_2.2.5'] }, 'arm64'), { arch: 'arm64' })).toEqual([]);
    expect(problems(standIn({ 'libc.so.6': ['GLIBC_2.29'] }))).toEqual(['needs GLIBC_2.29 (the floor is GLIBC_2.28)']);
    // Version numbers compare as numbers: 2.3 is older than 2.28, 2.100 newer.
    expect(problems(standIn({ 'libc.so.6': ['GLIBC_2.3', 'GLIBC_2.100'] }))).toEqual(['needs GLIBC_2.100 (the floor is GLIBC_2.28)']);
    expect(problems(standIn({ 'libc.so.6': ['GLIBC_2.2.5'], 'libstdc++.so.6': ['GLIBCXX_3.4.25', 'CXXABI_1.3.11'] }))).toEqual([
      'needs libstdc++ CXXABI_1.3.11, GLIBCXX_3.4.25 (the C++ runtime must be linked in)',
      'links libstdc++.so.6 (the C++ runtime must be linked in)',
    ]);
    expect(problems(standIn(undefined, 'arm64'), { arch: 'x64' })).toEqual(['is built for AArch64, not x64']);
    const notElf = join(tempDir(), 'win.node');
    copyFileSync(join(prebuilds, 'win32-x64.node'), notElf);
    expect(problems(notElf)).toEqual(['is not a Linux (ELF) module']);
  });

  it('walks a package folder and reports every .node in it', () => {
    const dir = tempDir();
    writeStandInNative(join(dir, 'resources/native/better_sqlite3.node'));
    copyFileSync(join(prebuilds, 'linux-x64.node'), join(dir, 'stray.node'));
    writeFileSync(join(dir, 'readme.txt'), 'not a module');
    const { files, failures } = checkTree(dir, { arch: 'x64' });
    expect(files).toHaveLength(2);
    expect(failures.map((f: { file: string }) => f.file)).toEqual([join(dir, 'stray.node')]);
  });

  it('fails a Linux build in afterPack when the self-built module is missing or breaks the floor', async () => {
    const ctx = (dir: string) => ({ appOutDir: dir, arch: 1, electronPlatformName: 'linux', packager: { executableName: 'electron', appInfo: { productFilename: 'x' } } });
    const missing = makeStandIn(tempDir());
    await expect(afterPack(ctx(missing))).rejects.toThrow(/native:linux/);
    const upstream = makeStandIn(tempDir());
    writeStandInNative(join(upstream, 'resources/native/better_sqlite3.node'));
    copyFileSync(join(prebuilds, 'linux-x64.node'), join(upstream, 'resources/native/better_sqlite3.node'));
    await expect(afterPack(ctx(upstream))).rejects.toThrow(/GLIBC_2\.34/);
    const wrongArch = makeStandIn(tempDir());
    writeStandInNative(join(wrongArch, 'resources/native/better_sqlite3.node'), { arch: 'arm64' });
    await expect(afterPack(ctx(wrongArch))).rejects.toThrow(/not x64/);
    const good = makeStandIn(tempDir());
    writeStandInNative(join(good, 'resources/native/better_sqlite3.node'));
    await expect(afterPack(ctx(good))).resolves.toBeUndefined();
  });
});

// The real artefacts, when this checkout has built them (`npm run native:linux`, `npm run package:dir`).
const built = ['x64', 'arm64'].filter((a) => existsSync(join(ROOT, `build/native/linux-${a}/better_sqlite3.node`)));
const unpacked = join(ROOT, 'release/linux-unpacked');

describe.skipIf(!built.length)('the self-built better-sqlite3 (build/native)', () => {
  it.each(built)('linux-%s needs glibc ≤ 2.28, no libstdc++, exports only the N-API entry points', (arch) => {
    const file = join(ROOT, `build/native/linux-${arch}/better_sqlite3.node`);
    expect(problems(file, { arch })).toEqual([]);
    const { versions, needed } = inspect(file);
    expect(versions).toContain('GLIBC_2.28');
    expect(needed).not.toContain('libstdc++.so.6');
  });
});

describe.skipIf(!existsSync(unpacked))('release/linux-unpacked (npm run package:dir)', () => {
  it('carries the self-built module and nothing that breaks the floor', () => {
    const { files, failures } = checkTree(unpacked, { arch: 'x64' });
    expect(failures).toEqual([]);
    expect(files).toContain(join(unpacked, 'resources/native/better_sqlite3.node'));
    const prebuiltDir = join(unpacked, 'resources/app.asar.unpacked/node_modules/better-sqlite3/prebuilds');
    expect(existsSync(prebuiltDir) ? readdirSync(prebuiltDir) : []).toEqual([]);
  });
});
