/**
 * A stand-in for an unpacked Electron distribution, for `electron-builder --dir` on a machine that
 * cannot download Electron (electronDist=<this folder>). It carries what electron-builder copies
 * (LICENSE, LICENSES.chromium.html, version) and an `electron` file that holds a fuse wire in
 * Electron's format, so the afterPack fuse step runs for real. It is not a runnable Electron.
 *
 * usage: node tools/packaging/stand-in-electron.cjs <dir> [--no-fuses]
 */
const { mkdirSync, writeFileSync, chmodSync } = require('node:fs');
const { join } = require('node:path');
const { SENTINEL } = require('@electron/fuses/dist/constants');

/**
 * Each fuse as an unflipped Electron binary carries it, by the defaults Electron's fuse documentation
 * (docs/tutorial/fuses.md) gives: runAsNode, nodeOptions, nodeCliInspect and
 * grantFileProtocolExtraPrivileges enabled; cookieEncryption, embeddedAsarIntegrityValidation,
 * onlyLoadAppFromAsar and loadBrowserProcessSpecificV8Snapshot disabled. In wire order (the indexes
 * of @electron/fuses' FuseV1Options). The ninth, wasmTrapHandlers (enabled; a fuse only so that apps
 * can switch the trap handlers off, electron/electron#48983), is newer than the @electron/fuses in
 * the lockfile: the real Electron 45 wire is 9 long, and the tool leaves fuses it does not know as
 * they are.
 */
const DOCUMENTED_DEFAULTS = [
  ['RunAsNode', true],
  ['EnableCookieEncryption', false],
  ['EnableNodeOptionsEnvironmentVariable', true],
  ['EnableNodeCliInspectArguments', true],
  ['EnableEmbeddedAsarIntegrityValidation', false],
  ['OnlyLoadAppFromAsar', false],
  ['LoadBrowserProcessSpecificV8Snapshot', false],
  ['GrantFileProtocolExtraPrivileges', true],
  ['WasmTrapHandlers', true],
];

/** The fuse wire of an unflipped Electron: sentinel, version 1, length, one '1'/'0' per fuse. */
function fuseWire() {
  const states = DOCUMENTED_DEFAULTS.map(([, on]) => (on ? '1' : '0')).join('');
  return Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, states.length]), Buffer.from(states, 'latin1')]);
}

function makeStandIn(dir, { fuses = true } = {}) {
  mkdirSync(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run" >&2\nexit 1\n# ', 'utf8');
  writeFileSync(join(dir, 'electron'), fuses ? Buffer.concat([script, fuseWire(), Buffer.from('\n')]) : script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'chrome-sandbox'), '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  writeFileSync(join(dir, 'version'), '45.4.1');
  return dir;
}

module.exports = { makeStandIn, fuseWire, DOCUMENTED_DEFAULTS };

if (require.main === module) {
  const [dir, flag] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tools/packaging/stand-in-electron.cjs <dir> [--no-fuses]');
    process.exit(2);
  }
  makeStandIn(dir, { fuses: flag !== '--no-fuses' });
}
