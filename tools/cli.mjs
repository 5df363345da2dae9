/**
 * `npm run cli` and `npm run serve:web`: the built bundle under plain Node (tools/node-build.mjs
 * builds it on first use and after a source changed). `node tools/cli.mjs --serve-web …` is serve:web.
 */
import { createRequire } from 'node:module';
import { ensureBuilt } from './node-build.mjs';

const args = process.argv.slice(2);
const serveWeb = args[0] === '--serve-web';
if (serveWeb) args.shift();
const bundle = await ensureBuilt(serveWeb ? 'serve-web' : 'cli');
const require = createRequire(import.meta.url);
if (serveWeb) {
  // serve:web reads its options from process.argv and starts when loaded.
  process.argv = [process.argv[0], bundle, ...args];
  require(bundle);
} else {
  const { runCli, processIo } = require(bundle);
  process.exitCode = await runCli(args, processIo());
}
