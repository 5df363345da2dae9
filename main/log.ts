/**
 * A small rotating log in userData: errors with enough context to diagnose (channel, code, stack),
 * never report contents beyond ids. Rotates at 1 MB, keeping 3 files.
 */
import { appendFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAX_BYTES = 1_000_000;
const KEEP = 3;

export function createFileLogger(dir: string, name = 'nianbao.log') {
  const file = join(dir, name);
  return (message: string, details: Record<string, unknown> = {}): void => {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      if (existsSync(file) && statSync(file).size > MAX_BYTES) {
        for (let i = KEEP - 1; i >= 1; i--) if (existsSync(`${file}.${i}`)) renameSync(`${file}.${i}`, `${file}.${i + 1}`);
        renameSync(file, `${file}.1`);
      }
      appendFileSync(file, `${new Date().toISOString()} ${message} ${JSON.stringify(details)}\n`, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
  };
}
