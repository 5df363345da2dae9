/**
 * Opening .docx/.xlsx containers safely: damaged, renamed, encrypted and zip-bomb files are refused
 * with a reason. The central directory is read here (not by a zip library) so that nothing is
 * inflated except the entries asked for, and each inflation counts the bytes it actually produces:
 * the sizes an archive declares are written by whoever made it, and a hostile one understates them.
 */
import { inflateRawSync } from 'node:zlib';
import { ImportError, MAX_DOCUMENT_XML_BYTES, MAX_INFLATED_BYTES, MAX_XML_CHARS } from './errors';

const TYPE_NAME = { docx: 'Word（.docx）', xlsx: 'Excel（.xlsx）' } as const;
export type ZipKind = keyof typeof TYPE_NAME;

/** An Office container has a few dozen entries; tens of thousands is a file built to exhaust memory. */
const MAX_ENTRIES = 5000;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  localOffset: number;
}

export class ZipArchive {
  /** Bytes still allowed to be inflated from this archive, all entries together. */
  private budget = MAX_INFLATED_BYTES;

  constructor(
    private readonly data: Buffer,
    private readonly entries: Map<string, Entry>,
    readonly kind: ZipKind,
  ) {}

  /** The entry's name when the archive holds it (JSZip's spelling, so callers read the same). */
  file(path: string): { name: string } | null {
    const e = this.entries.get(path);
    return e ? { name: e.name } : null;
  }

  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The entry's bytes, inflated under the per-entry and per-archive limits. */
  bytes(path: string, limit = MAX_XML_CHARS): Buffer {
    const e = this.entries.get(path);
    if (!e) throw new ImportError('CORRUPT', `这不是${TYPE_NAME[this.kind]}文件（缺少 ${path}），可能是改了扩展名的其他文件`);
    const max = Math.min(limit, this.budget);
    const at = localDataOffset(this.data, e.localOffset);
    if (at < 0 || at + e.compressedSize > this.data.length) throw corrupt(this.kind, `entry ${path} outside the file`);
    const raw = this.data.subarray(at, at + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) {
      if (raw.length > max) throw tooLarge(this.kind);
      out = raw;
    } else if (e.method === 8) {
      try {
        // maxOutputLength stops zlib as soon as the output passes the limit (checked per 16 KB chunk).
        out = inflateRawSync(raw, { maxOutputLength: Math.max(1, max) });
      } catch (err) {
        if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw tooLarge(this.kind);
        throw corrupt(this.kind, String(err));
      }
    } else {
      throw new ImportError('CORRUPT', `${TYPE_NAME[this.kind]}文件使用了不支持的压缩方式，无法读取（可以用 Office/WPS 打开后另存一份再试）`);
    }
    this.budget -= out.length;
    return out;
  }

  /** The entry as UTF-8 text (Office XML), BOM removed. */
  text(path: string, limit = MAX_XML_CHARS): string {
    return this.bytes(path, limit).toString('utf8').replace(/^\ufeff/, '');
  }
}

const corrupt = (kind: ZipKind, details?: string) =>
  new ImportError('CORRUPT', `${TYPE_NAME[kind]}文件已损坏或不完整，无法打开（可以用 Office/WPS 打开后另存一份再试）`, details);

const tooLarge = (kind: ZipKind) =>
  new ImportError(
    'TOO_LARGE',
    `${TYPE_NAME[kind]}文件解压后的内容过大，不像是一份年度报告（可能已损坏或是特意构造的文件），未导入`,
  );

function localDataOffset(d: Buffer, at: number): number {
  if (at + 30 > d.length || d.readUInt32LE(at) !== 0x04034b50) return -1;
  return at + 30 + d.readUInt16LE(at + 26) + d.readUInt16LE(at + 28);
}

/** End of central directory: entry count, directory size and offset (zip64 when the short fields overflow). */
function findDirectory(d: Buffer): { count: number; offset: number } | null {
  for (let i = d.length - 22; i >= Math.max(0, d.length - 22 - 0xffff); i--) {
    if (d.readUInt32LE(i) !== 0x06054b50) continue;
    let count = d.readUInt16LE(i + 10);
    let offset = d.readUInt32LE(i + 16);
    if ((count === 0xffff || offset === 0xffffffff) && i >= 20 && d.readUInt32LE(i - 20) === 0x07064b50) {
      const z = Number(d.readBigUInt64LE(i - 12));
      if (z + 56 > d.length || d.readUInt32LE(z) !== 0x06064b50) return null;
      count = Number(d.readBigUInt64LE(z + 32));
      offset = Number(d.readBigUInt64LE(z + 48));
    }
    return { count, offset };
  }
  return null;
}

export async function openZip(data: Uint8Array, kind: ZipKind): Promise<ZipArchive> {
  const d = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const dir = findDirectory(d);
  if (!dir) throw corrupt(kind, 'no end of central directory');
  if (dir.count > MAX_ENTRIES) throw tooLarge(kind);
  const entries = new Map<string, Entry>();
  let p = dir.offset;
  for (let n = 0; n < dir.count; n++) {
    if (p + 46 > d.length || d.readUInt32LE(p) !== 0x02014b50) throw corrupt(kind, `central directory entry ${n}`);
    const flags = d.readUInt16LE(p + 8);
    const method = d.readUInt16LE(p + 10);
    let compressedSize = d.readUInt32LE(p + 20);
    const nameLen = d.readUInt16LE(p + 28);
    const extraLen = d.readUInt16LE(p + 30);
    const commentLen = d.readUInt16LE(p + 32);
    let localOffset = d.readUInt32LE(p + 42);
    const name = d.toString('utf8', p + 46, p + 46 + nameLen);
    // Zip64 extra field: the 64-bit values, in this order, of the fields that overflowed.
    let x = p + 46 + nameLen;
    const xEnd = Math.min(x + extraLen, d.length);
    while (x + 4 <= xEnd) {
      const id = d.readUInt16LE(x);
      const len = d.readUInt16LE(x + 2);
      if (id === 0x0001) {
        let f = x + 4;
        if (d.readUInt32LE(p + 24) === 0xffffffff) f += 8;
        if (compressedSize === 0xffffffff && f + 8 <= xEnd) (compressedSize = Number(d.readBigUInt64LE(f))), (f += 8);
        if (localOffset === 0xffffffff && f + 8 <= xEnd) localOffset = Number(d.readBigUInt64LE(f));
      }
      x += 4 + len;
    }
    if (flags & 1) throw new ImportError('ENCRYPTED', `${TYPE_NAME[kind]}文件有密码保护，请先取消密码再导入`);
    const key = name.replace(/^\//, '');
    if (!name.endsWith('/')) entries.set(key, { name: key, method, compressedSize, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return new ZipArchive(d, entries, kind);
}

/** A .docx part as text (document.xml is read into a tree, so its limit is lower). */
export async function readEntry(zip: ZipArchive, path: string, kind: ZipKind = zip.kind): Promise<string> {
  return zip.text(path, kind === 'docx' ? MAX_DOCUMENT_XML_BYTES : MAX_XML_CHARS);
}
