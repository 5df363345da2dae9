/**
 * A part of the third holdout corpus (test/import/holdout/make-fresh.ts), made afresh by Chromium and
 * LibreOffice: the gov-2019 county whose every result row is 「1 1 1 1 1 1 6」 (fresh-county-identical-2020)
 * as make.ts's quick ways (innerText, selection, Chromium PDFs, LibreOffice PDFs of our .docx and of
 * the page) and the new ones (tables in 14pt, <br> in labels, pdftotext -nopgbrk). Before the fix in
 * pdf/wrapped-figures.ts its LibreOffice PDF read 105 cells wrong without a flag (two rows one line
 * apart joined as one row's wrapped halves: 「11 … 66」 keeps every rule) and each Chromium PDF 2–6.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { hasChromium, hasTool } from './holdout/tools';
import { makeFresh } from './holdout/make-fresh';
import { percentRight, sumBy, tallyHoldout, type HoldoutTally } from './holdout/tally';

const tools = hasChromium() && hasTool('soffice') && hasTool('pdftotext');

describe.skipIf(!tools)('the fresh holdout corpus (made now: identical rows)', () => {
  const dir = tempDir('nianbao-holdout-fresh-');
  let rows: HoldoutTally[] = [];
  beforeAll(async () => {
    const entries = await makeFresh(dir.dir, { only: ['fresh-county-identical-2020'], quick: true });
    rows = await tallyHoldout(dir.dir, entries);
  }, 240_000);
  afterAll(() => dir.cleanup());

  it('has the ways that read wrong before and the new ones', () => {
    const hows = new Set(rows.map((r) => r.entry.how));
    for (const how of ['libreoffice-pdf/docx-export', 'chromium-pdf/nbsp', 'chromium-pdf-bigfont/nbsp', 'chromium-innertext/br-labels', 'pdftotext-nopgbrk/libreoffice-pdf/html-nbsp'])
      expect(hows).toContain(how);
  });

  it('not one cell read wrong without a flag', () => {
    expect(rows.flatMap((r) => r.wrongCells.map((c) => `${r.entry.file} ${c}`))).toEqual([]);
  });

  it('its PDFs and browser copies read completely (100 % when this was written)', () => {
    const whole = ['libreoffice-pdf/docx-export', 'chromium-pdf/nbsp', 'chromium-pdf/zeros', 'chromium-print-dialog/nbsp', 'chromium-pdf-bigfont/nbsp', 'chromium-innertext/br-labels', 'chromium-selection/br-labels', 'chromium-innertext/nbsp'];
    for (const [how, t] of sumBy(rows.filter((r) => whole.includes(r.entry.how)), (e) => e.how)) expect(percentRight(t), how).toBe(100);
  });
});
