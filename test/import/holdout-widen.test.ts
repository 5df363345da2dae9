/**
 * A part of the widened holdout corpus (test/import/holdout/make-widen.ts), made afresh by Chromium
 * and LibreOffice: a city's report in the thousands (rand-city-2024) as site-shaped pages with
 * 「2,174」, 「74件」, full-width 「２１７４」 and 「——」 for zero — each as the page, its innerText, a
 * landscape Chromium PDF and that PDF's pdftotext — and our .docx/.xlsx through LibreOffice (text, HTML,
 * CSV, Calc PDF). Before the fixes these inputs gave 100+ WRONG cells without a flag (every row with a
 * 「2,174」 or 「74件」 read as blank, so 0; 「3.其他」 reading （七）总计's figures from the Calc PDF's
 * text; 「1.本机关不掌握相关政府信息」 its successor's). Not one wrong cell now.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp';
import { hasChromium, hasTool } from './holdout/tools';
import { makeWiden } from './holdout/make-widen';
import { percentRight, sumBy, tallyHoldout, type HoldoutTally } from './holdout/tally';

const tools = hasChromium() && hasTool('soffice') && hasTool('pdftotext');

describe.skipIf(!tools)('the widened holdout corpus (made now: site shapes, LibreOffice text/CSV/Calc)', () => {
  const dir = tempDir('nianbao-holdout-widen-');
  let rows: HoldoutTally[] = [];
  beforeAll(async () => {
    await makeWiden(dir.dir, { only: ['rand-city-2024'], shapes: ['thousands', 'jian', 'full-width', 'emdash'], quick: true });
    rows = await tallyHoldout(dir.dir);
  }, 240_000);
  afterAll(() => dir.cleanup());

  it('has the ways that read wrong before', () => {
    const hows = new Set(rows.map((r) => r.entry.how));
    for (const how of ['site-pdf-landscape/thousands', 'pdftotext/site-pdf-landscape/jian', 'pdftotext/libreoffice-calc-pdf/xlsx-export', 'libreoffice-text/docx-export', 'libreoffice-csv/xlsx-export'])
      expect(hows).toContain(how);
  });

  it('not one cell read wrong without a flag', () => {
    expect(rows.flatMap((r) => r.wrongCells.map((c) => `${r.entry.file} ${c}`))).toEqual([]);
  });

  it('the pages, the 「2,174」 and 「——」 PDFs and the Calc PDF read completely (100 % when this was written)', () => {
    // 「5883件」 and full-width 「５８８３」 in this narrow landscape column wrap onto two lines: whole Table 三 flagged, not read.
    const whole = ['site-pdf-landscape/thousands', 'site-pdf-landscape/emdash', 'libreoffice-calc-pdf/xlsx-export'];
    for (const [how, t] of sumBy(rows.filter((r) => whole.includes(r.entry.how)), (e) => e.how)) expect(percentRight(t), how).toBe(100);
    const pages = rows.filter((r) => /^site-(html|innertext)\//.test(r.entry.how) && r.flagged);
    expect(pages.map((r) => `${r.entry.file}: ${r.flagged} flagged`)).toEqual([]);
  });
});
