/**
 * The CLI and serve:web run from a built bundle (issue 19, wanted 8): compiling TypeScript at every
 * start (tsx) cost 1.6 s per `list` and tripled a PDF import's peak memory. This builds
 * main/cli/index.ts and main/web/cli.ts into out-cli/node/*.cjs (outside out/, which the desktop package takes whole) with esbuild (the compiler tsx itself
 * uses; npm packages stay external and load from node_modules as under plain Node), and rebuilds
 * only when a source under main/ or report/ is newer than the bundle — so `npm run cli` works from
 * a fresh clone (first use builds, ~1 s) and after every edit. `npm run cli:dev` keeps tsx.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'out-cli/node');
// The PDF reader's worker thread (main/import/pdf/read-in-worker.ts starts pdf-worker.cjs beside the bundle).
export const ENTRIES = { cli: 'main/cli/index.ts', 'serve-web': 'main/web/cli.ts', 'pdf-worker': 'main/import/pdf/worker.ts' };
const SOURCES = ['main', 'report'];

function newestSource() {
  let newest = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|mts|cts|json)$/.test(e.name)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const s of SOURCES) walk(join(ROOT, s));
  return newest;
}

/** The bundle for `name` (cli | serve-web), built first when missing or older than the sources. */
export async function ensureBuilt(name) {
  const newest = newestSource();
  // Both bundles may read a PDF: their worker is built with them.
  for (const entry of name === 'pdf-worker' ? [name] : [name, 'pdf-worker']) {
    const out = join(OUT, `${entry}.cjs`);
    if (!existsSync(out) || statSync(out).mtimeMs < newest) await build(entry, out);
  }
  return join(OUT, `${name}.cjs`);
}

async function build(name, out) {
  const { build: esbuild } = await import('esbuild');
  mkdirSync(OUT, { recursive: true });
  // Built in a folder of its own and renamed: a second process starting meanwhile never loads half a file.
  const tempDir = join(OUT, `.${name}.${process.pid}.partial`);
  await esbuild({
    entryPoints: [join(ROOT, ENTRIES[name])],
    outfile: join(tempDir, `${name}.cjs`),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    packages: 'external',
    sourcemap: true,
    logLevel: 'error',
    // The sources use import.meta for their own location: in the bundle that is out-cli/node/.
    define: { 'import.meta.url': '__nianbaoUrl', 'import.meta.dirname': '__nianbaoDir' },
    banner: { js: `const __nianbaoUrl = require('node:url').pathToFileURL(__filename).href; const __nianbaoDir = require('node:path').join(__dirname, '../../main/web');` },
  });
  renameSync(join(tempDir, `${name}.cjs.map`), `${out}.map`);
  renameSync(join(tempDir, `${name}.cjs`), out);
  rmSync(tempDir, { recursive: true, force: true });
}

// `node tools/node-build.mjs` builds every bundle (the build step of tools/run.sh and CI).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const name of Object.keys(ENTRIES)) await build(name, join(OUT, `${name}.cjs`));
}
