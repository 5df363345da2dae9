/**
 * Writing files so that a crash or a full disk never leaves a half-written file under the final
 * name: write a temporary next to the target, flush it to disk, then rename (atomic on the same
 * volume, on Windows too), then flush the folder where the platform allows it.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

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
