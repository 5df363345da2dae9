/**
 * Readings of PDF-viewer text that looked certain and were not (found on the holdout corpus of
 * issue 18: pdftotext plain/-raw of Chromium PDFs of pages with `&nbsp;` blank cells):
 * - 「2.重复申请 380 600 980」 cut into 3, 80, 60, 0 … to fill seven cells;
 * - seven figures gathered from several rows taken as one row as printed, its sums broken;
 * - figures alternating with empty lines (pdftotext's spacing) counted as blank cells.
 */
import { describe, expect, it } from 'vitest';
import { rowReadings } from '../../main/import/text/candidates';
import { classify, segmentCells } from '../../main/import/text/cells';

const rowSum = (v: (string | null)[]) => {
  const t = v[v.length - 1];
  return t === null || t === undefined || v.slice(0, -1).reduce((s, x) => s + Number(x ?? 0), 0) === Number(t);
};
const opts = { width: 7, exact: false, typeOk: () => true, check: rowSum };

describe('figures a PDF viewer keeps apart are not cut', () => {
  it('space-separated figures are whole; a run of zeros may still be glued cells', () => {
    expect(classify('380 600 980', false).map((c) => c.kind === 'num' && c.whole)).toEqual([true, true, true]);
    expect(classify('000000 0', false).map((c) => c.kind === 'num' && !!c.whole)).toEqual([false, false]);
    const cells = segmentCells(' 380 600 980\n', '2.重复申请 380 600 980').cells;
    expect(rowReadings(cells, { ...opts, running: true })).toEqual([]);
    // Crawler text gluing a whole row stays splittable: 「713000074」 → 71 3 0 0 0 0 74.
    expect(rowReadings(segmentCells('713000074', '').cells, { ...opts, running: true }).map((c) => c.vals.join(' '))).toContain('71 3 0 0 0 0 74');
  });

  it('seven figures in running text whose sums break are no reading; the same in a TAB row are the publisher\'s', () => {
    const run = segmentCells(' 21 21 8 3 1 74 9\n', '');
    expect(run.running).toBe(true);
    expect(rowReadings(run.cells, { ...opts, running: true })).toEqual([]);
    const tabs = segmentCells('\t21\t21\t8\t3\t1\t74\t9', '');
    expect(tabs.running).toBe(false);
    expect(rowReadings(tabs.cells, { ...opts, running: tabs.running })).toHaveLength(1);
  });

  it('figures alternating with single empty lines are not counted as blank cells', () => {
    const alternating = segmentCells('\n7\n\n1\n\n4\n\n', '');
    expect(alternating.counted).toBeUndefined();
    expect(rowReadings(alternating.cells, { ...opts, running: alternating.running }).some((c) => c.vals.join(',') === ',7,,1,,4,')).toBe(false);
    // LibreOffice's “save as text” with two blanks together still counts lines: 7, blank, blank, 2, …
    expect(segmentCells('\n7\n\n\n2\n\n\n9\n', '').counted).toBe(true);
  });
});

describe('running text whose row lost its total', () => {
  it('lines counted to the row width (LibreOffice text) with the sums broken are no reading, page breaks and all', () => {
    const seg = segmentCells('\n\n4\n1\n\n1\n\n5\n1\n\n\f', '');
    expect(seg.running).toBe(true);
    expect(rowReadings(seg.cells, { ...opts, running: seg.running })).toEqual([]);
  });

  it('a row with figures and its 总计 blank is flagged, not summed (the total may be lost)', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { importText } = await import('../../main/import');
    const { expected, unflaggedWrong } = await import('./helpers');
    const file = join(import.meta.dirname, '../fixtures/text/pingtan-2022-blank-zeros.libreoffice-text.txt');
    const lost = readFileSync(file, 'utf8').replace(/（一）予以公开\n21\n\n\n\n\n\n21\n/, '（一）予以公开\n21\n\n\n\n\n\n\n');
    expect(lost).not.toBe(readFileSync(file, 'utf8'));
    const r = importText(lost);
    expect(r.uncertain).toContain('requests.granted.0');
    expect(r.uncertain).toContain('requests.granted.6');
    expect(unflaggedWrong(r, expected('pingtan-2022')).filter((d) => !d.startsWith('requests.granted.6'))).toEqual([]);
  });
});

describe('Table 二 in a PDF viewer\'s text', () => {
  it('a row whose figures stand on lines after its label (they may be the next row\'s) is flagged; on its own line it is read', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { importText } = await import('../../main/import');
    const text = readFileSync(join(import.meta.dirname, '../fixtures/text/qingshi-2024.nbsp.chromium.pdftotext.txt'), 'utf8');
    expect(text).toContain('\f');
    const below = importText(text.replace('\n行政许可\n', '\n行政许可\n\n356\n\n'));
    expect(below.uncertain).toContain('active.licensing.decisions');
    expect(below.findings.some((f) => /不在行名的同一行/.test(f.message))).toBe(true);
    const beside = importText(text.replace('\n行政许可\n', '\n行政许可 356\n'));
    expect(beside.uncertain).not.toContain('active.licensing.decisions');
    expect(beside.report.active.licensing).toEqual({ decisions: 356 });
  });
});

describe('a browser\'s print margins in a PDF viewer\'s copy', () => {
  it('the address, page count, date and the page title beside it are dropped; a text without the address keeps its lines', async () => {
    const { dropPrintMargins } = await import('../../main/import/text/clean');
    const page = ['标题年度报告', '7.属于行政执法案卷', 'file:///C:/Users/user/Downloads/report.html', '', '1/2', '', '12/6/26, 8:31 AM', '', '标题年度报告', '', '8.属于行政查询事项',
      'file:///C:/Users/user/Downloads/report.html                 2/2', '12/6/26, 8:31 AM            标题年度报告'].join('\n');
    expect(dropPrintMargins(page).split('\n').filter((l) => l.trim())).toEqual(['标题年度报告', '7.属于行政执法案卷', '8.属于行政查询事项']);
    expect(dropPrintMargins('1/2\n12/6/26, 8:31 AM')).toBe('1/2\n12/6/26, 8:31 AM');
  });
});
