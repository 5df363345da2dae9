/**
 * The holdout corpus (issue 18 Proof: "inputs the project has never seen"): every report with known
 * figures (sources.ts) rendered the ways clerks meet it, by programs this project does not control:
 * - our 「复制到网站」 page (main/export/html.ts) with its zeros printed and with every 0 of Tables 三/四 as
 *   `&nbsp;` (and that page with each cell's text in a <p>, as Word-made pages are), opened in Chromium:
 *   `innerText` (Ctrl+A, Ctrl+C), the selection's text, and print-to-PDF (A4);
 *   — the issue's 「信访举报投诉类申请」 148 → 1 came from such a Chromium PDF;
 * - our .docx export → LibreOffice PDF; a Word-like .docx (test/fixtures/pdf/word-like/make.py: the
 *   vertical one-character group label, wrapped labels, Table 三 only) → LibreOffice PDF;
 * - `pdftotext` plain, `-layout` and `-raw` of every PDF.
 * Writes the inputs, expected/<source>.json, manifest.json and README.md into the folder.
 *
 *   npx tsx test/import/holdout/make.ts [/work/holdout]   (needs chromium, soffice, pdftotext, python3-docx)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildDocx, buildHtml } from '../../../main/export';
import type { Report } from '../../../report/types';
import { loadReport } from '../helpers';
import { RANDOM_SPECS, randomReport } from './random-reports';
import { HOLDOUT_SOURCES, type HoldoutEntry } from './sources';

export const FONTS = join(import.meta.dirname, '../../../../shared/tools/fontconfig/fonts.conf');
export const WORD_LIKE = join(import.meta.dirname, '../../fixtures/pdf/word-like/make.py');
export const env = existsSync(FONTS) ? { ...process.env, FONTCONFIG_FILE: FONTS } : process.env;

/** Every 0 of Tables 三/四 (after Table 三's heading) as `&nbsp;`, as many sites write blank cells. */
export function nbspZeros(html: string): string {
  const at = html.indexOf('三、收到和处理政府信息公开申请情况');
  return html.slice(0, at) + html.slice(at).replace(/>0<\/td>/g, '>&nbsp;</td>');
}
const paragraphs = (html: string) => html.replace(/(<td[^>]*>)(.*?)(<\/td>)/g, '$1<p>$2</p>$3');

/** What the browser's own print dialog (另存为PDF) adds: margins, the date and title above, the address and 「1/3」 below. */
const PRINT_DIALOG = {
  format: 'A4',
  displayHeaderFooter: true,
  margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' },
  headerTemplate: '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 1cm"><span class="date"></span><span class="title"></span><span></span></div>',
  footerTemplate: '<div style="font-size:8px;width:100%;display:flex;justify-content:space-between;padding:0 1cm"><span>file:///C:/Users/user/Downloads/report.html</span><span><span class="pageNumber"></span>/<span class="totalPages"></span></span></div>',
} as const;

/** Every report of the corpus: the fixtures with known figures, then the made-up ones (written to expected/ first). */
export type NamedReport = [name: string, report: Report, path: string];

export function allReports(out: string): NamedReport[] {
  const known = Object.entries(HOLDOUT_SOURCES).map(([name, path]): [string, Report, string] => [name, loadReport(path), path]);
  const made = RANDOM_SPECS.map((spec): [string, Report, string] => {
    const path = join(out, 'expected', `${spec.name}.json`);
    const report = randomReport(spec);
    writeFileSync(path, JSON.stringify(report, null, 1));
    return [spec.name, loadReport(path), path];
  });
  return [...known, ...made];
}

export interface MakeOptions {
  /** Only these reports (names of sources.ts or random-reports.ts). */
  only?: string[];
  /** The part a test can make in well under a minute: no <p> page, no second Word-like PDF, no pdftotext. */
  quick?: boolean;
  /** The reports to render (default: allReports — make-fresh.ts passes its own). */
  reports?: (out: string) => NamedReport[];
  /** Leave manifest.json and README.md unwritten (make-fresh.ts writes one manifest for all its ways). */
  noManifest?: boolean;
}

