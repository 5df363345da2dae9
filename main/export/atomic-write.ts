/**
 * Saving an export without ever leaving half a file: the bytes go to a temporary file in the target's
 * own folder (same volume, so the rename is atomic), are flushed to disk, then renamed over the target.
 * Any failure removes the temporary file and leaves an existing target untouched, and is reported
 * as an ExportWriteError with the system code and a message a clerk can act on.
 *
 * The asynchronous twin of db/fs-safe.ts atomicWriteFile, with its conventions: the same
 * `.partial` temporary name (so a kill -9 leftover is recognised and removed — here, before writing
 * in that folder, and when the archive opens), owner-only mode 0600 by default (an exported report
 * is as private as the archive).
 */
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { removeStalePartials, tempNameFor } from '../db/fs-safe';
import { failureKind } from '../db/errors';

export class ExportWriteError extends Error {
  override name = 'ExportWriteError';
  constructor(
    /** The system error code (EBUSY, EACCES, ENOSPC, …) or 'UNKNOWN'. */
    readonly code: string,
    message: string,
    readonly path: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The Chinese message for a failed save of `target`: the code read by failureKind (main/db/errors.ts), said for a saved file. */
export function writeErrorMessage(code: string, target: string): string {
  const name = basename(target);
  const folder = dirname(target);
  const kind = failureKind(code);
  // On Windows a file open in Word, WPS or Excel is locked: rename fails with EBUSY or EPERM.
  if (kind === 'busy-file') return `无法保存“${name}”：文件可能正在 Word、WPS 或 Excel 中打开，或被其他程序占用。请关闭该文件后重试，或另存为其他文件名。`;
  if (code === 'EROFS') return `无法保存“${name}”：保存位置“${folder}”是只读的（如光盘或写保护的U盘）。请选择其他保存位置。`;
  if (kind === 'readonly') return `无法保存“${name}”：没有写入“${folder}”的权限。请选择其他保存位置（如“文档”或桌面）。`;
  if (kind === 'missing') return `无法保存“${name}”：文件夹“${folder}”不存在（可能已被删除、改名，或U盘已拔出）。请重新选择保存位置。`;
  if (kind === 'not-folder') return `无法保存“${name}”：“${folder}”不是文件夹。请重新选择保存位置。`;
  if (kind === 'is-folder') return `无法保存：“${target}”是一个文件夹。请换一个文件名。`;
  if (kind === 'full') return `无法保存“${name}”：磁盘空间不足。请清理磁盘或选择其他保存位置，原有文件未被改动。`;
  if (kind === 'name-too-long') return `无法保存：文件名或路径过长。请缩短文件名或选择层级较浅的文件夹。`;
  return `无法保存“${name}”（错误代码 ${code}）。原有文件未被改动，请重试或选择其他保存位置。`;
}

const codeOf = (e: unknown): string => (typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : 'UNKNOWN');

function fail(e: unknown, target: string): ExportWriteError {
  const code = codeOf(e);
  return new ExportWriteError(code, writeErrorMessage(code, target), target, { cause: e });
}

export async function atomicWrite(target: string, data: Uint8Array, o: { mode?: number } = {}): Promise<void> {
  const folder = dirname(target);
  // Say what is wrong with the folder itself before creating anything in it.
  try {
    const s = await stat(folder);
    if (!s.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (e) {
    throw fail(e, target);
  }
  // A temporary file of an earlier export killed half-way: nobody will finish it.
  removeStalePartials(folder);
  const temp = tempNameFor(target);
  let created = false;
  try {
    const fh = await open(temp, 'wx', o.mode ?? 0o600);
    created = true;
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(temp, target);
    created = false;
  } catch (e) {
    if (created) await unlink(temp).catch(() => undefined);
    throw fail(e, target);
  }
  // Make the rename itself durable where the platform allows syncing a directory (not on Windows).
  if (process.platform !== 'win32') {
    const dir = await open(folder, 'r').catch(() => null);
    await dir?.sync().catch(() => undefined);
    await dir?.close();
  }
}
