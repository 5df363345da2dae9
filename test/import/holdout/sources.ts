/**
 * The reports with known figures that the holdout corpus is rendered from (issue 18: inputs the
 * importer was never tuned on are made from these by make.ts), and the manifest it writes.
 */
import { join } from 'node:path';

const SHARED = join(import.meta.dirname, '../../../../shared/fixtures');
const TEXT = join(import.meta.dirname, '../../fixtures/text');

/** name → the true report (.json). */
export const HOLDOUT_SOURCES: Record<string, string> = {
  'akto-muztagh-2022': join(SHARED, 'published/akto-muztagh-2022.json'),
  'alemale-2023': join(SHARED, 'published/alemale-2023.json'),
  'dajin-2024': join(SHARED, 'published/dajin-2024.json'),
  'pingtan-2022': join(SHARED, 'published/pingtan-2022.json'),
  'shanghai-office-2019': join(SHARED, 'published/shanghai-office-2019.json'),
  'wenquan-2020': join(SHARED, 'published/wenquan-2020.json'),
  'qingshi-2023': join(SHARED, 'reports/qingshi-2023.json'),
  'qingshi-2024': join(SHARED, 'reports/qingshi-2024.json'),
  'lanxi-2024': join(TEXT, 'lanxi-2024.json'),
  'mengxi-2024': join(TEXT, 'mengxi-2024.json'),
};

/**
 * The goal's groups (issue 18 Proof): `pdf` is a PDF file; `copy` is what a browser or a PDF viewer
 * puts on the clipboard (innerText, selection, pdftotext); `web` is a page's text with its zeros printed.
 */
export type HoldoutKind = 'web' | 'copy' | 'pdf';

export interface HoldoutEntry {
  /** File name inside the corpus folder. */
  file: string;
  /** Source name (a key of HOLDOUT_SOURCES); the expected figures are expected/<source>.json. */
  source: string;
  kind: HoldoutKind;
  /** How it was made, e.g. "chromium-pdf/nbsp" or "pdftotext-raw/libreoffice". */
  how: string;
  /** Only these cell-path prefixes are printed in the input (the Word-like PDF has Table 三 only). */
  scope?: string[];
}
