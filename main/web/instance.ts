/**
 * What a restarted serve:web (and `npm start` without Electron) reuses: the port and token of the
 * previous run on the same archive, kept beside it (owner-only, like the archive). Tabs left open
 * from the previous run then simply keep working — same origin, same cookie — instead of losing the
 * server on a random new port. When the port is taken meanwhile a new port and token are chosen;
 * the old tabs get 「与本机服务的连接已断开，请重新打开页面」 from the page itself.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { atomicWriteFile } from '../db/fs-safe';

export interface Instance {
  port: number;
  token: string;
}

export const instanceFile = (archiveFile: string): string => join(dirname(archiveFile), 'serve-web.json');

export function readInstance(file: string): Instance | null {
  try {
    const v = JSON.parse(readFileSync(file, 'utf8')) as Partial<Instance>;
    if (Number.isInteger(v.port) && v.port! > 1023 && v.port! < 65536 && typeof v.token === 'string' && /^[A-Za-z0-9_-]{40,100}$/.test(v.token))
      return { port: v.port!, token: v.token };
  } catch {
    // None yet, or unreadable: a fresh port and token.
  }
  return null;
}

export function writeInstance(file: string, instance: Instance): void {
  try {
    atomicWriteFile(file, JSON.stringify(instance), 0o600);
  } catch {
    // Remembering is a convenience: a read-only folder only costs the next start its old port.
  }
}
