/**
 * Peak RSS of one CLI import (`cli import FILE --dry-run --json`, a spawned process), for a normal
 * report and for each hostile file of issue 10 (merge and dimension bombs, zip entries understating
 * their size), for a 7-page PDF and each hostile PDF (issue 20). Budgets: a normal report < 150 MB
 * (a PDF < 200 MB), any file up to the size limit < 300 MB.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDocx } from '../../main/export/docx';
import { buildXlsx } from '../../main/export/xlsx';
import { validateJson } from '../../report/validate';
import { readFileSync } from 'node:fs';
import { fatDocx, fatXlsx, fullSheetXlsx, hostileFiles, wpsStyle } from '../helpers/hostile';
import { hostilePdfs } from '../helpers/hostile-pdf';
import { tempDir } from '../helpers/temp';
import type { Bench } from './harness';

const root = join(import.meta.dirname, '../..');
const v = validateJson(JSON.parse(readFileSync(join(root, '../shared/fixtures/reports/qingshi-2024.json'), 'utf8')));
if (!v.ok) throw new Error('qingshi-2024.json');
const report = v.report;
const tmp = tempDir('nianbao-bench-rss-');

/** Peak RSS in MB of one CLI import of the file, and its exit code. */
function importRss(file: string): { mb: number; code: number | null } {
  const r = spawnSync(
    process.execPath,
    // The CLI as users run it: the built bundle under plain Node (tools/cli.mjs), not tsx.
    ['--import', join(import.meta.dirname, 'max-rss.mjs'), join(root, 'tools/cli.mjs'), 'import', file, '--dry-run', '--json'],
    { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const kb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return { mb: kb / 1024, code: r.status };
}

function rssBench(name: string, budgetMb: number, make: () => Promise<Buffer> | Buffer, fileName: string): Bench {
  const file = join(tmp.dir, fileName);
  let last = { mb: NaN, code: null as number | null };
  return {
    name: `peak RSS, CLI import: ${name}`,
    runs: 1,
    setup: async () => writeFileSync(file, await make()),
    fn: () => (last = importRss(file)),
    budgetMb,
    peakMb: () => last.mb,
    extra: () => `exit ${last.code}`,
  };
}

export const benches: Bench[] = [
  rssBench('normal report .docx', 150, () => buildDocx(report), 'normal.docx'),
  rssBench('normal report .xlsx', 150, () => buildXlsx(report), 'normal.xlsx'),
  rssBench('normal report .xlsx, saved the WPS way', 150, async () => wpsStyle(await buildXlsx(report)), 'wps.xlsx'),
  ...hostileFiles().map((f) => rssBench(f.name, 300, () => f.data, f.name)),
  rssBench('.xlsx: 15 MB of well-formed sheet and strings', 300, fatXlsx, 'fat.xlsx'),
  rssBench('.xlsx: 2 000 rows × 60 cells', 300, fullSheetXlsx, 'full.xlsx'),
  rssBench('.docx: 3.9 MB of well-formed paragraphs', 300, fatDocx, 'fat.docx'),
  // PDFs: a 7-page report (budget 200 MB, issue 18), then every hostile PDF of issue 20 (read in the PDF worker, same process).
  rssBench('7-page PDF report', 200, () => readFileSync(join(root, 'test/fixtures/pdf/pingtan-2022-full-text.libreoffice.pdf')), 'pingtan.pdf'),
  ...hostilePdfs().map((f) => rssBench(`PDF ${f.name}`, 300, f.make, f.name)),
];

process.on('exit', () => tmp.cleanup());
