/**
 * Shapes of published pages the widened holdout corpus (test/import/holdout/make-widen.ts) found read
 * WRONG without a flag, or not at all:
 * - a Chromium PDF of a page printing its figures full-width (「７」), with their unit (「4件」), with
 *   thousands separators (「2,174」: rand-city-2022 88 cells, 249 over the corpus) or its
 *   zeros as 「-」「/」「——」 (pdf.js gives 「⸺」): the PDF reader took no such row for a row of figures,
 *   read its label as a row of blank cells, and the blanks as 0 — Table 三's 22 non-zero cells of
 *   qingshi-2024 read 0, nothing flagged;
 * - pdftotext `-layout` of the full-width page: no ASCII digit in Table 三, so it passed for a table
 *   printed blank and was read as all 0 (the same 22 cells wrong);
 * - a page's 「——」 for zero (Chromium innerText), and 「-」 between figures in pdftotext -layout: not
 *   blanks, so every row was flagged;
 * - Table 三 published as a picture: 175 cells empty without a word of why.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pdfToText } from '../../main/import/pdf/assemble';
import type { PdfPage } from '../../main/import/pdf/extract';
import { readPublished } from '../../main/import/text';
import { classify } from '../../main/import/text/cells';
import { loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';
import { RANDOM_SPECS, randomReport } from './holdout/random-reports';
import { asPdf } from './pdf-items';

const FIX = join(import.meta.dirname, '../fixtures/text');
const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const REQUESTS = Object.keys(qingshi.requests).flatMap((k) => qingshi.requests[k]!.map((_, c) => `requests.${k}.${c}`));

/** A report (qingshi-2024) as PDF items with every whole figure printed as `print` has it (Table 二's money untouched). */
function printed(print: (figure: string) => string, report = qingshi): PdfPage[] {
  return asPdf(renderReport(report, 'tabs')).map((p) => ({ ...p, items: p.items.map((i) => (/^\d+$/.test(i.str) ? { ...i, str: print(i.str) } : i)) }));
}
const fullWidth = (f: string) => f.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('a PDF whose figures are printed full-width, with 件, or with a mark for zero', () => {
  for (const [name, print] of [
    ['full-width 「７」', fullWidth],
    ['with their unit 「7件」', (f: string) => `${f}件`],
    ['zeros as 「-」', (f: string) => (f === '0' ? '-' : f)],
    ['zeros as 「/」', (f: string) => (f === '0' ? '/' : f)],
    ['zeros as 「——」 (pdf.js: 「⸺」)', (f: string) => (f === '0' ? '⸺' : f)],
  ] as const) {
    it(`${name}: Table 三 and 四 read right, none flagged`, () => {
      const r = readPublished(pdfToText(printed(print)).text, 'pdf');
      expect(unflaggedWrong(r, qingshi)).toEqual([]);
      expect(r.uncertain.filter((c) => c.startsWith('requests.') || c.startsWith('appeals.'))).toEqual([]);
      expect(r.report.requests).toEqual(qingshi.requests);
      expect(r.report.appeals).toEqual(qingshi.appeals);
    });
  }
});

it('a PDF whose figures have thousands separators 「2,174」 (a city in the thousands): read right, none flagged', () => {
  const city = randomReport(RANDOM_SPECS.find((s) => s.name === 'rand-city-2024')!);
  const r = readPublished(pdfToText(printed((f) => Number(f).toLocaleString('en-US'), city)).text, 'pdf');
  expect(unflaggedWrong(r, city)).toEqual([]);
  expect(r.report.requests).toEqual(city.requests);
  expect(r.uncertain.filter((c) => c.startsWith('requests.'))).toEqual([]);
});

describe('copied text of such pages', () => {
  it('pdftotext -layout of the full-width page: read as the figures printed, not as a blank table of 0', () => {
    const r = readPublished(readFileSync(join(FIX, 'qingshi-2024.site-full-width.pdftotext-layout.txt'), 'utf8'), 'text');
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(r.findings.map((f) => f.rule)).not.toContain('IMPORT-BLANK-TABLE');
    expect(r.report.requests).toEqual(qingshi.requests);
  });

  it('a full-width figure in a table otherwise printed blank: not a blank table (flagged, never 0)', () => {
    const blank = readFileSync(join(FIX, 'akto-muztagh-2022.nbsp.chromium.pdftotext.txt'), 'utf8');
    const r = readPublished(blank.replace('6.属于四类过程性信息', '6.属于四类过程性信息 １'), 'text');
    expect(r.findings.filter((f) => f.rule === 'IMPORT-BLANK-TABLE').map((f) => f.message.slice(0, 2))).not.toContain('表三');
    expect(r.uncertain.filter((c) => c.startsWith('requests.')).length).toBeGreaterThan(0);
  });

  it('Chromium innerText of a page writing 「——」 for zero: blank cells, read right', () => {
    const r = readPublished(readFileSync(join(FIX, 'qingshi-2024.site-emdash.innertext.txt'), 'utf8'), 'text');
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(r.uncertain.filter((c) => REQUESTS.includes(c))).toEqual([]);
  });
});

describe('zero marks between figures in running text', () => {
  it('「7 - 1 - - 1 9」 is seven cells with blanks in place; 「— 2 —」 (a page number) is none', () => {
    expect(classify('7 - 1 - - 1 9', false).map((c) => (c.kind === 'num' ? c.text : c.kind))).toEqual(['7', 'blank', '1', 'blank', 'blank', '1', '9']);
    expect(classify('1 ⸺ ⸺ —— / ／ 1', false).filter((c) => c.kind === 'blank')).toHaveLength(5);
    expect(classify('— 2 —', false)).toEqual([]);
  });

  it('pdftotext -layout of a page writing 「-」 for zero: read (every row was 「读不出7个数字」, 190 cells flagged)', () => {
    const r = readPublished(readFileSync(join(FIX, 'qingshi-2024.site-dash.pdftotext-layout.txt'), 'utf8'), 'text');
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(r.uncertain.filter((c) => REQUESTS.includes(c)).length).toBeLessThanOrEqual(2);
  });
});

describe('Table 三 published as a picture', () => {
  it('Chromium innerText of the page: nothing read as 0, every cell flagged, and the clerk is told why', () => {
    const r = readPublished(readFileSync(join(FIX, 'qingshi-2024.site-image.innertext.txt'), 'utf8'), 'text');
    expect(unflaggedWrong(r, qingshi)).toEqual([]);
    expect(REQUESTS.every((c) => (r.uncertain as string[]).includes(c))).toBe(true);
    const note = r.findings.find((f) => f.rule === 'IMPORT-MISSING' && f.message.startsWith('表三'));
    expect(note?.message).toContain('可能以图片发布');
    expect(note?.cells).toHaveLength(REQUESTS.length);
    // Table 四 below it is read as printed.
    expect(r.report.appeals).toEqual(qingshi.appeals);
  });
});
