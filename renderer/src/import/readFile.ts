/** A chosen file as base64 for import:preview: the page hands over bytes, never a path. */

import { isDesktop } from '../api';
import { IMPORT_EXTENSIONS } from '../../../report/lists';

/**
 * The browser mode's local server takes 16 MB per request: room for an 11 MB file in base64 (a
 * published PDF with its fonts and a photo or two). The
 * desktop app passes the bytes to main directly; its cap only keeps a wrong pick (a video) out.
 */
export const MAX_FILE_BYTES = (isDesktop ? 50 : 11) * 1024 * 1024;

export async function readAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // In slices: String.fromCharCode with a whole file's bytes as arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export const ACCEPTED = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** The importer's extensions as a clerk reads them: 「.txt .html …」. */
export const ACCEPTED_TEXT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(' ');
