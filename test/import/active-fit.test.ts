/**
 * Table 二 read in order (issue 18 §3, import-copies item 2): pdftotext plain and -raw print the
 * table's labels first and its figures after them; with every row label printed and exactly as
 * many figures as cells, each of its type, and T2 holding, the reading in order is taken.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { activeFit, activeTokens, applyActiveFit } from '../../main/import/text/active-fit';
import { emptyRead } from '../../main/import/text/rows';
import { getCell } from '../../report/cells';
import { layoutOf } from '../../report/layout';
import type { Report } from '../../report/types';
import { loadReport, SHARED } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const activeCells = (r: Report) => layoutOf(r.format).cells.filter((c) => c.path.startsWith('active.')).map((c) => c.path);

describe('Table 二 with its figures after its labels', () => {
  for (const [file, json] of [['lanxi-2024.pdftotext.txt', join(TEXTS, 'lanxi-2024.json')], ['qingshi-2024.pdftotext-raw.txt', join(SHARED, 'reports/qingshi-2024.json')]] as const)
    it(`${file}: every cell of Table 二 read, none flagged`, () => {
      const want = loadReport(json);
      const r = importText(readFileSync(join(TEXTS, file), 'utf8'));
      for (const p of activeCells(want)) {
        expect(r.uncertain, p).not.toContain(p);
        expect(String(getCell(r.report, p)), p).toBe(String(getCell(want, p)));
      }
      expect(r.findings.some((f) => f.rule === 'IMPORT-COUNT-FIT' && /表二/.test(f.message))).toBe(true);
    });

  it('only the one reading: a figure more or less, a type that does not fit, or T2-2 broken gives none', () => {
    const tokens = activeTokens('规章 行政规范性文件 —2— 0 0 0 6 4 117 3571 148 0 1.2560');
    expect(tokens).toEqual(['0', '0', '0', '6', '4', '117', '3571', '148', '0', '1.2560']);
    expect(activeFit(tokens, 'gov-2021')?.get('active.fees.amount')).toBe('1.2560');
    expect(activeFit(tokens.slice(1), 'gov-2021')).toBeNull();
    expect(activeFit([...tokens.slice(0, 6), '3.5', ...tokens.slice(7)], 'gov-2021')).toBeNull();
    // 现行有效件数 4 < 本年制发 6 − 本年废止 0 (T2-2): a reading the table's own rule doubts is not taken.
    expect(activeFit(['0', '0', '0', '6', '0', '4', '3571', '148', '0', '0'], 'gov-2021')).toBeNull();
    // gov-2019's amounts carry units and its changes signs: never read in order.
    expect(activeFit(tokens, 'gov-2019')).toBeNull();
  });

  it('a cell the labels read with certainty and the order contradicts is flagged, not overwritten', () => {
    const fit = activeFit(['0', '0', '0', '6', '4', '117', '3571', '148', '0', '0'], 'gov-2021')!;
    const read = emptyRead(0);
    read.found = 6;
    read.values.set('active.licensing.decisions', '3517');
    applyActiveFit(read, fit, 6);
    expect(read.values.get('active.licensing.decisions')).toBe('3517');
    expect(read.uncertain.has('active.licensing.decisions')).toBe(true);
    // Not every row label printed: nothing taken.
    const partial = emptyRead(0);
    partial.found = 5;
    applyActiveFit(partial, fit, 6);
    expect(partial.values.size).toBe(0);
  });
});
