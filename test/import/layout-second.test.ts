/**
 * The second reading of `pdftotext -layout` text without the figures' places (layout-second.ts,
 * issue 18 §3): cells the places leave unsure and the row order with the table rules decides are
 * read; cells the two readings are both sure of and differ on are flagged.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import type { Readings } from '../../main/import/result';
import { mergeSecondReading, squeezeLayout } from '../../main/import/text/layout-second';
import { getCell } from '../../report/cells';
import { layoutOf } from '../../report/layout';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const lanxi = loadReport(join(TEXTS, 'lanxi-2024.json'));

describe('pdftotext -layout text read a second time without places', () => {
  it('a page printed at 60 %: rows the places could not settle are read by their order and the rules', () => {
    const r = importText(readFileSync(join(TEXTS, 'lanxi-2024.nbsp.chromium-60.pdftotext-layout.txt'), 'utf8'));
    expect(unflaggedWrong(r, lanxi)).toEqual([]);
    const tables = layoutOf(lanxi.format).cells.filter((c) => /^(requests|appeals)\./.test(c.path));
    const right = tables.filter((c) => !r.uncertain.includes(c.path) && getCell(r.report, c.path) === getCell(lanxi, c.path));
    // By places alone 17 of Tables 三/四's 190 cells (the rest flagged); 94 with the second reading.
    expect(right.length).toBeGreaterThanOrEqual(90);
    expect(r.findings.some((f) => f.rule === 'IMPORT-LAYOUT' && /只有一种读法/.test(f.message))).toBe(true);
  });

  it('only text laid out by position is squeezed', () => {
    expect(squeezeLayout('1.属于国家秘密  1   2\n'.repeat(6))).toBe('1.属于国家秘密 1 2\n'.repeat(6));
    // Leading indentation stays (the label column); runs inside words of a sentence too few to count.
    expect(squeezeLayout('    予以公开  3  3\n'.repeat(5))).toBe('    予以公开 3 3\n'.repeat(5));
    expect(squeezeLayout('予以公开  3  3\n'.repeat(4))).toBeNull();
    expect(squeezeLayout('予以公开\t3\t\t3\n'.repeat(6))).toBeNull();
    expect(squeezeLayout('| 予以公开 |  3  | 3 |\n'.repeat(6))).toBeNull();
  });
});

describe('the two readings merged', () => {
  const readings = (values: [string, string | null | undefined][], uncertain: string[] = []): Readings => ({
    source: 'text', format: 'gov-2021', year: 2024, agency: 'x', text: {}, values: new Map(values), units: new Map(), uncertain: new Set(uncertain), notes: [],
  });

  it('sure and different: flagged with a note; sure and the same (a blank is 0): kept', () => {
    const first = readings([['requests.granted.0', '5'], ['requests.granted.1', null]]);
    mergeSecondReading(first, readings([['requests.granted.0', '6'], ['requests.granted.1', '0']]));
    expect([...first.uncertain]).toEqual(['requests.granted.0']);
    expect(first.values.get('requests.granted.0')).toBe('5');
    expect(first.notes).toMatchObject([{ rule: 'IMPORT-LAYOUT', severity: 'error', cells: ['requests.granted.0'] }]);
  });

  it('unsure or unread by places, sure without: taken, and the notes about those cells dropped', () => {
    const first = readings([['requests.granted.0', '5'], ['requests.granted.1', undefined]], ['requests.granted.0']);
    first.notes.push({ rule: 'IMPORT-UNCERTAIN', severity: 'warning', cells: ['requests.granted.0', 'requests.granted.1'], expected: null, actual: null, message: '不确定' });
    first.notes.push({ rule: 'IMPORT-GLUED', severity: 'warning', cells: ['requests.granted.2'], expected: null, actual: null, message: '拆分' });
    mergeSecondReading(first, readings([['requests.granted.0', '7'], ['requests.granted.1', '2']]));
    expect(first.uncertain.size).toBe(0);
    expect([first.values.get('requests.granted.0'), first.values.get('requests.granted.1')]).toEqual(['7', '2']);
    expect(first.notes.map((n) => n.rule)).toEqual(['IMPORT-GLUED', 'IMPORT-LAYOUT']);
  });

  it('unsure without places: the first reading stands', () => {
    const first = readings([['requests.granted.0', '5']]);
    mergeSecondReading(first, readings([['requests.granted.0', '6']], ['requests.granted.0']));
    expect(first.uncertain.size).toBe(0);
    expect(first.values.get('requests.granted.0')).toBe('5');
    expect(first.notes).toEqual([]);
  });
});
