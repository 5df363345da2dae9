/**
 * More holdout inputs (issue 18: find the wrong figures nobody has seen yet), made by ways make.ts does
 * not try, with the same manifest.json / expected/ layout so tally.ts counts them:
 * - site shapes (site-shapes.ts) of our 「复制到网站」 page: the page file itself, Chromium `innerText`
 *   and selection text, Chromium print-to-PDF in landscape, and pdftotext plain, `-layout`, `-raw` of
 *   every PDF made here;
 * - our .docx export opened in LibreOffice and saved as text (Word-table text: a cell per line) and as
 *   HTML (the file, and Chromium `innerText` of it);
 * - our .xlsx export saved by LibreOffice as CSV (every visible sheet, in order, as a clerk pastes them)
 *   and printed to PDF by Calc;
 * - the Word-like Table 三 (vertical group label, wrapped labels) in other fonts and column widths, zeros
 *   blank or 「—」 (word-like-variants.py) → LibreOffice PDF, and its pdftotext.
 *
 *   npx tsx test/import/holdout/make-widen.ts [/work/holdout-widen] [name…]
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildDocx, buildHtml, buildXlsx } from '../../../main/export';
import { allReports, env, type NamedReport } from './make';
import { SITE_SHAPES } from './site-shapes';

/** Other clerks' Word files of the Word-like Table 三 (word-like-variants.py: fonts, column widths, zeros). */
const WORD_LIKE_VARIANTS = ['kaiti-12pt', 'hei-9pt-wide-labels', 'narrow-figures', 'blank-zeros', 'dash-zeros'];
const WORD_LIKE_VARIANTS_PY = join(import.meta.dirname, 'word-like-variants.py');
import type { HoldoutEntry } from './sources';

export interface WidenOptions {
  only?: string[];
  /** Only these site shapes (keys of SITE_SHAPES); default all. */
  shapes?: string[];
  /** Leave out the LibreOffice ways (the slow part). */
  noOffice?: boolean;
  /** What a test can make in well under a minute: no selection text, no Word-like variants. */
  quick?: boolean;
  /** The reports to render (default: make.ts's allReports). */
  reports?: (out: string) => NamedReport[];
  /** Leave manifest.json unwritten (make-fresh.ts writes one for all its ways). */
  noManifest?: boolean;
}

/** Workbook order: 报告信息, then 表二, 表三, 表四 (file names sort otherwise). */
const sheetOrder = (file: string) => '报二三四'.indexOf(/-(?:表)?(.)[^-]*\.csv$/.exec(file)?.[1] ?? '');
const innerText = (page: Page) => page.evaluate(() => document.body.innerText);
/** Ctrl+A, Ctrl+C: the selection's text (tables come out otherwise than innerText's). */
const selectionText = (page: Page) => page.evaluate(() => {
  document.execCommand('selectAll');
  return window.getSelection()!.toString();
});

function soffice(work: string, to: string, files: string[], outdir = work): void {
  if (!files.length) return;
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outdir, ...files], { env, stdio: 'ignore', timeout: 900_000 });
}

export async function makeWiden(out: string, { only, shapes, noOffice = false, quick = false, reports: source = allReports, noManifest = false }: WidenOptions = {}): Promise<HoldoutEntry[]> {
  mkdirSync(join(out, 'expected'), { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'holdout-widen-'));
  const entries: HoldoutEntry[] = [];
  const pdfs: { file: string; source: string; how: string; scope?: string[] }[] = [];
  const add = (e: HoldoutEntry) => entries.push(e);
  const reports = source(out).filter(([name]) => !only || only.includes(name));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true, env });
  try {
    const page = await browser.newPage();
    for (const [name, report, path] of reports) {
      if (!path.startsWith(out)) copyFileSync(path, join(out, 'expected', `${name}.json`));
      const html = buildHtml(report);
      for (const [shape, [rewrite, kind]] of Object.entries(SITE_SHAPES)) {
        if (shapes && !shapes.includes(shape)) continue;
        // A page without Table 三's figures: only Table 三 is judged (it must be flagged, never read as 0).
        const scope = shape === 'image' ? { scope: ['requests.'] } : {};
        const content = rewrite(html);
        const file = `${name}.site-${shape}.html`;
        writeFileSync(join(out, file), content);
        add({ file, source: name, kind, how: `site-html/${shape}`, ...scope });
        await page.setContent(content);
        const inner = `${name}.site-${shape}.innertext.txt`;
        writeFileSync(join(out, inner), await innerText(page));
        add({ file: inner, source: name, kind, how: `site-innertext/${shape}`, ...scope });
        if (!quick) {
          const selection = `${name}.site-${shape}.selection.txt`;
          writeFileSync(join(out, selection), await selectionText(page));
          add({ file: selection, source: name, kind, how: `site-selection/${shape}`, ...scope });
        }
        const pdf = `${name}.site-${shape}.landscape.pdf`;
        writeFileSync(join(out, pdf), await page.pdf({ format: 'A4', landscape: true }));
        pdfs.push({ file: pdf, source: name, how: `site-pdf-landscape/${shape}`, ...scope });
      }
      if (noOffice) continue;
      writeFileSync(join(work, `${name}.office.docx`), await buildDocx(report));
      writeFileSync(join(work, `${name}.office.xlsx`), await buildXlsx(report));
      if (report.format !== 'gov-2021' || quick) continue;
      for (const variant of WORD_LIKE_VARIANTS) {
        execFileSync('/usr/bin/python3', [WORD_LIKE_VARIANTS_PY, path, join(work, `${name}.word-like-${variant}.docx`), variant]);
        pdfs.push({ file: `${name}.word-like-${variant}.pdf`, source: name, how: `libreoffice-pdf/word-like-${variant}`, scope: ['requests.'] });
      }
    }
    if (!noOffice) await officeWays(out, work, reports.map(([name]) => name), page, add, pdfs);
  } finally {
    await browser.close();
  }
  for (const p of pdfs) {
    add({ file: p.file, source: p.source, kind: 'pdf', how: p.how, ...(p.scope ? { scope: p.scope } : {}) });
    for (const [flag, suffix] of [[[], 'pdftotext'], [['-layout'], 'pdftotext-layout'], [['-raw'], 'pdftotext-raw']] as const) {
      const txt = p.file.replace(/\.pdf$/, `.${suffix}.txt`);
      execFileSync('pdftotext', [...flag, join(out, p.file), join(out, txt)]);
      add({ file: txt, source: p.source, kind: 'copy', how: `${suffix}/${p.how}`, ...(p.scope ? { scope: p.scope } : {}) });
    }
  }
  rmSync(work, { recursive: true, force: true });
  entries.sort((a, b) => a.file.localeCompare(b.file));
  if (!noManifest) writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 1));
  return entries;
}

