import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile, importText } from '../../main/import';
import type { Bench } from './harness';

const published = join(import.meta.dirname, '../../../shared/fixtures/published');
const read = (name: string) => readFileSync(join(published, name));
const dajin = read('dajin-2024.txt').toString('utf8');
const pingtan = read('pingtan-2022.txt').toString('utf8');
const shanghai = read('shanghai-office-2019.html');
// pdftotext plain of a Chromium PDF printing 0 as a blank cell: every moved reading of Table 三 searched (column-placement.ts), the shared step budget spent.
const blankCells = readFileSync(join(import.meta.dirname, '../fixtures/text/shanghai-office-2019.nbsp.chromium.pdftotext.txt'));
// pdftotext -layout of a zoomed Chromium PDF printing 0 as a blank cell: read by places, then again with the places squeezed out (layout-second.ts).
const layoutText = readFileSync(join(import.meta.dirname, '../fixtures/text/rand-city-2024.nbsp.chromium-zoom.pdftotext-layout.txt'));

export const benches: Bench[] = [
  { name: 'import pasted report (dajin 2024, one cell per line)', budgetMs: 30, runs: 100, fn: () => importText(dajin) },
  { name: 'import pasted report, glued figures (pingtan 2022)', budgetMs: 30, runs: 100, fn: () => importText(pingtan) },
  { name: 'import HTML with rowspan/colspan (shanghai 2019)', runs: 50, fn: () => importFile('shanghai.html', shanghai) },
  { name: 'import blank-cell PDF-viewer text, the column search at its bound (shanghai 2019 pdftotext)', budgetMs: 1000, runs: 5, fn: () => importFile('shanghai.txt', blankCells) },
  { name: 'import blank-cell -layout text, read twice (rand-city 2024, zoomed page)', budgetMs: 1000, runs: 5, fn: () => importFile('rand-city.txt', layoutText) },
];
