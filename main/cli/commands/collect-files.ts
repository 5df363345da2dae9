/**
 * The files `collect` reads under its arguments: regular files only, each read once. Inside a chosen
 * folder a link to a folder is never followed (`loop -> .` would never end), a link to a file outside
 * the chosen folders is refused, pipes, devices and sockets are skipped — each with its reason, so the
 * per-file outcome says why a file was not read. Bytes are read through a descriptor opened without
 * following links or blocking on a pipe, and checked to be a regular file of bounded size first.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { UsageError } from '../io';

export interface FoundFile {
  /** The path as found under the argument (shown to the clerk). */
  path: string;
  name: string;
  /** The real path to read (a link's target), when read. */
  real: string;
  /** Why it is not read; `refuse` counts as a file not collected, `skip` only explains. */
  skip?: { kind: 'refuse' | 'skip'; reason: string };
}

const special = (st: Stats): string | null =>
  st.isFIFO() ? '管道' : st.isCharacterDevice() || st.isBlockDevice() ? '设备文件' : st.isSocket() ? '套接字' : null;

/** The files under the arguments, folders walked in name order; Office lock files (~$…) and hidden files left out. */
export function expandFiles(args: readonly string[]): FoundFile[] {
  const out: FoundFile[] = [];
  const seen = new Map<string, string>();
  const roots: string[] = [];
  const inside = (real: string) => roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : r + sep));

  const addFile = (path: string, real: string, st: Stats) => {
    const name = basename(path);
    const id = `${st.dev}:${st.ino}`;
    const first = seen.get(id);
    if (first !== undefined) return out.push({ path, name, real, skip: { kind: 'skip', reason: `与“${first}”是同一个文件，只读取一次` } });
    seen.set(id, name);
    out.push({ path, name, real });
  };

  const visit = (path: string) => {
    const name = basename(path);
    let st: Stats;
    try {
      st = lstatSync(path);
    } catch {
      return;
    }
    if (st.isSymbolicLink()) {
      let real: string;
      let target: Stats;
      try {
        real = realpathSync(path);
        target = statSync(real);
      } catch {
        return out.push({ path, name, real: '', skip: { kind: 'skip', reason: '是一个链接，指向的文件不存在，未读取' } });
      }
      if (target.isDirectory()) return out.push({ path, name, real, skip: { kind: 'skip', reason: '是指向文件夹的链接，不跟随读取' } });
      if (!inside(real)) return out.push({ path, name, real, skip: { kind: 'refuse', reason: `是指向所选文件夹以外的文件（${real}）的链接，未读取` } });
      const kind = special(target);
      if (kind) return out.push({ path, name, real, skip: { kind: 'skip', reason: `是指向${kind}的链接，不是普通文件，未读取` } });
      return addFile(path, real, target);
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(path).sort((a, b) => a.localeCompare(b, 'zh-CN')))
        if (!entry.startsWith('.') && !entry.startsWith('~$')) visit(join(path, entry));
      return;
    }
    const kind = special(st);
    if (kind) return out.push({ path, name, real: path, skip: { kind: 'skip', reason: `是${kind}，不是普通文件，未读取` } });
    addFile(path, path, st);
  };

  // An argument the clerk named is taken as chosen (a link given on the command line is followed once).
  const tops = args.map((a) => {
    try {
      return { arg: a, real: realpathSync(a), st: statSync(a) };
    } catch {
      throw new UsageError(`找不到文件或文件夹：${a}`);
    }
  });
  for (const t of tops) roots.push(t.real);
  for (const t of tops) {
    if (t.st.isDirectory()) {
      for (const entry of readdirSync(t.real).sort((a, b) => a.localeCompare(b, 'zh-CN')))
        if (!entry.startsWith('.') && !entry.startsWith('~$')) visit(join(t.arg, entry));
    } else if (special(t.st)) out.push({ path: t.arg, name: basename(t.arg), real: t.real, skip: { kind: 'skip', reason: `是${special(t.st)}，不是普通文件，未读取` } });
    else addFile(t.arg, t.real, t.st);
  }
  return out;
}

export type ReadResult = { ok: true; data: Buffer } | { ok: false; reason: string };

/**
 * A found file's bytes, or why not: opened without following a link and without blocking on a pipe
 * (the file may have been swapped since the folder was listed), then checked on the open descriptor.
 */
export function readFound(f: FoundFile, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(f.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return { ok: false, reason: '无法打开这个文件（可能已被移走或没有读取权限）' };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, reason: '不是普通文件，未读取' };
    if (st.size > maxBytes) return { ok: false, reason: '文件过大，不像是一份年度报告' };
    const data = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const n = readSync(fd, data, at, st.size - at, at);
      if (n === 0) break;
      at += n;
    }
    return { ok: true, data: data.subarray(0, at) };
  } finally {
    closeSync(fd);
  }
}
