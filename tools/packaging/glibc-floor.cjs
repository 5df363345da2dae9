/**
 * The glibc floor of the Linux package: every native module (*.node) may need at most glibc 2.28
 * (UOS 20 = Debian 10, Kylin V10) and no libstdc++ at all (GLIBCXX_/CXXABI_ versions or a NEEDED
 * libstdc++.so: UOS 20 has GCC 8's). Reads the ELF version-needs and dynamic section with readelf
 * (binutils), and the machine, so an arm64 module in an x64 package is caught too.
 *
 * usage: node tools/packaging/glibc-floor.cjs <dir-or-file>… [--arch x64|arm64]
 */
const { execFileSync } = require('node:child_process');
const { closeSync, openSync, readSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const FLOOR = '2.28';
const MACHINES = { x64: 'Advanced Micro Devices X86-64', arm64: 'AArch64' };

function readelf(args, file) {
  try {
    return execFileSync('readelf', ['-W', ...args, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error('readelf not found: install binutils to check the glibc floor');
    throw new Error(`readelf ${args.join(' ')} ${file}: ${e.stderr || e.message}`);
  }
}

function compareVersions(a, b) {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** What one ELF file asks of the system: symbol versions per library, NEEDED libraries, machine. */
function inspect(file) {
  const versions = [];
  const needs = readelf(['-V'], file);
  const at = needs.indexOf(".gnu.version_r'");
  if (at >= 0) for (const m of needs.slice(at).matchAll(/Name:\s*(\S+)\s+Flags/g)) versions.push(m[1]);
  const needed = [...readelf(['-d'], file).matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
  const machine = /Machine:\s*(.+)/.exec(readelf(['-h'], file))?.[1].trim() ?? '?';
  return { versions: [...new Set(versions)], needed, machine };
}

/** The problems of one file (empty = fine). */
function isElf(file) {
  const fd = openSync(file, 'r');
  try {
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 0) === 4 && magic.equals(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
  } finally {
    closeSync(fd);
  }
}

function problems(file, { arch } = {}) {
  // A Windows or macOS module has no business in the Linux package either.
  if (!isElf(file)) return ['is not a Linux (ELF) module'];
  const { versions, needed, machine } = inspect(file);
  const out = [];
  const sorted = (list) => list.sort((a, b) => compareVersions(a.replace(/^\D+/, ''), b.replace(/^\D+/, '')));
  const tooNew = sorted(versions.filter((v) => /^GLIBC_\d/.test(v) && compareVersions(v.slice(6), FLOOR) > 0));
  if (tooNew.length) out.push(`needs ${tooNew.join(', ')} (the floor is GLIBC_${FLOOR})`);
  const cxx = sorted(versions.filter((v) => /^(GLIBCXX|CXXABI)_/.test(v)));
  if (cxx.length) out.push(`needs libstdc++ ${cxx.join(', ')} (the C++ runtime must be linked in)`);
  for (const lib of needed) if (/^libstdc\+\+|^libgcc_s/.test(lib)) out.push(`links ${lib} (the C++ runtime must be linked in)`);
  if (arch && MACHINES[arch] && machine !== MACHINES[arch]) out.push(`is built for ${machine}, not ${arch}`);
  return out;
}

function nativeModules(path) {
  const s = statSync(path);
  if (!s.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => {
    const p = join(path, e.name);
    if (e.isDirectory()) return nativeModules(p);
    return e.isFile() && e.name.endsWith('.node') ? [p] : [];
  });
}

/** Checks every .node under the paths; returns { files, failures: [{file, problems}] }. */
function checkTree(paths, options = {}) {
  const files = [].concat(paths).flatMap(nativeModules);
  const failures = files.map((file) => ({ file, problems: problems(file, options) })).filter((f) => f.problems.length);
  return { files, failures };
}

function describeFailures(failures) {
  return failures.map((f) => `${f.file}: ${f.problems.join('; ')}`).join('\n');
}

module.exports = { FLOOR, inspect, problems, checkTree, describeFailures, compareVersions };

if (require.main === module) {
  const args = process.argv.slice(2);
  const arch = args.includes('--arch') ? args[args.indexOf('--arch') + 1] : undefined;
  const paths = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--arch');
  if (!paths.length) {
    console.error('usage: node tools/packaging/glibc-floor.cjs <dir-or-file>… [--arch x64|arm64]');
    process.exit(2);
  }
  try {
    const { files, failures } = checkTree(paths, { arch });
    if (!files.length) throw new Error(`no .node file under ${paths.join(', ')}`);
    if (failures.length) {
      console.error(`glibc floor ${FLOOR} broken:\n${describeFailures(failures)}`);
      process.exit(1);
    }
    console.log(`${files.length} native module(s): glibc ≤ ${FLOOR}, no libstdc++`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
