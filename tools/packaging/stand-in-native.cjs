/**
 * A stand-in native module for packaging tests on a machine without the cross toolchain (like the
 * stand-in Electron): a minimal ELF shared object that declares the libraries and symbol versions
 * it is told to (NEEDED entries and a .gnu.version_r section), for x86-64 or AArch64. It holds no
 * code and cannot be loaded; readelf reads it like a real module, so the glibc-floor check and
 * the Linux packaging step run for real in the default test suite. The real module is built by
 * tools/packaging/native-sqlite.cjs (`npm run native:linux`, `npm run test:native`).
 *
 * usage: node tools/packaging/stand-in-native.cjs <out.node> [--arch x64|arm64] [--needs libc.so.6:GLIBC_2.28,…]
 */
const { mkdirSync, writeFileSync } = require('node:fs');
const { dirname } = require('node:path');

const MACHINE = { x64: 62, arm64: 183 };
const SHT = { strtab: 3, dynamic: 6, verneed: 0x6ffffffe };
const DT = { null: 0, needed: 1, strtab: 5, strsz: 10, verneed: 0x6ffffffe, verneednum: 0x6fffffff };

/** The ELF hash of a version name (vna_hash), as the dynamic linker computes it. */
function elfHash(name) {
  let h = 0;
  for (const c of Buffer.from(name)) {
    h = ((h << 4) + c) >>> 0;
    const g = h & 0xf0000000;
    if (g) h ^= g >>> 24;
    h &= ~g >>> 0;
  }
  return h >>> 0;
}

