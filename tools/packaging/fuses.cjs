/**
 * Electron fuses for the packaged app, flipped in the binary and read back. A fuse that cannot be
 * set, or reads back wrong, throws: the afterPack hook lets that fail the build, so an app with
 * RunAsNode or NODE_OPTIONS still enabled is never shipped.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { flipFuses, getCurrentFuseWire, FuseVersion, FuseV1Options } = require('@electron/fuses');

const STATE = { off: 48, on: 49 }; // the characters '0' and '1' in the wire

/** The fuses we set, per platform. */
function fuseConfigFor(platform) {
  const config = {
    version: FuseVersion.V1,
    // No `ELECTRON_RUN_AS_NODE=1 nianbao script.js`: the app binary is not a Node interpreter.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS and --inspect would let anyone inject code into the app's main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Code is loaded only from app.asar, never from a loose folder placed next to it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
  };
  // The asar header hash is embedded by electron-builder on Windows and macOS only; Linux
  // Electron has no integrity check to switch on.
  if (platform === 'win32' || platform === 'darwin') config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation] = true;
  return config;
}

/** Where the Electron binary of the packaged app is. */
function electronBinary(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const candidates =
    electronPlatformName === 'win32'
      ? [`${packager.executableName ?? ''}.exe`, `${packager.appInfo.productFilename}.exe`]
      : electronPlatformName === 'darwin'
        ? [`${packager.appInfo.productFilename}.app`]
        : [packager.executableName, packager.appInfo.productFilename];
  for (const name of candidates) if (name && existsSync(join(appOutDir, name))) return join(appOutDir, name);
  throw new Error(`fuses: Electron binary not found in ${appOutDir} (looked for ${candidates.join(', ')})`);
}

async function applyFuses(binary, platform) {
  const config = fuseConfigFor(platform);
  await flipFuses(binary, config);
  const wire = await getCurrentFuseWire(binary);
  for (const [key, want] of Object.entries(config)) {
    if (key === 'version') continue;
    const got = wire[key];
    if (got !== (want ? STATE.on : STATE.off))
      throw new Error(`fuses: ${FuseV1Options[key]} reads back as ${JSON.stringify(String.fromCharCode(got ?? 63))} after flipping`);
  }
  return config;
}

module.exports = { fuseConfigFor, electronBinary, applyFuses, STATE };
