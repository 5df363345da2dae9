/**
 * The safety net (issue 18 §1): every single-row and single-column shift of a fixture report's
 * tables is flagged cell by cell; a report that really breaks a rule is kept as printed.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from '../../main/import';
import { safetyNet } from '../../main/import/safety-net';
import { cloneReport, countOf, setCell } from '../../report/cells';
import { getFormat } from '../../report/formats';
import type { CellPath, Report } from '../../report/types';
import { cellDiffs, expected, loadReport, renderReport, SHARED, unflaggedWrong } from './helpers';

const REPORTS: [string, () => Report][] = [
  ['qingshi-2024', () => loadReport(join(SHARED, 'reports/qingshi-2024.json'))],
  ['qingshi-2023', () => loadReport(join(SHARED, 'reports/qingshi-2023.json'))],
  ...['akto-muztagh-2022', 'alemale-2023', 'dajin-2024', 'pingtan-2022', 'wenquan-2020', 'shanghai-office-2019'].map((n): [string, () => Report] => [n, () => expected(n)]),
];

/** Table 三 row by row, and Table 四 as its one printed row of 15 cells. */
function tables(report: Report): CellPath[][][] {
  const def = getFormat(report.format);
  const t3 = def.requests.rows.map((r) => def.requests.columns.map((_, c) => `requests.${r.key}.${c}`));
  const t4 = [def.appeals.groups.flatMap((g) => def.appeals.outcomes.map((_, i) => `appeals.${g.key}.${i}`))];
  return [t3, t4];
}

/** What a reader does when it misplaces figures: `to` cells take the `from` cells' figures, `lost` cells read 0. */
function shifts(grid: CellPath[][]): { name: string; pairs: [CellPath, CellPath | null][] }[] {
  const out: { name: string; pairs: [CellPath, CellPath | null][] }[] = [];
  const n = grid.length;
  const w = grid[0]!.length;
  for (let k = 1; k < n; k++) {
    const down: [CellPath, CellPath | null][] = [];
    for (let r = k; r < n; r++) grid[r]!.forEach((p, c) => down.push([p, grid[r - 1]![c]!]));
    out.push({ name: `rows from ${k} take the row above`, pairs: down });
  }
  for (let k = 0; k < n - 1; k++) {
    const up: [CellPath, CellPath | null][] = [];
    for (let r = k; r < n - 1; r++) grid[r]!.forEach((p, c) => up.push([p, grid[r + 1]![c]!]));
    for (const p of grid[n - 1]!) up.push([p, null]);
    out.push({ name: `rows from ${k} take the row below`, pairs: up });
  }
  for (let c = 0; c < w; c++)
    for (let k = 1; k < n; k++) {
      const down: [CellPath, CellPath | null][] = [];
      for (let r = k; r < n; r++) down.push([grid[r]![c]!, grid[r - 1]![c]!]);
      out.push({ name: `column ${c} from row ${k} takes the row above`, pairs: down });
      const up: [CellPath, CellPath | null][] = [];
      for (let r = k - 1; r < n - 1; r++) up.push([grid[r]![c]!, grid[r + 1]![c]!]);
      up.push([grid[n - 1]![c]!, null]);
      out.push({ name: `column ${c} from row ${k - 1} takes the row below`, pairs: up });
    }
  const slide = (rows: number[], c: number, dir: 1 | -1) => {
    const pairs: [CellPath, CellPath | null][] = [];
    for (const r of rows) {
      const row = grid[r]!;
      if (dir === 1) {
        for (let i = c + 1; i < w; i++) pairs.push([row[i]!, row[i - 1]!]);
        pairs.push([row[c]!, null]);
      } else {
        for (let i = c; i < w - 1; i++) pairs.push([row[i]!, row[i + 1]!]);
        pairs.push([row[w - 1]!, null]);
      }
    }
    return pairs;
  };
  for (let c = 0; c < w - 1; c++)
    for (const dir of [1, -1] as const) {
      for (let r = 0; r < n; r++) out.push({ name: `row ${r} slides ${dir} from column ${c}`, pairs: slide([r], c, dir) });
      if (n > 1) out.push({ name: `every column slides ${dir} from ${c}`, pairs: slide(grid.map((_, i) => i), c, dir) });
    }
  return out;
}

