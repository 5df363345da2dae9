/**
 * The count the issue asks for (issue 18, Proof): over every text/PDF fixture with known figures,
 * how many cells are read right (and not flagged), flagged, or wrong without a flag.
 * Run alone: `npx tsx test/import/tally.ts` prints one line per fixture and the totals.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../main/import';
import { getCell } from '../../report/cells';
import { layoutOf } from '../../report/layout';
import type { Report } from '../../report/types';
import { expected, loadReport, PUBLISHED, SHARED } from './helpers';

const FIX = join(import.meta.dirname, '../fixtures');
const qingshi = () => loadReport(join(SHARED, 'reports/qingshi-2024.json'));

/** [label, file path, expected report, kind]: kind groups the figures the issue's goals are stated for. */
export const TALLY_SET: [string, string, () => Report, 'web' | 'copy' | 'pdf'][] = [
  ...(['akto-muztagh-2022.txt', 'alemale-2023.txt', 'dajin-2024.txt', 'pingtan-2022.txt', 'wenquan-2020.txt', 'shanghai-office-2019.html'] as const)
    .map((f): [string, string, () => Report, 'web'] => [f, join(PUBLISHED, f), () => expected(f.replace(/\.\w+$/, '')), 'web']),
  ['qingshi-2024.innertext-paragraphs.txt', join(FIX, 'text/qingshi-2024.innertext-paragraphs.txt'), qingshi, 'copy'],
  ['pingtan-2022-blank-zeros.innertext-paragraphs.txt', join(FIX, 'text/pingtan-2022-blank-zeros.innertext-paragraphs.txt'), () => expected('pingtan-2022'), 'copy'],
  ['pingtan-2022-blank-zeros.libreoffice-text.txt', join(FIX, 'text/pingtan-2022-blank-zeros.libreoffice-text.txt'), () => expected('pingtan-2022'), 'copy'],
  ['pingtan-2022-blank-zeros.pdftotext-layout.txt', join(FIX, 'text/pingtan-2022-blank-zeros.pdftotext-layout.txt'), () => expected('pingtan-2022'), 'copy'],
  ['qingshi-2024.pdftotext-layout.txt', join(FIX, 'text/qingshi-2024.pdftotext-layout.txt'), qingshi, 'copy'],
  ['qingshi-2024.pdftotext-raw.txt', join(FIX, 'text/qingshi-2024.pdftotext-raw.txt'), qingshi, 'copy'],
  ...(['nbsp.selection', 'nbsp.innertext', 'nbsp-paragraphs.innertext', 'pdftotext', 'pdftotext-layout'] as const)
    .map((s): [string, string, () => Report, 'copy'] => [`lanxi-2024.${s}.txt`, join(FIX, `text/lanxi-2024.${s}.txt`), () => loadReport(join(FIX, 'text/lanxi-2024.json')), 'copy']),
  ['pingtan-2022.nbsp.chromium.pdftotext-layout.txt', join(FIX, 'text/pingtan-2022.nbsp.chromium.pdftotext-layout.txt'), () => expected('pingtan-2022'), 'copy'],
  ['lanxi-2024.nbsp.chromium.pdftotext-layout.txt', join(FIX, 'text/lanxi-2024.nbsp.chromium.pdftotext-layout.txt'), () => loadReport(join(FIX, 'text/lanxi-2024.json')), 'copy'],
  ['akto-muztagh-2022.nbsp.chromium.pdftotext.txt', join(FIX, 'text/akto-muztagh-2022.nbsp.chromium.pdftotext.txt'), () => expected('akto-muztagh-2022'), 'copy'],
  ['mengxi-2024.nbsp.chromium.pdftotext-raw.txt', join(FIX, 'text/mengxi-2024.nbsp.chromium.pdftotext-raw.txt'), () => loadReport(join(FIX, 'text/mengxi-2024.json')), 'copy'],
  ['qingshi-2024.nbsp.chromium.pdftotext.txt', join(FIX, 'text/qingshi-2024.nbsp.chromium.pdftotext.txt'), qingshi, 'copy'],
  ['pingtan-2022.nbsp.chromium.pdftotext-raw.txt', join(FIX, 'text/pingtan-2022.nbsp.chromium.pdftotext-raw.txt'), () => expected('pingtan-2022'), 'copy'],
  ['qingshi-2024.crawler-glued.txt', join(FIX, 'text/qingshi-2024.crawler-glued.txt'), qingshi, 'copy'],
  ['qingshi-2023.crawler-glued-broken.txt', join(FIX, 'text/qingshi-2023.crawler-glued-broken.txt'), () => loadReport(join(SHARED, 'reports/qingshi-2023.json')), 'copy'],
  ['lanxi-2024.nbsp-paragraphs.chromium.pdftotext-layout.txt', join(FIX, 'text/lanxi-2024.nbsp-paragraphs.chromium.pdftotext-layout.txt'), () => loadReport(join(FIX, 'text/lanxi-2024.json')), 'copy'],
  // pdftotext plain of Chromium's PDF with its zeros printed (Table 二 by headers, shared runs).
  ['pingtan-2022.zeros.chromium.pdftotext.txt', join(FIX, 'text/pingtan-2022.zeros.chromium.pdftotext.txt'), () => expected('pingtan-2022'), 'copy'],
  ['lanxi-2024.zeros.chromium.pdftotext.txt', join(FIX, 'text/lanxi-2024.zeros.chromium.pdftotext.txt'), () => loadReport(join(FIX, 'text/lanxi-2024.json')), 'copy'],
  ['shanghai-office-2019.zeros.chromium.pdftotext.txt', join(FIX, 'text/shanghai-office-2019.zeros.chromium.pdftotext.txt'), () => expected('shanghai-office-2019'), 'copy'],
  ['rand-city-2019.zeros.chromium.pdftotext.txt', join(FIX, 'text/rand-city-2019.zeros.chromium.pdftotext.txt'), () => loadReport(join(FIX, 'text/rand-city-2019.json')), 'copy'],
  // 其他 / 总计 printed under Table 四's heading (split-columns.ts).
  ...(['rand-county-2023', 'rand-county-2020'] as const)
    .map((n): [string, string, () => Report, 'copy'] => [`${n}.zeros.chromium.pdftotext.txt`, join(FIX, `text/${n}.zeros.chromium.pdftotext.txt`), () => loadReport(join(FIX, `text/${n}.json`)), 'copy']),
  // Two rows' figures in runs of columns, a row's figures spilt before its label (shared-runs.ts); blank cells placed by the rules (column-placement.ts).
  ['rand-city-2019.zeros.chromium.pdftotext-layout.txt', join(FIX, 'text/rand-city-2019.zeros.chromium.pdftotext-layout.txt'), () => loadReport(join(FIX, 'text/rand-city-2019.json')), 'copy'],
  ['rand-city-2022.zeros.chromium.pdftotext.txt', join(FIX, 'text/rand-city-2022.zeros.chromium.pdftotext.txt'), () => loadReport(join(FIX, 'text/rand-city-2022.json')), 'copy'],
  ['shanghai-office-2019.nbsp.chromium.pdftotext-raw.txt', join(FIX, 'text/shanghai-office-2019.nbsp.chromium.pdftotext-raw.txt'), () => expected('shanghai-office-2019'), 'copy'],
  ['lanxi-2024.portal-header.txt', join(FIX, 'text/lanxi-2024.portal-header.txt'), () => loadReport(join(FIX, 'text/lanxi-2024.json')), 'web'],
  ['mengxi-2024.crawler-glued-zeros.txt', join(FIX, 'text/mengxi-2024.crawler-glued-zeros.txt'), () => loadReport(join(FIX, 'text/mengxi-2024.json')), 'web'],
  ['qingshi-2024.libreoffice.pdf', join(FIX, 'pdf/qingshi-2024.libreoffice.pdf'), qingshi, 'pdf'],
  ['wenquan-2020.libreoffice.pdf', join(FIX, 'pdf/wenquan-2020.libreoffice.pdf'), () => expected('wenquan-2020'), 'pdf'],
  ['pingtan-2022-full-text.libreoffice.pdf', join(FIX, 'pdf/pingtan-2022-full-text.libreoffice.pdf'), () => expected('pingtan-2022'), 'pdf'],
  ['pingtan-2022-blank-zeros.chromium.pdf', join(FIX, 'pdf/pingtan-2022-blank-zeros.chromium.pdf'), () => expected('pingtan-2022'), 'pdf'],
];

