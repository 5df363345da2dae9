/**
 * electron-builder afterPack hook: flips the Electron fuses (tools/packaging/fuses.cjs) and, for
 * Linux, holds the glibc floor (tools/packaging/glibc-floor.cjs): the self-built better-sqlite3
 * must be in resources/native/, and every .node in the package must need at most glibc 2.28 and
 * no libstdc++. Any error is rethrown, which makes electron-builder fail the build instead of
 * shipping an unfused app or one that cannot open its archive on UOS / Kylin.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { applyFuses, electronBinary } = require('./fuses.cjs');
const { FLOOR, checkTree, describeFailures } = require('./glibc-floor.cjs');

// builder-util's Arch enum (context.arch): ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARCH_NAMES = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

function checkLinuxNative(context) {
  const arch = ARCH_NAMES[context.arch] ?? String(context.arch);
  const module = join(context.appOutDir, 'resources', 'native', 'better_sqlite3.node');
  if (!existsSync(module))
    throw new Error(`glibc floor: ${module} is missing (better-sqlite3 for linux-${arch} not built: run \`npm run native:linux\`)`);
  const { files, failures } = checkTree(context.appOutDir, { arch });
  if (failures.length) throw new Error(`glibc floor ${FLOOR} broken:\n${describeFailures(failures)}`);
  return files.length;
}

module.exports = async function afterPack(context) {
  const binary = electronBinary(context);
  try {
    const config = await applyFuses(binary, context.electronPlatformName);
    console.log(`  • fuses set on ${binary}: ${Object.keys(config).filter((k) => k !== 'version').length} fuses verified`);
  } catch (e) {
    console.error(`  ⨯ fuses could not be set on ${binary}: ${e.message}`);
    throw e;
  }
  if (context.electronPlatformName !== 'linux') return;
  try {
    const n = checkLinuxNative(context);
    console.log(`  • glibc floor: ${n} native module(s) need at most glibc ${FLOOR} and no libstdc++`);
  } catch (e) {
    console.error(`  ⨯ ${e.message}`);
    throw e;
  }
};
