/** Why a file cannot be imported: a code for programs, a Chinese sentence for the clerk. */

export type ImportErrorCode =
  /** Nothing in the file. */
  | 'EMPTY'
  /** Larger than MAX_IMPORT_BYTES; refused before parsing. */
  | 'TOO_LARGE'
  /** Not a file type the importer reads (a picture, a PDF, an archive of something else). */
  | 'UNSUPPORTED'
  /** A .docx/.xlsx that is damaged or truncated, or a file renamed to such an extension. */
  | 'CORRUPT'
  /** A password-protected Office file. */
  | 'ENCRYPTED'
  /** Word 97–2003 .doc / Excel .xls: binary formats not read. */
  | 'LEGACY_OFFICE'
  /** Readable, but no annual report in it. */
  | 'NOT_A_REPORT'
  /** A report without a year, and none was given. */
  | 'NO_YEAR'
  /** The report's year is not the one asked for. */
  | 'YEAR_MISMATCH'
  /** A year before the unified formats (2019). */
  | 'UNSUPPORTED_YEAR'
  /** A .json that is not the canonical report form. */
  | 'INVALID_JSON';

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  /** Details for a log or a dialog's “more” section (e.g. the JSON validation errors). */
  readonly details: string | undefined;

  constructor(code: ImportErrorCode, message: string, details?: string) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.details = details;
  }
}

/** A published report is tens of KB; a .docx with photos a few MB. 50 MB leaves room and keeps parsing bounded. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Decompressed XML read from a .docx (a zip bomb stops here). */
export const MAX_XML_CHARS = 40 * 1024 * 1024;
