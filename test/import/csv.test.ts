/**
 * A CSV file (our .xlsx saved by LibreOffice Calc as CSV, every sheet: the widened holdout's
 * `libreoffice-csv` way). Its commas were read as thousands separators — 「,387,0,387」 became one run
 * 3870387 to cut by guesswork (rand-city-2024: 32 cells flagged, every 5-digit row unreadable).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { csvToTabs } from '../../main/import/csv';
import { unflaggedWrong } from './helpers';
import { RANDOM_SPECS, randomReport } from './holdout/random-reports';

describe('CSV', () => {
  it('commas separate cells; quoted fields keep their commas, quotes and line breaks (as a space)', () => {
    expect(csvToTabs('a,,387,0,387\r\n"1,288","说""明""",x\n"行政规范性\n文件",2')).toBe('a\t\t387\t0\t387\n1,288\t说"明"\tx\n行政规范性 文件\t2');
  });

  it('our .xlsx saved as CSV by Calc: every cell read, none flagged', async () => {
    const file = join(import.meta.dirname, '../fixtures/text/rand-city-2024.libreoffice.csv');
    const want = randomReport(RANDOM_SPECS.find((s) => s.name === 'rand-city-2024')!);
    const r = await importFile(file, readFileSync(file));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.report.requests).toEqual(want.requests);
    expect(r.report.active).toEqual(want.active);
  });
});
