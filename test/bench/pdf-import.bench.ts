/**
 * PDF import (issue 11): a 7-page report with its full text, printed by LibreOffice from our .docx —
 * warm median (the reading thread and pdf.js loaded once; budget 300 ms). Its peak memory is
 * measured where users meet it, in a process of its own: cli.bench.ts (the CLI and serve:web).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../main/import';
import type { Bench } from './harness';

const pdf = readFileSync(join(import.meta.dirname, '../fixtures/pdf/pingtan-2022-full-text.libreoffice.pdf'));

export const benches: Bench[] = [
  {
    name: 'import a 7-page PDF report (pingtan 2022, warm)',
    budgetMs: 300,
    runs: 20,
    setup: () => importFile('pingtan.pdf', pdf),
    fn: () => importFile('pingtan.pdf', pdf),
  },
];
