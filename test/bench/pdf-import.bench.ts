/**
 * PDF import (issue 11): a 7-page report with its full text, printed by LibreOffice from our .docx —
 * warm median (pdfjs loaded once; budget 300 ms) and the process's peak resident memory.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../main/import';
import type { Bench } from './harness';

const file = join(import.meta.dirname, '../fixtures/pdf/pingtan-2022-full-text.libreoffice.pdf');
const pdf = readFileSync(file);

/** Peak RSS of the text-layer reading under plain Node (pdf-rss.mjs), as in the packaged app. */
function plainNodeRss(): string {
  const mb = execFileSync(process.execPath, [join(import.meta.dirname, 'pdf-rss.mjs'), file], { encoding: 'utf8' }).trim();
  return `${mb} MB`;
}

export const benches: Bench[] = [
  {
    name: 'import a 7-page PDF report (pingtan 2022, warm)',
    budgetMs: 300,
    runs: 20,
    setup: () => importFile('pingtan.pdf', pdf),
    fn: () => importFile('pingtan.pdf', pdf),
    extra: () => `peak RSS: pdfjs under plain Node ${plainNodeRss()}; this tsx bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (maxRSS)`,
  },
];
