/** Errors of the archive with a code the UI and CLI map to a screen or an exit status, and a Chinese message. */
export type ArchiveErrorCode =
  | 'DB_TOO_NEW'
  | 'DB_CORRUPT'
  | 'DB_LOCKED'
  | 'DB_READONLY'
  | 'DB_FULL'
  | 'DB_OPEN_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID';

export class ArchiveError extends Error {
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

/**
 * What a SQLite or file-system failure means, whatever reported it (opening the archive, a save, an
 * export, a backup): the one reading of the codes. Each place then says it in its own sentence
 * (translateOpenError, translateRuntimeError, writeErrorMessage), but never reads a code differently.
 * SQLite reports extended codes (SQLITE_READONLY_CANTINIT, SQLITE_BUSY_RECOVERY, …): the family counts.
 */
export type FailureKind = 'corrupt' | 'locked' | 'readonly' | 'busy-file' | 'full' | 'missing' | 'not-folder' | 'is-folder' | 'name-too-long' | 'io';

const KINDS: [FailureKind, readonly string[]][] = [
  ['corrupt', ['SQLITE_NOTADB', 'SQLITE_CORRUPT']],
  ['locked', ['SQLITE_BUSY', 'SQLITE_LOCKED']],
  ['readonly', ['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EACCES', 'EROFS']],
  // A file open in Word/WPS/Excel on Windows: rename fails with EBUSY or EPERM.
  ['busy-file', ['EBUSY', 'EPERM']],
  ['full', ['SQLITE_FULL', 'ENOSPC', 'EDQUOT']],
  ['missing', ['ENOENT']],
  ['not-folder', ['ENOTDIR']],
  ['is-folder', ['EISDIR']],
  ['name-too-long', ['ENAMETOOLONG']],
  ['io', ['SQLITE_IOERR', 'EIO']],
];

export const errorCodeOf = (e: unknown): string => {
  const c = (e as { code?: unknown } | null)?.code;
  return typeof c === 'string' ? c : '';
};

export function failureKind(code: string): FailureKind | null {
  for (const [kind, codes] of KINDS) if (codes.some((c) => code === c || code.startsWith(`${c}_`))) return kind;
  return null;
}
