/**
 * The archive the user chose at start-up (「另选档案文件」) is remembered in userData, so the next
 * start opens the same file. NIANBAO_DB still wins (tests, the CLI's --db).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFile } from '../db/fs-safe';

const FILE = 'archive-location.json';

export function rememberedArchive(userData: string): string | null {
  const f = join(userData, FILE);
  if (!existsSync(f)) return null;
  try {
    const v = JSON.parse(readFileSync(f, 'utf8')) as { file?: unknown };
    return typeof v.file === 'string' && v.file ? v.file : null;
  } catch {
    return null;
  }
}

export function rememberArchive(userData: string, file: string): void {
  atomicWriteFile(join(userData, FILE), JSON.stringify({ file }));
}