/** needs: { 'libc.so.6': ['GLIBC_2.2.5', 'GLIBC_2.28'], … } */
function standInNative({ arch = 'x64', needs = { 'libc.so.6': ['GLIBC_2.2.5', 'GLIBC_2.28'] } } = {}) {
  if (!MACHINE[arch]) throw new Error(`unknown arch ${arch}`);
  // .dynstr: "\0" then every library and version name.
  const strings = ['', ...Object.keys(needs), ...Object.values(needs).flat()];
  const offsets = new Map();
  let dynstr = Buffer.alloc(0);
  for (const s of strings) {
    if (offsets.has(s)) continue;
    offsets.set(s, dynstr.length);
    dynstr = Buffer.concat([dynstr, Buffer.from(`${s}\0`)]);
  }
  // .gnu.version_r: one Verneed (16 bytes) per library, followed by its Vernaux (16 bytes each).
  const libs = Object.entries(needs);
  const verneed = [];
  let index = 2; // version indexes 0 and 1 are reserved
  libs.forEach(([lib, versions], i) => {
    const need = Buffer.alloc(16);
    need.writeUInt16LE(1, 0);
    need.writeUInt16LE(versions.length, 2);
    need.writeUInt32LE(offsets.get(lib), 4);
    need.writeUInt32LE(16, 8);
    need.writeUInt32LE(i === libs.length - 1 ? 0 : 16 + 16 * versions.length, 12);
    verneed.push(need);
    versions.forEach((v, j) => {
      const aux = Buffer.alloc(16);
      aux.writeUInt32LE(elfHash(v), 0);
      aux.writeUInt16LE(0, 4);
      aux.writeUInt16LE(index++, 6);
      aux.writeUInt32LE(offsets.get(v), 8);
      aux.writeUInt32LE(j === versions.length - 1 ? 0 : 16, 12);
      verneed.push(aux);
    });
  });
  const versionR = Buffer.concat(verneed);
  const shstrtab = Buffer.from('\0.dynstr\0.dynamic\0.gnu.version_r\0.shstrtab\0');
  const name = (s) => shstrtab.indexOf(`${s}\0`);

  // Layout: ELF header, 2 program headers, .dynstr, .gnu.version_r, .dynamic, .shstrtab, section headers.
  const align = (n) => (n + 7) & ~7;
  const phoff = 64;
  const dynstrOff = phoff + 2 * 56;
  const verOff = align(dynstrOff + dynstr.length);
  const dynOff = align(verOff + versionR.length);
  const dynEntries = [
    ...libs.map(([lib]) => [DT.needed, offsets.get(lib)]),
    [DT.strtab, dynstrOff], [DT.strsz, dynstr.length], [DT.verneed, verOff], [DT.verneednum, libs.length], [DT.null, 0],
  ];
  const dynamic = Buffer.alloc(16 * dynEntries.length);
  dynEntries.forEach(([tag, val], i) => {
    dynamic.writeBigUInt64LE(BigInt(tag), 16 * i);
    dynamic.writeBigUInt64LE(BigInt(val), 16 * i + 8);
  });
  const shstrOff = dynOff + dynamic.length;
  const shoff = align(shstrOff + shstrtab.length);
  const size = shoff + 5 * 64;
  const out = Buffer.alloc(size);

  // ELF header (64-bit, little endian, ET_DYN).
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(out, 0);
  out.writeUInt16LE(3, 16); // ET_DYN
  out.writeUInt16LE(MACHINE[arch], 18);
  out.writeUInt32LE(1, 20);
  out.writeBigUInt64LE(BigInt(phoff), 32);
  out.writeBigUInt64LE(BigInt(shoff), 40);
  out.writeUInt16LE(64, 52);
  out.writeUInt16LE(56, 54);
  out.writeUInt16LE(2, 56);
  out.writeUInt16LE(64, 58);
  out.writeUInt16LE(5, 60);
  out.writeUInt16LE(4, 62); // .shstrtab index

  // Program headers: one PT_LOAD over the whole file at address 0 (addresses = offsets), PT_DYNAMIC.
  const ph = (at, type, flags, off, len, alignment) => {
    out.writeUInt32LE(type, at);
    out.writeUInt32LE(flags, at + 4);
    out.writeBigUInt64LE(BigInt(off), at + 8);
    out.writeBigUInt64LE(BigInt(off), at + 16);
    out.writeBigUInt64LE(BigInt(off), at + 24);
    out.writeBigUInt64LE(BigInt(len), at + 32);
    out.writeBigUInt64LE(BigInt(len), at + 40);
    out.writeBigUInt64LE(BigInt(alignment), at + 48);
  };
  ph(phoff, 1, 4, 0, size, 0x1000);
  ph(phoff + 56, 2, 6, dynOff, dynamic.length, 8);

  dynstr.copy(out, dynstrOff);
  versionR.copy(out, verOff);
  dynamic.copy(out, dynOff);
  shstrtab.copy(out, shstrOff);

  // Section headers: null, .dynstr, .dynamic, .gnu.version_r, .shstrtab.
  const sh = (i, nm, type, flags, off, len, link, info, alignment, entsize) => {
    const at = shoff + 64 * i;
    out.writeUInt32LE(nm, at);
    out.writeUInt32LE(type, at + 4);
    out.writeBigUInt64LE(BigInt(flags), at + 8);
    out.writeBigUInt64LE(BigInt(flags ? off : 0), at + 16);
    out.writeBigUInt64LE(BigInt(off), at + 24);
    out.writeBigUInt64LE(BigInt(len), at + 32);
    out.writeUInt32LE(link, at + 40);
    out.writeUInt32LE(info, at + 44);
    out.writeBigUInt64LE(BigInt(alignment), at + 48);
    out.writeBigUInt64LE(BigInt(entsize), at + 56);
  };
  sh(1, name('.dynstr'), SHT.strtab, 2, dynstrOff, dynstr.length, 0, 0, 1, 0);
  sh(2, name('.dynamic'), SHT.dynamic, 3, dynOff, dynamic.length, 1, 0, 8, 16);
  sh(3, name('.gnu.version_r'), SHT.verneed, 2, verOff, versionR.length, 1, libs.length, 8, 0);
  sh(4, name('.shstrtab'), SHT.strtab, 0, shstrOff, shstrtab.length, 0, 0, 1, 0);
  return out;
}

function writeStandInNative(file, options) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, standInNative(options));
  return file;
}

module.exports = { standInNative, writeStandInNative };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (flag) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
  const file = args.find((a, i) => !a.startsWith('--') && !['--arch', '--needs'].includes(args[i - 1]));
  if (!file) {
    console.error('usage: node tools/packaging/stand-in-native.cjs <out.node> [--arch x64|arm64] [--needs lib:VER,…]');
    process.exit(2);
  }
  let needs;
  if (opt('--needs')) {
    needs = {};
    for (const pair of opt('--needs').split(',')) {
      const [lib, version] = pair.split(':');
      (needs[lib] ??= []).push(version);
    }
  }
  writeStandInNative(file, { arch: opt('--arch') ?? 'x64', ...(needs ? { needs } : {}) });
}