export async function makeHoldout(out: string, { only, quick = false, reports = allReports, noManifest = false }: MakeOptions = {}): Promise<HoldoutEntry[]> {
  mkdirSync(join(out, 'expected'), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'holdout-'));
  const entries: HoldoutEntry[] = [];
  const pdfs: { file: string; source: string; how: string; scope?: string[] }[] = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true, env });
  try {
    const page = await browser.newPage();
    for (const [n, [name, report, path]] of reports(out).entries()) {
      if (only && !only.includes(name)) continue;
      if (!path.startsWith(out)) copyFileSync(path, join(out, 'expected', `${name}.json`));
      const html = buildHtml(report);
      const pages: [string, string][] = [['zeros', html], ['nbsp', nbspZeros(html)], ...(quick ? [] : [['nbsp-paragraphs', paragraphs(nbspZeros(html))] as [string, string]])];
      for (const [variant, content] of pages) {
        await page.setContent(content);
        const kind = variant === 'zeros' ? 'web' : 'copy';
        const inner = `${name}.${variant}.innertext.txt`;
        writeFileSync(join(out, inner), await page.evaluate(() => document.body.innerText));
        entries.push({ file: inner, source: name, kind, how: `chromium-innertext/${variant}` });
        if (variant !== 'nbsp-paragraphs') {
          const sel = `${name}.${variant}.selection.txt`;
          writeFileSync(join(out, sel), await page.evaluate(() => {
            document.execCommand('selectAll');
            return window.getSelection()!.toString();
          }));
          entries.push({ file: sel, source: name, kind, how: `chromium-selection/${variant}` });
        }
        const pdf = `${name}.${variant}.chromium.pdf`;
        writeFileSync(join(out, pdf), await page.pdf({ format: 'A4' }));
        pdfs.push({ file: pdf, source: name, how: `chromium-pdf/${variant}` });
        if (variant === 'nbsp') {
          const printed = `${name}.${variant}.chromium-print.pdf`;
          writeFileSync(join(out, printed), await page.pdf(PRINT_DIALOG));
          pdfs.push({ file: printed, source: name, how: `chromium-print-dialog/${variant}` });
          // A5: narrow columns, labels wrapped over more lines, 4-digit figures filling their cells.
          const small = `${name}.${variant}.chromium-a5.pdf`;
          writeFileSync(join(out, small), await page.pdf({ format: 'A5' }));
          pdfs.push({ file: small, source: name, how: `chromium-pdf-a5/${variant}` });
          // Printed at 140 %: 4- and 5-digit figures overflow their cells and run into the next one.
          const zoom = `${name}.${variant}.chromium-zoom.pdf`;
          writeFileSync(join(out, zoom), await page.pdf({ format: 'A4', scale: 1.4 }));
          pdfs.push({ file: zoom, source: name, how: `chromium-pdf-zoom/${variant}` });
          if (!quick) {
            // Printed at 60 %: rows split by page breaks with their figures on the first page.
            const small = `${name}.${variant}.chromium-60.pdf`;
            writeFileSync(join(out, small), await page.pdf({ format: 'A4', scale: 0.6 }));
            pdfs.push({ file: small, source: name, how: `chromium-pdf-60/${variant}` });
          }
          // The page opened in LibreOffice Writer (Writer/Web) and saved as PDF.
          writeFileSync(join(work, `${name}.${variant}.libreoffice-html.html`), content);
          pdfs.push({ file: `${name}.${variant}.libreoffice-html.pdf`, source: name, how: `libreoffice-pdf/html-${variant}` });
        }
      }
      writeFileSync(join(work, `${name}.libreoffice.docx`), await buildDocx(report));
      pdfs.push({ file: `${name}.libreoffice.pdf`, source: name, how: 'libreoffice-pdf/docx-export' });
      if (report.format === 'gov-2021') {
        execFileSync('/usr/bin/python3', [WORD_LIKE, path, join(work, `${name}.word-like.docx`)]);
        pdfs.push({ file: `${name}.word-like.pdf`, source: name, how: 'libreoffice-pdf/word-like', scope: ['requests.'] });
        // The same with less or more text above: Table 三's page break falls on another row.
        if (quick) continue;
        const paragraphs = 1 + ((n * 7) % 17);
        execFileSync('/usr/bin/python3', [WORD_LIKE, path, join(work, `${name}.word-like-p${paragraphs}.docx`), String(paragraphs)]);
        pdfs.push({ file: `${name}.word-like-p${paragraphs}.pdf`, source: name, how: 'libreoffice-pdf/word-like-break', scope: ['requests.'] });
      }
    }
  } finally {
    await browser.close();
  }
  const docs = readdirSync(work).filter((f) => f.endsWith('.docx') || f.endsWith('.html')).map((f) => join(work, f));
  if (docs.length) {
    const profile = join(work, 'profile');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', work, ...docs], { env, stdio: 'ignore', timeout: 900_000 });
    for (const f of readdirSync(work).filter((f) => f.endsWith('.pdf'))) renameSync(join(work, f), join(out, f));
  }
  for (const p of pdfs) {
    entries.push({ file: p.file, source: p.source, kind: 'pdf', how: p.how, ...(p.scope ? { scope: p.scope } : {}) });
    for (const [flag, suffix] of quick ? [] : ([[[], 'pdftotext'], [['-layout'], 'pdftotext-layout'], [['-raw'], 'pdftotext-raw']] as const)) {
      const txt = p.file.replace(/\.pdf$/, `.${suffix}.txt`);
      execFileSync('pdftotext', [...flag, join(out, p.file), join(out, txt)]);
      entries.push({ file: txt, source: p.source, kind: 'copy', how: `${suffix}/${p.how}`, ...(p.scope ? { scope: p.scope } : {}) });
    }
  }
  rmSync(work, { recursive: true, force: true });
  entries.sort((a, b) => a.file.localeCompare(b.file));
  if (noManifest) return entries;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 1));
  writeFileSync(join(out, 'README.md'), readme(entries));
  return entries;
}

function readme(entries: HoldoutEntry[]): string {
  const rows = entries.map((e) => `| \`${e.file}\` | ${e.kind} | ${e.how} | \`expected/${e.source}.json\`${e.scope ? ` (only ${e.scope.join(', ')})` : ''} |`);
  return [
    '# Holdout corpus (issue 18)',
    '',
    'Generated by `npx tsx test/import/holdout/make.ts <dir>` in the nianbao repository; nothing here was',
    'tuned on. Each input file → the true figures in `expected/<source>.json`; `manifest.json` says the same',
    'as JSON. Tally: `npx tsx test/import/holdout/tally.ts <dir>`.',
    '',
    'Kinds: `pdf` a PDF file; `copy` a browser copy of a page whose blank cells are `&nbsp;`, or pdftotext',
    'output (what a PDF viewer copies); `web` a browser copy of the page with every zero printed. The',
    'Word-like PDFs (and their pdftotext) print Table 三 only: count only `requests.*` cells.',
    '',
    '| file | kind | made how | expected |',
    '|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const [dir = '/work/holdout', ...only] = process.argv.slice(2);
  void makeHoldout(dir, only.length ? { only } : {}).then((e) => console.log(`${e.length} inputs in ${dir}`));
}
