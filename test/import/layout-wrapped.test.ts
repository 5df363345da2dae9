/**
 * Table 三 in `pdftotext -layout` text with blank cells as spaces (issue 18 §2), the shapes the
 * header words alone do not read: figures on a line of their own inside a wrapped label
 * (LibreOffice centres them on the label), and a page whose stacked header stands apart from its
 * figures with no row printed in full (columns measured on the figures themselves). Both are kept
 * only where T3-1/T3-2 can confirm them (layout-confirm.ts).
 * Fixtures: the holdout's ways (test/import/holdout/make.ts) on the seeded city reports, kept in
 * test/fixtures/text (README).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { columnSpans } from '../../main/import/text/layout-clusters';
import { figuresOnLabelLine } from '../../main/import/text/layout-columns';
import type { RowRead } from '../../main/import/text/rows';
import type { Report } from '../../report/types';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const text = (f: string) => readFileSync(join(TEXTS, f), 'utf8');
type Key = keyof Report['requests'];
const rowRight = (r: { report: Report; uncertain: readonly string[] }, want: Report, key: Key) =>
  !r.uncertain.some((p) => p.startsWith(`requests.${key}.`)) && JSON.stringify(r.report.requests[key]) === JSON.stringify(want.requests[key]);

const row = (label: string, segment: string, segmentCol = 0): RowRead => ({
  spec: { id: 'x', labels: [label], width: 7, typeOk: () => true, check: () => true },
  hit: { start: 0, end: 1, form: 0, partial: true },
  candidates: [],
  raw: '',
  tooMany: false,
  segment,
  segmentCol,
});

describe('figures on a line of their own inside a wrapped label', () => {
  it('LibreOffice PDF of the &nbsp; page: such rows need a rule to confirm them; with three labels not found, none can (flagged, nothing wrong)', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    const t = text('rand-city-2019.nbsp.libreoffice-html.pdftotext-layout.txt');
    const r = importText(t);
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('requests.deniedThirdParty.0');
    // Moving 「10」 of 「4.保护第三方合法」 / figures / 「权益」 one column over is not read silently.
    const moved = t.replace(`${' '.repeat(35)}10     75     268`, `${' '.repeat(38)}10  75     268`);
    expect(moved).not.toBe(t);
    expect(unflaggedWrong(importText(moved), want).filter((d) => d.startsWith('requests.'))).toEqual([]);
  });

  it('a figure line counts only when the rest of the label follows it', () => {
    const label = '4.保护第三方合法权益';
    const figures = '\n          10     75     268          353\n';
    expect(figuresOnLabelLine(row(label, figures + '        权益\n'), '4.保护第三方合法')?.map((f) => f.text)).toEqual(['10', '75', '268', '353']);
    // Pieces of the group label may stand between (「不予处 申请」).
    expect(figuresOnLabelLine(row(label, figures + '   （三 权 ）不 益\n'), '4.保护第三方合法')).toHaveLength(4);
    // The whole label printed above: the figures may be an unfound next row's.
    expect(figuresOnLabelLine(row(label, figures), '4.保护第三方合法权益')).toBeNull();
    // Text after the figures that is not this label's rest.
    expect(figuresOnLabelLine(row(label, figures + '        5.属于三类内部事务\n'), '4.保护第三方合法')).toBeNull();
    // Without the printed label there is nothing to check against.
    expect(figuresOnLabelLine(row(label, figures + '        权益\n'))).toBeNull();
  });
});

describe('columns measured on every row\'s figures', () => {
  it('Chromium PDF, cells as paragraphs: page 2\'s columns measured on its figures, kept only where a rule confirms them', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2022.json'));
    const t = text('rand-city-2022.nbsp-paragraphs.chromium.pdftotext-layout.txt');
    expect(unflaggedWrong(importText(t), want)).toEqual([]);
    // With 「1.申请人无正当理由…」 not found (split-label.ts finds it: split-label.test.ts), T3-2
    // confirms nothing on page 2: its rows are flagged.
    const unfound = importText(t.replace('1.申请人无正当理由', '1.申请人无正当事由'));
    expect(unflaggedWrong(unfound, want)).toEqual([]);
    expect(unfound.uncertain).toContain('requests.deniedThirdParty.0');
  });

  it('only a clear split into as many groups as columns', () => {
    const at = (...cs: number[]) => cs.map((center) => ({ center }));
    const rows = [at(26, 32.5, 49, 64, 69), at(25.5, 40, 48.5, 70), at(23.5, 39.5, 49, 63.5, 70)];
    expect(columnSpans(rows, 7)).toBeNull(); // six groups for seven columns
    const full = [...rows, at(26, 33, 40, 49, 56.5, 64, 69.5)];
    expect(columnSpans(full, 7)!.map((s) => [s.lo, s.hi])).toEqual([[23.5, 26], [32.5, 33], [39.5, 40], [48.5, 49], [56.5, 56.5], [63.5, 64], [69, 70]]);
    // A column drifting as far as the gap to the next: no split.
    expect(columnSpans([...full, at(30, 70)], 7)).toBeNull();
    // Two figures of one row in one group: not columns.
    expect(columnSpans([...full, at(23.5, 25, 70)], 7)).toBeNull();
  });
});

describe('a row printed in full that measures no column', () => {
  it('zoomed page: 「二、上年结转…」 squeezes its full row six characters left of the totals below; its measure is not taken, the figures\' own columns read the page', () => {
    const want = loadReport(join(TEXTS, 'rand-city-2024.json'));
    const r = importText(text('rand-city-2024.nbsp.chromium-zoom.pdftotext-layout.txt'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    // Measured on that row, every row below stood one column off and was flagged (132 cells); now
    // only the three rows whose labels are put together from pieces, which no rule reads here. Their
    // printed figures fit the column sums in one way only, so they vouch for the rows placed by
    // position (unread-vouch.ts): those are read, not flagged as unchecked.
    const flagged = r.uncertain.filter((p) => p.startsWith('requests.'));
    expect(flagged.length).toBeLessThanOrEqual(21);
    for (const key of ['granted', 'deniedStateSecret', 'deniedThirdParty', 'notProcessedDuplicate'] as const) {
      expect(flagged.filter((p) => p.startsWith(`requests.${key}.`))).toEqual([]);
      expect(r.report.requests[key]).toEqual(want.requests[key]);
    }
    expect(r.findings.some((f) => /离所在列比这一页其他行的数字都远|各列之和无法核对/.test(f.message))).toBe(false);
  });
});
