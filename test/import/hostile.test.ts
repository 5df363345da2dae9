/**
 * Hostile containers (issue 10, items 4–5): merge and dimension bombs and zip entries that lie about
 * their size give a Chinese refusal or a correct reading, without the process growing by gigabytes;
 * the same reader still reads a report saved the way WPS saves it (whole-row/column merges, column
 * styles to XFD, sheet-wide validation and print area). Peak RSS per file is in test/bench/hostile.bench.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildXlsx } from '../../main/export/xlsx';
import { ImportError, importFile } from '../../main/import';
import { clampSheet } from '../../main/import/xlsx-clamp';
import { hostileFiles, minimalXlsx, sheetXml, wpsStyle } from '../helpers/hostile';
import { cellDiffs, loadReport, SHARED } from './helpers';

const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const CJK = /[\u4e00-\u9fff]/;

/** What importing gives: the result or the refusal, and how much the process grew meanwhile. */
async function attempt(name: string, data: Buffer): Promise<{ error?: ImportError; grewMb: number }> {
  const before = process.memoryUsage().rss;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  try {
    await importFile(name, data);
    return { grewMb: (Math.max(peak, process.memoryUsage().rss) - before) / 2 ** 20 };
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    return { error: e, grewMb: (Math.max(peak, process.memoryUsage().rss) - before) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

describe('hostile .xlsx and .docx', () => {
  for (const f of hostileFiles()) {
    it(`${f.name} (${(f.data.length / 1024).toFixed(0)} KB): a Chinese refusal, memory bounded`, async () => {
      const r = await attempt(f.name, f.data);
      // None of them is a report: each is refused, in a sentence the clerk can read.
      expect(r.error).toBeDefined();
      expect(r.error!.message).toMatch(CJK);
      expect(r.error!.message).not.toMatch(/[A-Za-z]{6,}/);
      expect(r.grewMb).toBeLessThan(250);
    });
  }

  it('an entry that understates its size is refused as too large, not as damaged', async () => {
    const bomb = hostileFiles().filter((f) => f.name.startsWith('谎报大小'));
    for (const f of bomb) await expect(importFile(f.name, f.data)).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('merges and dimensions are clamped to the cells the sheet holds', () => {
    const c = clampSheet(sheetXml({ dimension: 'A1:XFD1048576', merges: ['A1:XFD1048576', 'C5:D9'] }));
    expect(c).toMatchObject({ rows: 1, cols: 1 });
    expect(c.xml).toContain('<dimension ref="A1:A1"/>');
    expect(c.xml).not.toContain('mergeCell');
    const wide = clampSheet(sheetXml({ merges: ['A1:T100000'] }).replace('</row>', '<c r="C1"/></row><row r="3"><c r="B3"/></row>'));
    expect(wide.xml).toContain('<mergeCell ref="A1:C3"/>');
  });

  it('a report saved the WPS way (merges and styles to XFD, sheet-wide validation and print area) reads exactly', async () => {
    const wps = await wpsStyle(await buildXlsx(qingshi));
    const own = await importFile('青石镇.xlsx', wps);
    expect(cellDiffs(own.report, qingshi)).toEqual([]);
    // Without the _cells map the visible sheets are read by their labels, through the clamped merges.
    const zip = await JSZip.loadAsync(wps);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    zip.file('xl/workbook.xml', book.replace(/<sheet [^>]*name="_cells"[^>]*\/>/, ''));
    const byLabels = await importFile('青石镇.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(byLabels.source).toBe('xlsx');
    expect(cellDiffs(byLabels.report, qingshi)).toEqual([]);
    expect(byLabels.report.agency).toBe(qingshi.agency);
  });

  it('a sheet within bounds reads as before: a merged title and a cell under it', async () => {
    const xml = sheetXml({ merges: ['A1:XFD1'] }).replace('</row>', '<c r="D1"/></row><row r="2"><c r="B2"><v>7</v></c></row>');
    const c = clampSheet(xml);
    expect(c.xml).toContain('<mergeCell ref="A1:D1"/>');
    const e = await importFile('x.xlsx', minimalXlsx(xml)).catch((err: ImportError) => err);
    expect(e).toMatchObject({ code: 'NOT_A_REPORT' });
  });
});