/** Our .docx → LibreOffice text and HTML; our .xlsx → LibreOffice CSV (all sheets) and Calc PDF. */
async function officeWays(out: string, work: string, names: string[], page: Page, add: (e: HoldoutEntry) => void, pdfs: { file: string; source: string; how: string; scope?: string[] }[]): Promise<void> {
  const docx = names.map((n) => join(work, `${n}.office.docx`));
  const xlsx = names.map((n) => join(work, `${n}.office.xlsx`));
  soffice(work, 'txt:Text (encoded):UTF8', docx);
  soffice(work, 'html', docx);
  soffice(work, 'pdf', [...xlsx, ...readdirSync(work).filter((f) => f.includes('.word-like-') && f.endsWith('.docx')).map((f) => join(work, f))]);
  for (const f of readdirSync(work).filter((f) => f.includes('.word-like-') && f.endsWith('.pdf'))) renameSync(join(work, f), join(out, f));
  // Every sheet to its own CSV (token 9: as shown, the Save As dialog's default, so 1.2560 keeps its zero;
  // token 12 = -1: all sheets, files named <name>-<sheet>.csv).
  const csvDir = join(work, 'csv');
  mkdirSync(csvDir);
  soffice(work, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1', xlsx, csvDir);
  const csvs = readdirSync(csvDir);
  for (const name of names) {
    const text = `${name}.office-docx.libreoffice.txt`;
    renameSync(join(work, `${name}.office.txt`), join(out, text));
    add({ file: text, source: name, kind: 'copy', how: 'libreoffice-text/docx-export' });
    const html = `${name}.office-docx.libreoffice.html`;
    renameSync(join(work, `${name}.office.html`), join(out, html));
    add({ file: html, source: name, kind: 'web', how: 'libreoffice-html/docx-export' });
    await page.setContent(readFileSync(join(out, html), 'utf8'));
    const inner = `${name}.office-docx.libreoffice-html.innertext.txt`;
    writeFileSync(join(out, inner), await innerText(page));
    add({ file: inner, source: name, kind: 'web', how: 'libreoffice-html-innertext/docx-export' });
    // The hidden machine sheet _cells is not what a clerk sees or copies: only the visible sheets.
    const sheets = csvs.filter((f) => f.startsWith(`${name}.office-`) && !f.endsWith('-_cells.csv'))
      .sort((a, b) => sheetOrder(a) - sheetOrder(b));
    const csv = `${name}.office-xlsx.libreoffice.csv`;
    writeFileSync(join(out, csv), sheets.map((f) => readFileSync(join(csvDir, f), 'utf8')).join('\n'));
    add({ file: csv, source: name, kind: 'copy', how: 'libreoffice-csv/xlsx-export' });
    const pdf = `${name}.office-xlsx.calc.pdf`;
    renameSync(join(work, `${name}.office.pdf`), join(out, pdf));
    pdfs.push({ file: pdf, source: name, how: 'libreoffice-calc-pdf/xlsx-export' });
  }
}

if (process.argv[1] === import.meta.filename) {
  const [dir = '/work/holdout-widen', ...only] = process.argv.slice(2);
  void makeWiden(dir, only.length ? { only } : {}).then((e) => console.log(`${e.length} inputs in ${dir}`));
}