export interface Tally {
  right: number;
  flagged: number;
  wrong: number;
  wrongCells: string[];
}

/** `scope`: only cells whose path starts with one of these (an input that prints Table 三 only). */
export async function tallyOne(file: string, want: Report, scope?: readonly string[]): Promise<Tally> {
  const r = await importFile(file, readFileSync(file));
  const flagged = new Set(r.uncertain);
  const t: Tally = { right: 0, flagged: 0, wrong: 0, wrongCells: [] };
  for (const c of layoutOf(want.format).cells) {
    if (scope && !scope.some((p) => c.path.startsWith(p))) continue;
    if (flagged.has(c.path)) t.flagged++;
    else if (getCell(r.report, c.path) === getCell(want, c.path)) t.right++;
    else {
      t.wrong++;
      t.wrongCells.push(`${c.path}: ${String(getCell(r.report, c.path))} ≠ ${String(getCell(want, c.path))}`);
    }
  }
  return t;
}

export async function printTally(): Promise<void> {
  const sum: Record<string, Tally> = {};
  for (const [label, file, want, kind] of TALLY_SET) {
    const t = await tallyOne(file, want());
    const s = (sum[kind] ??= { right: 0, flagged: 0, wrong: 0, wrongCells: [] });
    s.right += t.right;
    s.flagged += t.flagged;
    s.wrong += t.wrong;
    console.log(`${label}\tright ${t.right}\tflagged ${t.flagged}\twrong ${t.wrong}${t.wrongCells.length ? `\t${t.wrongCells.slice(0, 5).join('; ')}` : ''}`);
  }
  for (const [kind, s] of Object.entries(sum))
    console.log(`${kind}: right ${s.right}, flagged ${s.flagged}, wrong ${s.wrong} (${((100 * s.right) / (s.right + s.flagged + s.wrong)).toFixed(1)} % right)`);
}

if (process.argv[1] === import.meta.filename) void printTally();
