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
