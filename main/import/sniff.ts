/**
 * What kind of file the bytes are, whatever the name says, and text decoding. Clerks rename files,
 * save pictures as .docx and pages as .txt in GBK; each case gets its own clear refusal or reading.
 */
import { ImportError } from './errors';

export type Kind = 'zip' | 'ole' | 'pdf' | 'text';

const starts = (d: Uint8Array, bytes: number[]) => bytes.every((b, i) => d[i] === b);

export function sniff(data: Uint8Array): Kind {
  if (starts(data, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (starts(data, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  // %PDF, possibly after a few bytes of junk (the format allows the header within the first 1 KB).
  if (Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 1024)).includes('%PDF-')) return 'pdf';
  if (starts(data, [0x89, 0x50, 0x4e, 0x47]) || starts(data, [0xff, 0xd8, 0xff]) || starts(data, [0x47, 0x49, 0x46, 0x38]) ||
    starts(data, [0x42, 0x4d]) || (starts(data, [0x52, 0x49, 0x46, 0x46]) && starts(data.subarray(8), [0x57, 0x45, 0x42, 0x50])))
    throw new ImportError('UNSUPPORTED', '这是一张图片，不是年报文件；请导入网页、Word（.docx）、Excel（.xlsx）或文本文件');
  if (starts(data, [0x52, 0x61, 0x72, 0x21]) || starts(data, [0x37, 0x7a, 0xbc, 0xaf]) || starts(data, [0x1f, 0x8b]))
    throw new ImportError('UNSUPPORTED', '这是一个压缩包，请先解压，再导入其中的年报文件');
  return 'text';
}

/** An encrypted Office file is an OLE container holding an “EncryptedPackage” stream (the name in UTF-16). */
export function isEncryptedOffice(data: Uint8Array): boolean {
  const needle = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes(needle);
}

/** UTF-8 (with or without BOM), UTF-16 with BOM, otherwise GB18030 (a superset of GBK/GB2312, common on older sites). */
export function decodeText(data: Uint8Array): string {
  if (starts(data, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (starts(data, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(data.subarray(2));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    text = new TextDecoder('gb18030').decode(data);
  }
  text = text.replace(/^\ufeff/, '');
  const sample = text.slice(0, 8192);
  const control = sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  if (control > sample.length * 0.02)
    throw new ImportError('UNSUPPORTED', '文件不是文本，也不是可识别的网页、Word 或 Excel 文件，无法导入');
  return text;
}

/** Pasted or saved HTML (a web page, Word's “save as web page”, the clipboard's HTML). */
export const looksLikeHtml = (text: string): boolean =>
  /^\s*(<!doctype\s+html|<html|<\?xml[^>]*>\s*<html)/i.test(text) || /<(table|tr|td|p|div|body|span)[\s>]/i.test(text.slice(0, 20000));
