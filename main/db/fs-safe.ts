/**
 * Writing files so that a crash or a full disk never leaves a half-written file under the final
 * name: write a temporary next to the target, flush it to disk, then rename (atomic on the same
 * volume, on Windows too), then flush the folder where the platform allows it.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The archive, its backups and exports hold every report of the agency: on a shared Linux PC other
 * users must not read them. Folders the app creates are owner-only (0700), files 0600. (Windows:
 * the profile folder is private already; the modes are ignored there.)
 */
export function mkdirPrivate(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/**
 * Creates `file` empty and owner-only when it does not exist yet, before SQLite creates it: SQLite
 * would use 0644, and gives its -wal/-shm/-journal files the database file's permissions.
 */
export function precreatePrivate(file: string): void {
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Owner-only for a file copied from elsewhere (a copy keeps its source's mode). */
export function makePrivate(file: string): void {
  if (process.platform !== 'win32') chmodSync(file, 0o600);
}

export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Makes a rename durable on Linux; Windows cannot open a folder for flushing, and needs not. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse to fsync a directory; the rename itself has happened.
  }
}

export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.partial`);
}

/** tempNameFor's names, and the journal/WAL SQLite may add to a half-made copy. */
const PARTIAL = /^\..+\.(\d+)\.\d+\.partial(?:-journal|-wal|-shm)?$/;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files a killed process left in `dir` (a backup, restore or export cut off
 * by kill -9 or a power cut): those whose writer is no longer running. Returns their names.
 */
export function removeStalePartials(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = PARTIAL.exec(name);
    if (!m || isRunning(Number(m[1]))) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

export function atomicWriteFile(target: string, data: string | Uint8Array, mode = 0o600): void {
  const tmp = tempNameFor(target);
  try {
    writeFileSync(tmp, data, { mode });
    fsyncFile(tmp);
    renameSync(tmp, target);
    fsyncDir(dirname(target));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
