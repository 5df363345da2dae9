/**
 * 历年对比: one agency's reports as one column per year — the key figures first, then every cell —
 * with the change against the previous year, the R-10 swings (../shared/spec/rollup.md) and the
 * breaks of the carry-over chain (the cross-year rules Y-1…Y-4 of format.md §7.5, applied to every
 * pair of consecutive years). Pure: the CLI, main and the screen compute the same table.
 */
import { checkCrossYear } from '../checks/cross-year';
import { TEXT_PARTS, type CellPath, type Finding, type FormatId, type Report } from '../types';
import { allCellFigures, KEY_FIGURES, type KeyFigure } from './figures';

export interface TrendRow {
  path: CellPath;
  label: string;
  /** 'key': the key figures shown first; 'cell': every cell, shown on demand. */
  group: 'key' | 'cell';
  /** One per year; null where the row does not exist in that year's format. */
  values: (number | null)[];
  /** Difference to the previous year; null for the first year, a gap in the years or a missing value. */
  changes: (number | null)[];
  /** Change in percent of last year's figure; null where `changes` is null or last year is 0. */
  percents: (number | null)[];
}

/** A year-over-year swing of a key figure: more than 200 %, or from 0 to 20 or more. */
export interface Swing {
  path: CellPath;
  label: string;
  year: number;
  from: number;
  to: number;
  /** Whether that year's text states the new figure (R-10 warns only when it does not). */
  explained: boolean;
}

/** A break of the carry-over chain between `year - 1` and `year`. */
export interface ChainBreak extends Finding {
  year: number;
  /** The cell of `year` that does not follow from last year (the first of `cells`). */
  path: CellPath;
}

export interface TrendTable {
  agency: string;
  years: number[];
  formats: FormatId[];
  rows: TrendRow[];
  swings: Swing[];
  breaks: ChainBreak[];
  /** Years between the first and the last that the archive lacks: no change and no chain across them. */
  missingYears: number[];
}

/** R-10 thresholds. */
export const SWING_RATIO = 2;
export const SWING_FROM_ZERO = 20;

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export function isSwing(from: number, to: number): boolean {
  if (from === 0) return to >= SWING_FROM_ZERO;
  return Math.abs(to - from) > SWING_RATIO * from;
}

function row(f: KeyFigure, group: TrendRow['group'], reports: readonly Report[]): TrendRow {
  const values = reports.map((r) => f.value(r));
  const changes: (number | null)[] = [];
  const percents: (number | null)[] = [];
  values.forEach((v, i) => {
    const prev = i > 0 && reports[i - 1]!.year === reports[i]!.year - 1 ? values[i - 1] : null;
    const change = v === null || prev === null || prev === undefined ? null : round4(v - prev);
    changes.push(change);
    percents.push(change === null || !prev ? null : Math.round((change / prev) * 1000) / 10);
  });
  return { path: f.path, label: f.label, group, values, changes, percents };
}

/** Whether the text of the report states the figure (as digits, half- or full-width). */
function textStates(r: Report, value: number): boolean {
  const all = TEXT_PARTS.map((p) => r.text[p]).join('\n').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return new RegExp(`(^|[^\\d.])${value}([^\\d]|$)`).test(all);
}

/**
 * The comparison for one agency. `reports` may come in any order and hold any years; one report per
 * year (the caller's archive guarantees it) — a second report of a year is ignored.
 */
export function buildTrend(agency: string, reports: readonly Report[]): TrendTable {
  const byYear = new Map<number, Report>();
  for (const r of [...reports].sort((a, b) => a.year - b.year)) if (!byYear.has(r.year)) byYear.set(r.year, r);
  const sorted = [...byYear.values()];
  const years = sorted.map((r) => r.year);
  const rows = [...KEY_FIGURES.map((f) => row(f, 'key', sorted)), ...allCellFigures().map((f) => row(f, 'cell', sorted))];

  const swings: Swing[] = [];
  for (const f of KEY_FIGURES) {
    if (!f.swing) continue;
    const r = rows.find((x) => x.path === f.path && x.group === 'key')!;
    r.changes.forEach((c, i) => {
      if (c === null) return;
      const from = r.values[i - 1]!;
      const to = r.values[i]!;
      if (isSwing(from, to)) swings.push({ path: f.path, label: f.label, year: years[i]!, from, to, explained: textStates(sorted[i]!, to) });
    });
  }

  const breaks: ChainBreak[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const now = sorted[i]!;
    for (const f of checkCrossYear(now, sorted[i - 1]!)) breaks.push({ ...f, year: now.year, path: f.cells[0]! });
  }

  const missingYears: number[] = [];
  for (let y = years[0] ?? 0; years.length && y < years[years.length - 1]!; y++) if (!byYear.has(y)) missingYears.push(y);
  return { agency, years, formats: sorted.map((r) => r.format), rows, swings, breaks, missingYears };
}
