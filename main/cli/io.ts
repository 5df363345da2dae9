/** CLI plumbing: stdout carries only the requested output, messages go to stderr, exit codes are fixed. */
import { existsSync, readFileSync } from 'node:fs';
import { ArchiveError } from '../db/errors';
import { openArchive, type Db } from '../db/open';
import { resolveArchivePath } from '../paths';
import { openForUse, type ArchiveHandle } from '../lifecycle/session';
import { diagnoseArchive, diagnosisForCli } from '../lifecycle/startup';
import { dirname, join } from 'node:path';

export const EXIT_OK = 0;
/** `check` found an error-severity finding. */
export const EXIT_FINDINGS = 1;
/** Bad usage or bad input. */
export const EXIT_BAD_INPUT = 2;

/** A failure the user can fix: printed as one Chinese message, exit 2. */
export class UsageError extends Error {}

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export const processIo = (): CliIo => ({
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  env: process.env,
  cwd: process.cwd(),
});

/** Controls (except tab and newline), C1, line separators, direction marks and overrides, BOM. */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/g;
const escapeUnprintable = (t: string): string => t.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The CLI never writes a control or direction character: a name holding ESC would run terminal
 * escape codes, U+202E would print a line backwards. They are shown as \uXXXX (valid inside the JSON
 * outputs too, where such characters can only stand in strings). Tabs and newlines in names are
 * escaped where they are printed as fields (list).
 */
export const terminalSafe = (io: CliIo): CliIo => ({ ...io, out: (t) => io.out(escapeUnprintable(t)), err: (t) => io.err(escapeUnprintable(t)) });

export function archivePath(flag: string | undefined, io: CliIo): string {
  return resolveArchivePath({ flag, env: io.env });
}

/**
 * The start-up diagnosis of the app, for the CLI: a damaged, newer, locked, read-only archive or a
 * full disk is reported in the same words and the command exits 2 before anything is written.
 */
export function checkArchive(file: string, options: { readonly?: boolean } = {}): void {
  const d = diagnoseArchive(file);
  if (d.status === 'ok' || d.status === 'new') return;
  if (options.readonly && (d.status === 'readonly' || d.status === 'full')) return;
  throw new UsageError(diagnosisForCli(d));
}

/** Opens the archive for writing (created if missing), after the diagnosis. */
export function openForWrite(flag: string | undefined, io: CliIo): Db {
  const file = archivePath(flag, io);
  checkArchive(file);
  return openArchive(file);
}

/** Opens the archive only if it exists: reading commands never create a file. */
export function openIfExists(flag: string | undefined, io: CliIo): Db | null {
  const file = archivePath(flag, io);
  if (!existsSync(file)) return null;
  checkArchive(file);
  return openArchive(file);
}

/** The archive held like the app holds it (lock, crash marker, backup before a migration). */
export function openChecked(flag: string | undefined, io: CliIo, o: { mustExist: boolean; readonly?: boolean }): ArchiveHandle {
  const file = archivePath(flag, io);
  if (o.mustExist && !existsSync(file)) throw new UsageError(`档案文件不存在：${file}`);
  checkArchive(file, { readonly: o.readonly ?? false });
  return openForUse(file, { backupsDir: join(dirname(file), 'backups'), readonly: (o.readonly ?? false) && existsSync(file) });
}

export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(code === 'ENOENT' ? `找不到文件：${file}` : `无法读取文件：${file}（${code ?? (e as Error).message}）`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    throw new UsageError(`文件不是有效的 JSON：${file}`);
  }
}

export function parseYear(value: string | undefined): number {
  if (value === undefined) throw new UsageError('缺少 --year（年度，如 2025）');
  if (!/^\d{4}$/.test(value)) throw new UsageError(`年度应为四位数字，如 2025，而不是“${value}”`);
  return Number(value);
}

export function requireOption(value: string | undefined, name: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`缺少 --${name}（${what}）`);
  return value;
}

export function describeError(e: unknown): string {
  if (e instanceof UsageError || e instanceof ArchiveError) return e.message;
  const msg = (e as Error).message ?? String(e);
  return /[\u4e00-\u9fff]/.test(msg) ? msg : `出现了意外错误：${msg}`;
}
