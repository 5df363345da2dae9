/**
 * Importing a report from a file or pasted text: pure functions of the bytes (nothing is written).
 * Dispatch is by content first — clerks rename files — and by extension where content cannot tell.
 */
import { ImportError, MAX_IMPORT_BYTES } from './errors';
import { csvToTabs } from './csv';
import { readDocx } from './docx';
import { htmlToText } from './html/render';
import { readJson } from './json';
import type { ImportOptions, ImportResult } from './result';
import { decodeText, isEncryptedOffice, looksLikeHtml, sniff } from './sniff';
import { readPdf } from './pdf';
import { readPublished } from './text';
import { readXlsx } from './xlsx';
import { openZip } from './zip';

export { ImportError, MAX_IMPORT_BYTES } from './errors';
export type { ImportErrorCode } from './errors';
export { splitCells, toDryRunJson } from './result';
export type { ImportOptions, ImportResult, ImportSource } from './result';

/** File types the importer reads (for open dialogs). */
export { IMPORT_EXTENSIONS } from '../../report/lists';

const extOf = (name: string): string => /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';

export async function importFile(name: string, data: Uint8Array, opts: ImportOptions = {}): Promise<ImportResult> {
  if (data.byteLength > MAX_IMPORT_BYTES)
    throw new ImportError('TOO_LARGE', `文件过大（${(data.byteLength / 1024 / 1024).toFixed(0)} MB，上限 ${MAX_IMPORT_BYTES / 1024 / 1024} MB），不像是一份年度报告，未导入`);
  if (data.byteLength === 0) throw new ImportError('EMPTY', '文件是空的，没有可导入的内容');
  const ext = extOf(name);
  const kind = sniff(data);
  if (kind === 'ole') {
    if (isEncryptedOffice(data)) throw new ImportError('ENCRYPTED', '文件有密码保护，请在 Office/WPS 中取消密码后再导入');
    throw new ImportError('LEGACY_OFFICE', '这是旧版 Word/Excel 文件（.doc/.xls），请在 Office/WPS 中另存为 .docx 或 .xlsx 后再导入');
  }
  if (kind === 'pdf') return readPdf(data, opts);
  if (ext === 'pdf') throw new ImportError('CORRUPT', '这不是有效的 PDF 文件，可能已损坏或是改了扩展名的其他文件');
  if (kind === 'zip') {
    // The container says what it is, whatever the extension: a renamed .xlsx is still read.
    const zip = await openZip(data, ext === 'xlsx' ? 'xlsx' : 'docx');
    if (zip.file('word/document.xml')) return readDocx(data, opts, zip);
    if (zip.file('xl/workbook.xml')) return readXlsx(data, opts, zip);
    // WPS and LibreOffice save their own formats (.ods/.odt/.et …) as zips with a mimetype entry: say what to do.
    const mimetype = zip.file('mimetype') ? zip.text('mimetype', 4096).trim() : '';
    if (mimetype.startsWith('application/vnd.oasis.opendocument.'))
      throw new ImportError(
        'LEGACY_OFFICE',
        mimetype.includes('spreadsheet')
          ? '这是 .ods 表格文件，请在 WPS 或 LibreOffice 中另存为 .xlsx 后再导入'
          : '这是 .odt 等开放文档格式的文件，请在 WPS 或 LibreOffice 中另存为 .docx 后再导入',
      );
    throw new ImportError('UNSUPPORTED', '这是一个压缩文件，但不是 Word（.docx）或 Excel（.xlsx）文件，无法导入');
  }
  if (ext === 'docx' || ext === 'xlsx')
    throw new ImportError('CORRUPT', `这不是有效的 ${ext === 'docx' ? 'Word（.docx）' : 'Excel（.xlsx）'} 文件，可能已损坏或是改了扩展名的其他文件`);
  if (ext === 'doc' || ext === 'xls' || ext === 'wps' || ext === 'et')
    throw new ImportError('LEGACY_OFFICE', '请在 Office/WPS 中把文件另存为 .docx 或 .xlsx 后再导入');
  const text = decodeText(data);
  if (!text.trim()) throw new ImportError('EMPTY', '文件是空的，没有可导入的内容');
  if (ext === 'json' || /^\s*\{/.test(text)) return readJson(text, opts);
  if (ext === 'html' || ext === 'htm' || looksLikeHtml(text)) return readPublished(htmlToText(text), 'html', opts);
  if (ext === 'csv') return readPublished(csvToTabs(text), 'text', opts);
  return readPublished(text, 'text', opts);
}

/** Text pasted into the app (plain text, or the HTML a browser or Word puts on the clipboard). */
export function importText(text: string, opts: ImportOptions = {}): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) throw new ImportError('TOO_LARGE', '粘贴的内容过长，不像是一份年度报告，未导入');
  if (!text.trim()) throw new ImportError('EMPTY', '没有可导入的内容');
  if (/^\s*\{/.test(text)) return readJson(text, opts);
  if (looksLikeHtml(text)) return readPublished(htmlToText(text), 'html', opts);
  return readPublished(text, 'text', opts);
}