function apply(report: Report, pairs: [CellPath, CellPath | null][]): { shifted: Report; changed: CellPath[] } {
  const shifted = cloneReport(report);
  for (const [to, from] of pairs) setCell(shifted, to, from === null ? 0 : countOf(report, from));
  const changed = pairs.map(([to]) => to).filter((p) => countOf(shifted, p) !== countOf(report, p));
  return { shifted, changed };
}

describe('every single-row and single-column shift is flagged', () => {
  for (const [name, load] of REPORTS)
    it(`${name}: each shift that changes a figure leaves no changed cell unflagged`, () => {
      const report = load();
      let tried = 0;
      const missed: string[] = [];
      for (const grid of tables(report))
        for (const s of shifts(grid)) {
          const { shifted, changed } = apply(report, s.pairs);
          if (!changed.length) continue;
          tried++;
          const net = safetyNet(shifted, new Set());
          const flagged = new Set(net.flagged);
          const unflagged = changed.filter((p) => !flagged.has(p));
          if (unflagged.length) missed.push(`${s.name}: ${unflagged.join(', ')}`);
          else expect(net.notes.some((f) => f.rule === 'IMPORT-SHIFT' && /错位/.test(f.message))).toBe(true);
        }
      expect(missed).toEqual([]);
      // A table of zeros has no shift that changes a figure.
      const nonZero = tables(report).flat(2).some((p) => countOf(report, p) !== 0);
      expect(tried > 0).toBe(nonZero);
    });

  it('through the importer: 予以公开 and every row after it read one row late are flagged, with the reason', () => {
    const q = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    const rows = tables(q)[0]!;
    const { shifted } = apply(q, shifts(rows).find((s) => s.name === 'rows from 2 take the row above')!.pairs);
    const r = importText(renderReport(shifted, 'tabs'));
    expect(cellDiffs(r.report, shifted)).toEqual([]); // the reader reads what it was given …
    expect(unflaggedWrong(r, q)).toEqual([]); // … and the net flags every figure that differs from the truth
    expect(r.findings.find((f) => f.rule === 'IMPORT-SHIFT')?.message).toMatch(/^表三读出的数字不符合勾稽关系.*“（一）予以公开”/);
  });
});

describe('a report that really breaks a rule is imported as printed', () => {
  // A misprinted detail figure (one cell +1, its totals as printed) broke T3 in a way a whole-column
  // shift "explained" by dropping the column: the undo threw away non-zero figures no slip leaves behind.
  for (const [name, load] of REPORTS)
    it(`${name}: one detail figure off by one in the first column is not read as a shifted table (at most its own row is flagged)`, () => {
      const printed = cloneReport(load());
      const def = getFormat(printed.format);
      const row = def.requests.rows.find((r) => !r.key.endsWith('Total') && r.key !== 'carriedForward' && countOf(printed, `requests.${r.key}.0`) > 0)
        ?? def.requests.rows.find((r) => r.key === 'newReceived')!;
      setCell(printed, `requests.${row.key}.0`, countOf(printed, `requests.${row.key}.0`) + 1);
      const net = safetyNet(printed, new Set());
      // A total read as the 0 beside it may still flag the row (in a table of zeros that is a slip's signature).
      expect(net.flagged.filter((p) => !p.startsWith(`requests.${row.key}.`))).toEqual([]);
    });
  it('one 总计 cell off by one: no shift explains it, the rule finding stays, nothing flagged', () => {
    const q = loadReport(join(SHARED, 'reports/qingshi-2024.json'));
    const printed = cloneReport(q);
    printed.requests.granted![6] = printed.requests.granted![6]! + 1;
    const r = importText(renderReport(printed, 'tabs'));
    expect(cellDiffs(r.report, printed)).toEqual([]);
    expect(r.uncertain).toEqual([]);
    expect(r.findings.some((f) => f.rule === 'IMPORT-SHIFT')).toBe(false);
    expect(r.findings.some((f) => f.rule === 'T3-3')).toBe(true);
  });

  it('a report whose rules hold is left alone', () => {
    for (const [, load] of REPORTS) expect(safetyNet(load(), new Set()).flagged).toEqual([]);
  });
});
