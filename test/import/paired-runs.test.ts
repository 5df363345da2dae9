/**
 * Two rows' figures after one label, none after its neighbour's (paired-runs.ts): pdftotext plain of
 * a page printing 0 as a blank cell, where a label sharing its line with a group label is printed
 * after both rows' figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { sharePairedRuns } from '../../main/import/text/paired-runs';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');

describe('sharePairedRuns', () => {
  it('one cut keeping both totals, one empty neighbour: the upper row takes the first run', () => {
    const { figures, moved } = sharePairedRuns([[28, 1730, 626, 2384], [608, 6, 2, 616, 10, 75, 268, 353], [], [914, 914]], 7);
    expect(figures).toEqual([[28, 1730, 626, 2384], [608, 6, 2, 616], [10, 75, 268, 353], [914, 914]]);
    expect([...moved].sort()).toEqual([1, 2]);
    // The empty row above instead: the run is that row's and this one's.
    expect(sharePairedRuns([[5, 5], [], [1, 1, 2, 3, 3]], 7).figures).toEqual([[5, 5], [1, 1, 2], [3, 3]]);
  });

  it('left as printed: both neighbours empty, no neighbour empty, or no cut keeping both totals', () => {
    const as = (f: number[][]) => expect(sharePairedRuns(f, 7).figures).toEqual(f);
    // Which two rows share the run is not in the text.
    as([[], [608, 6, 2, 616, 10, 75, 268, 353], []]);
    as([[1, 1], [608, 6, 2, 616, 10, 75, 268, 353], [2, 2]]);
    as([[1, 1, 1, 1, 1, 1], [], [3, 3]]);
    as([[608, 6, 2, 617, 10, 75, 268, 353], [], [3, 3]]);
    // The one cut that keeps both sums leaves eight figures on one side: wider than a row.
    as([[1, 1, 1, 1, 1, 1, 1, 7, 2, 2, 4], [], [3, 3]]);
    // The empty neighbour's label was not found: its text may be anywhere, it is given nothing.
    const f = [[28, 1730, 626, 2384], [608, 6, 2, 616, 10, 75, 268, 353], [], [914, 914]];
    expect(sharePairedRuns(f, 7, [true, true, false, true]).figures).toEqual(f);
  });
});

describe('pdftotext plain of a Chromium PDF printing 0 as a blank cell', () => {
  it('rand-city-2019: 「3.危及“三安全一稳定” 608 6 2 616 10 75 268 353 （三）不 4.保护第三方合法权益」 shared out, nothing wrong', async () => {
    const file = 'rand-city-2019.nbsp.chromium.pdftotext.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    const want = loadReport(join(TEXTS, 'rand-city-2019.json'));
    expect(unflaggedWrong(r, want)).toEqual([]);
    // Before, the run broke its row's sum and no total of Table 三 was read.
    expect(r.uncertain).not.toContain('requests.deniedSafetyStability.6');
    expect(r.uncertain).not.toContain('requests.deniedThirdParty.6');
    expect(r.report.requests.deniedThirdParty![6]).toBe(353);
    expect(r.uncertain.filter((p) => p.startsWith('requests.')).length).toBeLessThanOrEqual(114);
  });
});
