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
/**
 * Bytes one part of an .xlsx may inflate to (sheets are clamped to the cells read before parsing).
 * These limits keep one import under 300 MB peak (npm run bench, hostile.bench.ts).
 */
export const MAX_XML_CHARS = 8 * 1024 * 1024;
/**
 * A .docx's document.xml: a published report's is well under 1 MB, and reading it into a tree
 * costs about 40 bytes per byte of XML.
 */
export const MAX_DOCUMENT_XML_BYTES = 4 * 1024 * 1024;
/** Bytes inflated from one .docx/.xlsx, all parts read together (counted while inflating, not as declared). */
export const MAX_INFLATED_BYTES = 16 * 1024 * 1024;
