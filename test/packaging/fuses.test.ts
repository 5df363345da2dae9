/** The fuse step against a stand-in binary that carries Electron's fuse wire. */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../lifecycle/helpers';

const require = createRequire(import.meta.url);
const { applyFuses, fuseConfigFor, electronBinary, STATE } = require('../../tools/packaging/fuses.cjs');
const afterPack = require('../../tools/packaging/after-pack.cjs');
const { makeStandIn, DOCUMENTED_DEFAULTS } = require('../../tools/packaging/stand-in-electron.cjs');
const { writeStandInNative } = require('../../tools/packaging/stand-in-native.cjs');
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');

// A Linux package also carries the self-built better-sqlite3 (the afterPack hook checks its glibc floor).
const context = (appOutDir: string, platform = 'linux') => {
  if (platform === 'linux') writeStandInNative(join(appOutDir, 'resources/native/better_sqlite3.node'));
  return { appOutDir, arch: 1, electronPlatformName: platform, packager: { executableName: 'electron', appInfo: { productFilename: '政府信息公开年报助手' } } };
};

describe('fuses', () => {
  it('the stand-in carries Electron\'s documented defaults, one per fuse, in wire order', async () => {
    const bin = join(makeStandIn(tempDir()), 'electron');
    const wire = await getCurrentFuseWire(bin);
    // Every fuse the tool knows is in the table at its own index (a new fuse must be looked up and added).
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(DOCUMENTED_DEFAULTS.slice(0, known.length).map(([name]: [string]) => name)).toEqual(known);
    expect(DOCUMENTED_DEFAULTS.map(([name]: [string]) => name).slice(known.length)).toEqual(['WasmTrapHandlers']);
    expect(wire[FuseV1Options.RunAsNode]).toBe(STATE.on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(STATE.off);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(STATE.on);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(STATE.off);
    // The wire is as long as the table: 9 fuses, the last one unknown to the tool and left as shipped.
    const bytes = readFileSync(bin);
    const at = bytes.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 32;
    expect(bytes[at + 1]).toBe(9);
    await afterPack(context(join(bin, '..')));
    expect(String.fromCharCode(readFileSync(bin)[at + 2 + 8]!)).toBe('1');
  });

  it('turns RunAsNode, NODE_OPTIONS and --inspect off and asar-only on (off by default), and reads them back', async () => {
    const dir = makeStandIn(tempDir());
    const bin = join(dir, 'electron');
    const before = await getCurrentFuseWire(bin);
    expect(before[FuseV1Options.RunAsNode]).toBe(STATE.on);
    expect(before[FuseV1Options.OnlyLoadAppFromAsar]).toBe(STATE.off);
    await afterPack(context(dir));
    const after = await getCurrentFuseWire(bin);
    expect(after[FuseV1Options.RunAsNode]).toBe(STATE.off);
    expect(after[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(STATE.off);
    expect(after[FuseV1Options.EnableNodeCliInspectArguments]).toBe(STATE.off);
    expect(after[FuseV1Options.OnlyLoadAppFromAsar]).toBe(STATE.on);
    // The window loads out/renderer/index.html from file://: its privileges stay as Electron ships them (on).
    expect(after[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(STATE.on);
    // Untouched on Linux (no embedded asar integrity there), and cookie encryption left as shipped.
    expect(after[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(STATE.off);
    expect(after[FuseV1Options.EnableCookieEncryption]).toBe(before[FuseV1Options.EnableCookieEncryption]);
  });

  it('enables embedded asar integrity validation on Windows', async () => {
    expect(fuseConfigFor('win32')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuseConfigFor('linux')[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBeUndefined();
    const dir = tempDir();
    makeStandIn(dir);
    writeFileSync(join(dir, 'nianbao.exe'), readFileSync(join(dir, 'electron')));
    const ctx = { ...context(dir, 'win32'), packager: { executableName: 'nianbao', appInfo: { productFilename: 'x' } } };
    expect(electronBinary(ctx)).toBe(join(dir, 'nianbao.exe'));
    await afterPack(ctx);
    expect((await getCurrentFuseWire(join(dir, 'nianbao.exe')))[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(STATE.on);
  });

  it('fails (so the build fails) when the binary has no fuse wire, a too-short wire, or is missing', async () => {
    const none = makeStandIn(tempDir(), { fuses: false });
    await expect(afterPack(context(none))).rejects.toThrow(/sentinel/);
    const short = tempDir();
    makeStandIn(short);
    const bytes = readFileSync(join(short, 'electron'));
    const at = bytes.indexOf('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX') + 33;
    bytes[at] = 4; // a wire of 4 fuses cannot hold OnlyLoadAppFromAsar (index 5)
    writeFileSync(join(short, 'electron'), bytes);
    await expect(applyFuses(join(short, 'electron'), 'linux')).rejects.toThrow(/not long enough/);
    await expect(afterPack(context(tempDir()))).rejects.toThrow(/not found/);
  });
});
