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

/** The fuse wire as Electron 45 ships it: version 1, 8 fuses (RunAsNode etc. enabled). */
function fuseWire() {
  return Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, 8]), Buffer.from('10110100', 'latin1')]);
}

function makeStandIn(dir, { fuses = true } = {}) {
  mkdirSync(dir, { recursive: true });
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron: cannot run" >&2\nexit 1\n# ', 'utf8');
  writeFileSync(join(dir, 'electron'), fuses ? Buffer.concat([script, fuseWire(), Buffer.from('\n')]) : script);
  chmodSync(join(dir, 'electron'), 0o755);
  writeFileSync(join(dir, 'LICENSE'), 'stand-in\n');
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<p>stand-in</p>\n');
  writeFileSync(join(dir, 'version'), '45.4.1');
  return dir;
}

module.exports = { makeStandIn, fuseWire };

if (require.main === module) {
  const [dir, flag] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node tools/packaging/stand-in-electron.cjs <dir> [--no-fuses]');
    process.exit(2);
  }
  makeStandIn(dir, { fuses: flag !== '--no-fuses' });
}
