/**
 * Hostile containers (issue 10, items 4–5): merge and dimension bombs and zip entries that lie about
 * their size give a Chinese refusal or a correct reading, without the process growing by gigabytes;
 * the same reader still reads a report saved the way WPS saves it (whole-row/column merges, column
 * styles to XFD, sheet-wide validation and print area). Peak RSS per file is in test/bench/hostile.bench.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tempDir } from '../helpers/temp';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx } from '../../main/export/xlsx';
import { ImportError, importFile } from '../../main/import';
import { clampSheet } from '../../main/import/xlsx-clamp';
import { hostileFiles, minimalXlsx, sheetXml, wpsStyle } from '../helpers/hostile';
import { cellDiffs, loadReport, SHARED } from './helpers';

const qingshi = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
const CJK = /[\u4e00-\u9fff]/;

const tmp = tempDir('nianbao-hostile-');
afterAll(tmp.cleanup);
const ROOT = join(import.meta.dirname, '../..');

/**
 * What importing gives, read by the CLI in a process of its own (as users run it), and that
 * process's peak RSS from the kernel (getrusage maxrss, tools via test/bench/max-rss.mjs): a peak
 * during synchronous parsing cannot be missed, as an in-process timer sampling memory would.
 */
async function attempt(name: string, data: Buffer): Promise<{ error?: { message: string }; peakMb: number }> {
  const file = join(tmp.dir, name);
  writeFileSync(file, data);
  const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/bench/max-rss.mjs'), join(ROOT, 'tools/cli.mjs'), 'import', file, '--dry-run', '--json'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  const peakMb = Number(/maxRSS=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  const said = r.stderr.replace(/\nmaxRSS=\d+\n?/, '').trim();
  return r.status === 0 ? { peakMb } : { error: { message: said.startsWith(`${name}：`) ? said.slice(name.length + 1) : said }, peakMb };
}

describe('hostile .xlsx and .docx', () => {
  for (const f of hostileFiles()) {
    it(`${f.name} (${(f.data.length / 1024).toFixed(0)} KB): a Chinese refusal, memory bounded`, async () => {
      const r = await attempt(f.name, f.data);
      // None of them is a report: each is refused, in a sentence the clerk can read.
      expect(r.error).toBeDefined();
      expect(r.error!.message).toMatch(CJK);
      expect(r.error!.message).not.toMatch(/[A-Za-z]{6,}/);
      expect(r.peakMb).toBeLessThan(300); // README: any file up to the size limit < 300 MB
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
