/**
 * The published page read by the importer's general entry — every shape it reads: a saved web page,
 * text copied from it, its PDF or its .docx — and compared with the archived report.
 */
import type { Report } from '../../report';
import { compareWithPublished, type VerifyResult } from '../../report/verify';
import { ImportError, importFile, importText, type ImportResult } from '../import';

export interface PublishedSource {
  /** A file: its name (the importer looks at the extension where the content cannot tell) and bytes. */
  file?: { name: string; data: Uint8Array };
  /** Text copied from the page (plain, or the HTML a browser puts on the clipboard). */
  text?: string;
}

/**
 * The year is not asked of the importer (a page of another year is a difference to show, not a file
 * refused); only a page that names no year at all — a fragment — is read as the archived year.
 */
export async function readPublishedPage(source: PublishedSource, archived: Report): Promise<ImportResult> {
  const read = (year?: number) => {
    const opts = { agency: archived.agency, ...(year ? { year } : {}) };
    if (source.file) return importFile(source.file.name, source.file.data, opts);
    return Promise.resolve(importText(source.text ?? '', opts));
  };
  try {
    return await read();
  } catch (e) {
    if (e instanceof ImportError && e.code === 'NO_YEAR') return read(archived.year);
    throw e;
  }
}

export async function verifyAgainst(archived: Report, source: PublishedSource): Promise<VerifyResult> {
  const read = await readPublishedPage(source, archived);
  return compareWithPublished(archived, { report: read.report, uncertain: read.uncertain, headings: read.headings });
}
