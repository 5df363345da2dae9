/**
 * The third holdout corpus (issue 18: the first two were tuned on all day, so they are no longer
 * "never seen"): the reports of fresh-reports.ts (new seeds, agencies, years and shapes of figures)
 * through every way of make.ts and make-widen.ts, and ways nobody had tried:
 * - `chromium-pdf-bigfont/nbsp`: the &nbsp; page with its tables in 14pt (a site's own stylesheet):
 *   labels wrap over more lines, figures fill their cells;
 * - `chromium-*\/br-labels`: the page with every long label of Tables 三/四 broken by a `<br>` (as
 *   a clerk's editor or a CMS writes them), its innerText, selection and PDF;
 * - `pdftotext-nopgbrk/…`, `pdftotext-layout-nopgbrk/…`: pdftotext without the form feed between
 *   pages (what some viewers and crawlers give) of the A4 Chromium, LibreOffice .docx and LibreOffice
 *   HTML PDFs.
 * One manifest.json for all of them.
 *
 *   npx tsx test/import/holdout/make-fresh.ts [/work/holdout-fresh] [name…]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildHtml } from '../../../main/export';
import { loadReport } from '../helpers';
import { FRESH_SPECS, freshReport } from './fresh-reports';
import { env, makeHoldout, nbspZeros, type NamedReport } from './make';
import { makeWiden } from './make-widen';
import type { HoldoutEntry } from './sources';

export function freshReports(out: string): NamedReport[] {
  mkdirSync(join(out, 'expected'), { recursive: true });
  return FRESH_SPECS.map((spec): NamedReport => {
    const path = join(out, 'expected', `${spec.name}.json`);
    writeFileSync(path, JSON.stringify(freshReport(spec), null, 1));
    return [spec.name, loadReport(path), path];
  });
}

/** Tables (from Table 三's heading on) in 14pt instead of 10.5pt. */
export const bigFont = (html: string): string => {
  const at = html.indexOf('三、收到和处理政府信息公开申请情况');
  return html.slice(0, at) + html.slice(at).replace(/font-size:10\.5pt/g, 'font-size:14pt');
};

/**
 * Every label cell of Tables 三/四 longer than six characters broken by a `<br>`: after a closing
 * 「）」 inside it (「（二）部分公开<br>（区分处理的…）」), else after its item number or in the middle.
 */
export function brLabels(html: string): string {
  const at = html.indexOf('三、收到和处理政府信息公开申请情况');
  const br = (text: string) => {
    const close = text.indexOf('）');
    const cut = close > 0 && close < text.length - 2 ? close + 1 : /^\d\./.test(text) ? 2 + Math.floor((text.length - 2) / 2) : Math.ceil(text.length / 2);
    return `${text.slice(0, cut)}<br>${text.slice(cut)}`;
  };
  return html.slice(0, at) + html.slice(at).replace(/(<td[^>]*>)([^<]{7,})(<\/td>)/g, (_all, open: string, text: string, close: string) => open + br(text) + close);
}

async function newWays(out: string, reports: NamedReport[]): Promise<HoldoutEntry[]> {
  const entries: HoldoutEntry[] = [];
  const pdfs: HoldoutEntry[] = [];
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'], headless: true, env });
  try {
    const page = await browser.newPage();
    for (const [name, report] of reports) {
      const html = buildHtml(report);
      await page.setContent(bigFont(nbspZeros(html)));
      writeFileSync(join(out, `${name}.nbsp.chromium-bigfont.pdf`), await page.pdf({ format: 'A4' }));
      pdfs.push({ file: `${name}.nbsp.chromium-bigfont.pdf`, source: name, kind: 'pdf', how: 'chromium-pdf-bigfont/nbsp' });
      await page.setContent(brLabels(html));
      writeFileSync(join(out, `${name}.br-labels.innertext.txt`), await page.evaluate(() => document.body.innerText));
      entries.push({ file: `${name}.br-labels.innertext.txt`, source: name, kind: 'web', how: 'chromium-innertext/br-labels' });
      writeFileSync(join(out, `${name}.br-labels.selection.txt`), await page.evaluate(() => {
        document.execCommand('selectAll');
        return window.getSelection()!.toString();
      }));
      entries.push({ file: `${name}.br-labels.selection.txt`, source: name, kind: 'web', how: 'chromium-selection/br-labels' });
      writeFileSync(join(out, `${name}.br-labels.chromium.pdf`), await page.pdf({ format: 'A4' }));
      pdfs.push({ file: `${name}.br-labels.chromium.pdf`, source: name, kind: 'pdf', how: 'chromium-pdf/br-labels' });
    }
  } finally {
    await browser.close();
  }
  const pdftotext = (pdf: string, flags: string[], suffix: string, how: string, source: string) => {
    const txt = pdf.replace(/\.pdf$/, `.${suffix}.txt`);
    execFileSync('pdftotext', [...flags, join(out, pdf), join(out, txt)]);
    entries.push({ file: txt, source, kind: 'copy', how: `${suffix}/${how}` });
  };
  for (const p of pdfs) {
    entries.push(p);
    for (const [flags, suffix] of [[[], 'pdftotext'], [['-layout'], 'pdftotext-layout'], [['-raw'], 'pdftotext-raw']] as const) pdftotext(p.file, [...flags], suffix, p.how, p.source);
  }
  // Without the form feed between pages, of the PDFs make.ts made (A4 Chromium, LibreOffice .docx and HTML).
  for (const [name] of reports)
    for (const [pdf, how] of [[`${name}.nbsp.chromium.pdf`, 'chromium-pdf/nbsp'], [`${name}.libreoffice.pdf`, 'libreoffice-pdf/docx-export'], [`${name}.nbsp.libreoffice-html.pdf`, 'libreoffice-pdf/html-nbsp']] as const) {
      pdftotext(pdf, ['-nopgbrk'], 'pdftotext-nopgbrk', how, name);
      pdftotext(pdf, ['-layout', '-nopgbrk'], 'pdftotext-layout-nopgbrk', how, name);
    }
  return entries;
}

export interface FreshOptions {
  /** Only these reports (names of FRESH_SPECS). */
  only?: string[];
  /** What a test makes in half a minute: make.ts's quick part and the new ways, no make-widen.ts. */
  quick?: boolean;
}

export async function makeFresh(out: string, { only, quick = false }: FreshOptions = {}): Promise<HoldoutEntry[]> {
  const reports = (dir: string) => freshReports(dir).filter(([name]) => !only || only.includes(name));
  const entries = [
    ...(await makeHoldout(out, { reports, noManifest: true, quick })),
    ...(quick ? [] : await makeWiden(out, { reports, noManifest: true })),
    ...(await newWays(out, reports(out))),
  ].sort((a, b) => a.file.localeCompare(b.file));
  writeFileSync(join(out, 'manifest.json'), JSON.stringify(entries, null, 1));
  return entries;
}

if (process.argv[1] === import.meta.filename) {
  const [dir = '/work/holdout-fresh', ...only] = process.argv.slice(2);
  void makeFresh(dir, only.length ? { only } : {}).then((e) => console.log(`${e.length} inputs in ${dir}`));
}
