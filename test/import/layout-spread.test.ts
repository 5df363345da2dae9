/**
 * A figure standing farther from its column than the page's other rows show (layout-spread.ts) is
 * read only where a rule confirms its row (issue 18: never a figure read wrong without a flag).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import type { LayoutHeader, Placed } from '../../main/import/text/layout-headers';
import { beyondSpread } from '../../main/import/text/layout-spread';
import { loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const header: LayoutHeader = { at: 0, centers: [10, 15, 20, 25], pitch: 5, measured: true };
const row = (id: string, ...centres: number[]): { id: string; figures: Placed[]; header: LayoutHeader } =>
  ({ id, figures: centres.map((center) => ({ text: '1', center })), header });

describe('the spread of figures about their columns, learnt per page', () => {
  const page = (...rows: ReturnType<typeof row>[]) => [row('r1', 10, 25), row('r2', 15.5, 25), row('r3', 9.5, 20, 24.5), row('r4', 20.5, 25), ...rows];
  const all = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));

  it('a figure two characters off where every other row stands within half a character is beyond it; one a character off is not', () => {
    const far = page(row('far', 17, 25));
    expect([...beyondSpread(far, all(far))]).toEqual(['far']);
    const near = page(row('near', 16, 25));
    expect(beyondSpread(near, all(near)).size).toBe(0);
  });

  it('a row is judged on the other rows only: its own figure does not widen its tolerance', () => {
    const rows = page(row('far', 10, 17.5, 25));
    expect([...beyondSpread(rows, all(rows))]).toEqual(['far']);
  });

  it('a page whose rows stand a character and a half off teaches that spread: three characters is within it', () => {
    const rows = [row('r1', 11.5, 25), row('r2', 16.5, 25), row('r3', 8.5, 20, 26.5), row('r4', 21.5, 25), row('r5', 18, 25)];
    expect(beyondSpread(rows, all(rows)).size).toBe(0);
  });

  it('fewer than four other rows under the header teach too little: nothing is judged', () => {
    const other: LayoutHeader = { ...header, at: 100 };
    const rows = [row('r1', 10, 25), row('r2', 15, 25), row('r3', 20, 25), { ...row('r4', 10, 25), header: other }, row('far', 17, 25)];
    expect(beyondSpread(rows, all(rows)).size).toBe(0);
  });

  // Header words a character off the figures (「自然人」 wrapped): the header's centres measure the
  // page's figures coarsely (a spread of 1); where the other rows' figures stand measures them finely.
  const wordy: LayoutHeader = { at: 0, centers: [9, 15, 21, 25], pitch: 4, measured: true };
  const fig = (text: string, center: number, afterLabel?: number): Placed => ({ text, center, ...(afterLabel === undefined ? {} : { afterLabel }) });
  const on = (id: string, ...f: Placed[]) => ({ id, figures: f, header: wordy });
  const page6 = [1, 2, 3, 4, 5, 6].map((k) => on(`r${k}`, fig('12', 10), fig('34', 15), fig('46', 25)));

  it('a figure a character and a half from where the other rows put that column\'s figures is beyond, though within the header centres\' coarse spread', () => {
    const moved = [...page6, on('moved', fig('34', 16.5), fig('34', 25))];
    expect([...beyondSpread(moved, all(moved))]).toEqual(['moved']);
    const kept = [...page6, on('kept', fig('34', 15.5), fig('34', 25))];
    expect(beyondSpread(kept, all(kept)).size).toBe(0);
  });

  it('a figure left of its place one space after a long label is pushed by it, not moved; five spaces after, it is moved', () => {
    const pushed = [...page6, on('pushed', fig('12', 8.5, 1), fig('12', 25))];
    expect(beyondSpread(pushed, all(pushed)).size).toBe(0);
    const moved = [...page6, on('moved', fig('12', 8.5, 5), fig('12', 25))];
    expect([...beyondSpread(moved, all(moved))]).toEqual(['moved']);
  });

  it('lanxi (Chromium PDF, pdftotext -layout): 「3.危及…」 3 moved six characters right, between 科研机构 and 社会公益, is flagged, not read under 科研机构; so is a 1 moved three characters from 科研机构 to 商业企业', () => {
    const text = readFileSync(join(TEXTS, 'lanxi-2024.nbsp.chromium.pdftotext-layout.txt'), 'utf8');
    const want = loadReport(join(TEXTS, 'lanxi-2024.json'));
    const line = text.split('\n').find((l) => l.includes('3.危及“三安全一稳定”'))!;
    const moved = line.replace(/19  3 {21}22/, '19        3               22');
    expect(moved).not.toBe(line);
    const r = importText(text.replace(line, moved));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(r.uncertain).toContain('requests.deniedSafetyStability.1');
    expect(r.findings.some((f) => f.rule === 'IMPORT-LAYOUT' && /离所在列比这一页其他行的数字都远/.test(f.message))).toBe(true);
    // 「3.要求提供公开出版物」 1 moved three characters left from under 科研机构: its centre is near
    // 商业企业's header centre, but a character from where the page's other rows print that column's
    // figures (the finer measure).
    const line66 = text.split('\n').find((l) => l.includes('3.要求提供公开出版物'))!;
    expect(line66.slice(34, 35)).toBe('1');
    const left = `${line66.slice(0, 31)}1${line66.slice(32, 34)} ${line66.slice(35)}`;
    const r66 = importText(text.replace(line66, left));
    expect(unflaggedWrong(r66, want)).toEqual([]);
    expect(r66.uncertain).toContain('requests.notProcessedPublication.1');
    // The page as printed: no row stands off its column (its rows are flagged only because 部分公开
    // is unread and no column sum checks them).
    const plain = importText(text);
    expect(plain.findings.some((f) => /离所在列比这一页其他行的数字都远/.test(f.message))).toBe(false);
  });
});
