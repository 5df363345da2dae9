/**
 * Two rows' figures after the first row's label, none after the second's (shared-runs.ts): Chromium's
 * PDF through pdftotext plain, where 「（三）不予公开」 printed between two rows pushes the second
 * label below both rows' figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import type { RowRead } from '../../main/import/text/rows';
import { interleavings, splitSharedRuns } from '../../main/import/text/shared-runs';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('rows sharing one run of figures', () => {
  it('rand-city-2019.zeros.chromium.pdftotext.txt: 3./4. and 1./2. of （三）/（四） each read from the first label’s 14 figures; Table 三 all right', async () => {
    const file = 'rand-city-2019.zeros.chromium.pdftotext.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
    expect(r.findings.filter((f) => f.rule === 'IMPORT-SHARED-RUN')).toHaveLength(2);
  });

  const row = (id: string, segment: string): RowRead => ({
    spec: { id, labels: [id], width: 7, typeOk: () => true, check: () => true },
    hit: { start: 0, end: 1, form: 0, partial: false } as RowRead['hit'],
    candidates: [],
    raw: segment,
    tooMany: false,
    segment,
  });
  const keeps = (v: (string | null)[]) => v.slice(0, 6).reduce((s, x) => s + Number(x), 0) === Number(v[6]);

  it('row by row or column by column, whichever keeps both totals', () => {
    const byRow = [row('a', '1348 55 1143 0 215 1 2762 1027 558 0 1617 0 1795 4997 （三）不'), row('b', '予公开')];
    expect(splitSharedRuns(byRow, keeps, (id) => id)).toHaveLength(1);
    expect(byRow.map((r) => r.candidates[0]?.vals)).toEqual([['1348', '55', '1143', '0', '215', '1', '2762'], ['1027', '558', '0', '1617', '0', '1795', '4997']]);
    const byColumn = [row('a', '3 1 0 2 0 0 0 0 0 0 0 0 3 3'), row('b', '')];
    splitSharedRuns(byColumn, keeps, (id) => id);
    expect(byColumn.map((r) => r.candidates[0]?.vals)).toEqual([['3', '0', '0', '0', '0', '0', '3'], ['1', '2', '0', '0', '0', '0', '3']]);
  });

  it('both orders keep the totals (and differ): both are the rows’ candidates, for the table’s rules to choose (solve.ts)', () => {
    const ambiguous = [row('a', '0 1 0 0 0 0 1 0 0 0 0 0 1 1'), row('b', '')];
    expect(splitSharedRuns(ambiguous, keeps, (id) => id)).toHaveLength(1);
    expect(ambiguous[0]!.candidates.map((c) => c.vals.join(' '))).toEqual(['0 1 0 0 0 0 1', '0 0 0 1 0 0 1']);
    expect(ambiguous[1]!.candidates.map((c) => c.vals.join(' '))).toEqual(['0 0 0 0 0 1 1', '1 0 0 0 0 0 1']);
  });

  it('neither order keeps the totals, or the shape is not two rows’ run: nothing placed', () => {
    const neither = [row('a', '1 2 3 4 5 6 99 1 1 1 1 1 1 6'), row('b', '')];
    expect(splitSharedRuns(neither, keeps, (id) => id)).toEqual([]);
    // Words before the figures (every label printed before every figure): any rows' figures.
    const labelsFirst = [row('a', '数量 自然 人 其他 总计 71 3 0 0 0 0 74 1 0 0 0 0 0 1'), row('b', '')];
    expect(splitSharedRuns(labelsFirst, keeps, (id) => id)).toEqual([]);
    // The row above has no figures of its own: the run may be its and the first row's.
    const aboveEmpty = [row('z', ''), row('a', '1348 55 1143 0 215 1 2762 1027 558 0 1617 0 1795 4997'), row('b', '')];
    expect(splitSharedRuns(aboveEmpty, keeps, (id) => id)).toEqual([]);
    const secondHasFigures = [row('a', '1348 55 1143 0 215 1 2762 1027 558 0 1617 0 1795 4997'), row('b', '7')];
    expect(splitSharedRuns(secondHasFigures, keeps, (id) => id)).toEqual([]);
  });

  it('runs of columns between row by row and column by column: interleavings gives all 64 for seven columns', () => {
    const figures = '459 0 0 1068 1057 0 0 172 0 0 0 1516 0 1240'.split(' ');
    const all = interleavings(figures, 7);
    expect(all).toHaveLength(64);
    expect(all).toContainEqual([['459', '0', '1057', '0', '0', '0', '1516'], ['0', '1068', '0', '172', '0', '0', '1240']]);
    expect(all[0]).toEqual([figures.slice(0, 7), figures.slice(7)]);
  });

  it('rand-city-2019 pdftotext -layout: both labels above both rows’ 14 figures, given in runs of columns; the rules choose, all right', async () => {
    const file = 'rand-city-2019.zeros.chromium.pdftotext-layout.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
  });

  it('rand-city-2022 pdftotext plain: a row’s first figure on its label’s line, the rest printed before the label (after 三、); all right', async () => {
    const file = 'rand-city-2022.zeros.chromium.pdftotext.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'rand-city-2022.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
    expect(r.report.requests.unavailableNotHeld).toEqual([983, 0, 0, 1187, 1501, 0, 3671]);
  });
});
