/**
 * Anchors (layout-anchors.ts): in `pdftotext -layout` text of a blank-cell Table 三 whose stacked
 * header no full row measures, a figure standing clear under one column's header word pins that
 * column; column-placement.ts keeps only the placements that agree. A township's rows of 「1 … 1」
 * keep every rule in whichever column they all stand: the rules alone cannot read them, the page can.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../main/import';
import { placeColumns, placeColumnsAnchored } from '../../main/import/text/column-placement';
import { getFormat } from '../../report/formats';
import { cellDiffs, loadReport, unflaggedWrong } from './helpers';

const TEXTS = join(import.meta.dirname, '../fixtures/text');
const want = loadReport(join(TEXTS, 'fresh-township-ones-2023.json'));
const def = getFormat(want.format);
/** Each row's figures as blank-cell text prints them: those not 0, its total last. */
const runs = def.requests.rows.map((r) => (want.requests[r.key] as number[]).filter((x) => x !== 0));

describe('anchors from the page', () => {
  it('fresh-township-ones-2023 printed by Chromium, -layout: every 「1」 under 自然人, Table 三 right and nothing flagged', async () => {
    const file = 'fresh-township-ones-2023.nbsp.chromium-print.pdftotext-layout.txt';
    const r = await importFile(file, readFileSync(join(TEXTS, file)));
    expect(unflaggedWrong(r, want)).toEqual([]);
    expect(cellDiffs(r.report, want).filter((d) => d.startsWith('requests.'))).toEqual([]);
    expect(r.uncertain.filter((p) => p.startsWith('requests.'))).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-BLANK-CELLS' && f.message.includes('按其在行中的位置对照表头定列'))).toBe(true);
  });

  it('placeColumns: the rules alone leave every 「1」 open; an anchor under 自然人 reads them all; one under 其他 reads them all there; one no placement keeps is none', () => {
    const none = placeColumns(def, runs, runs.map(() => true)) as (number | null)[][];
    expect(none[2]!.every((x) => x === null)).toBe(true);
    const at = (c: number) => runs.map((f, i) => (i === 2 ? new Map([[c, 1]]) : undefined));
    const first = placeColumns(def, runs, runs.map(() => true), undefined, at(0)) as (number | null)[][];
    expect(first.map((row) => row.join(','))).toEqual(runs.map((f) => (f.length ? [f[0], 0, 0, 0, 0, 0] : [0, 0, 0, 0, 0, 0]).join(',')));
    const other = placeColumns(def, runs, runs.map(() => true), undefined, at(5)) as (number | null)[][];
    expect(other[2]).toEqual([0, 0, 0, 0, 0, 1]);
    expect(placeColumns(def, runs, runs.map(() => true), undefined, runs.map((_, i) => (i === 2 ? new Map([[0, 7]]) : undefined)))).toBe('none');
  });

  it('placeColumnsAnchored: one anchored row decides nothing alone (a figure a column off would); two that agree decide; two that disagree leave the rules alone', () => {
    const anchored = (pairs: [number, number][]) => runs.map((_, i) => { const p = pairs.find(([r]) => r === i); return p ? new Map([[p[1], 1]]) : undefined; });
    const budget = () => ({ steps: 400_000 });
    const one = placeColumnsAnchored(def, runs, runs.map(() => true), budget(), anchored([[2, 5]])) as (number | null)[][];
    expect(one[2]!.every((x) => x === null)).toBe(true);
    const two = placeColumnsAnchored(def, runs, runs.map(() => true), budget(), anchored([[2, 0], [3, 0]])) as (number | null)[][];
    expect(two[4]).toEqual([1, 0, 0, 0, 0, 0]);
    const split = placeColumnsAnchored(def, runs, runs.map(() => true), budget(), anchored([[2, 0], [3, 5]])) as (number | null)[][];
    expect(split[4]!.every((x) => x === null)).toBe(true);
  });
});
