/**
 * An error that stops start-up (a userData folder that cannot be made, a window that cannot be
 * created, a bug): written to the log, shown once in Chinese with where the log is, then the
 * process ends. Without this the error would vanish in a promise, no window would open, and the
 * hidden process would keep the single-instance lock, so every later launch would exit silently.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LOG_NAME = 'nianbao.log';
const FALLBACK = 'nianbao-startup-error.log';

/** Writes the error where the log lives, or to the temp folder when that is impossible; returns the file. */
export function writeFatal(e: unknown, logDir: string | null): string {
  const line = `${new Date().toISOString()} start-up failed ${JSON.stringify({ code: (e as { code?: unknown })?.code ?? null, error: (e as Error)?.stack ?? String(e) })}\n`;
  for (const dir of [logDir, tmpdir()]) {
    if (!dir) continue;
    const file = join(dir, dir === logDir ? LOG_NAME : FALLBACK);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      appendFileSync(file, line, { mode: 0o600 });
      return file;
    } catch {
      // try the next place
    }
  }
  return join(tmpdir(), FALLBACK);
}

export function fatalText(e: unknown, logFile: string): string {
  const why = String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 300);
  return `程序启动时出错，无法继续：\n${why}\n\n详细情况记录在：\n${logFile}\n\n请把这个文件交给技术支持。程序现在退出，已经保存的档案不受影响。`;
}
