/**
 * electron-builder afterPack hook: flips the Electron fuses (tools/packaging/fuses.cjs). Any error
 * is rethrown, which makes electron-builder fail the build instead of shipping an unfused app.
 */
const { applyFuses, electronBinary } = require('./fuses.cjs');

module.exports = async function afterPack(context) {
  const binary = electronBinary(context);
  try {
    const config = await applyFuses(binary, context.electronPlatformName);
    console.log(`  • fuses set on ${binary}: ${Object.keys(config).filter((k) => k !== 'version').length} fuses verified`);
  } catch (e) {
    console.error(`  ⨯ fuses could not be set on ${binary}: ${e.message}`);
    throw e;
  }
};
