/**
 * Creating year Y from year Y−1 (format.md §8): what may be prefilled from last year's report.
 *
 * Only figures whose meaning is identical in both years are carried:
 * - 三/二、上年结转 (Y) ← 三/四、结转下年度继续办理 (Y−1), per column (rule Y-1). The seven applicant
 *   columns are the same in both formats, so this also holds from a 2020 (gov-2019) report to 2021.
 * - 二/（一）现行有效件数 (Y) ← 现行有效件数 (Y−1), only gov-2021 → gov-2021, plus this year's 本年制发件数
 *   minus 本年废止件数 when they are already filled in (rule Y-2): last year's figure is the base, and a
 *   new year (制发 = 废止 = 0) simply starts from it. gov-2019's 对外公开总数量 is cumulative-published, a different
 *   concept, so nothing is carried into a first gov-2021 year (§8 "no mapping").
 * Text is never carried: a report copied from last year is a named fault (§11 #3).
 */
import { countOf, getCell, setCell } from './cells';
import { layoutOf } from './layout';
import { computeTotals } from './totals';
import type { ActiveValue, CellPath, Report } from './types';

export interface CarriedCell {
  /** The cell of the new report that was set. */
  path: CellPath;
  /** The cell of last year's report it came from. */
  from: CellPath;
  value: ActiveValue;
}

export interface CarryOverResult {
  report: Report;
  carried: CarriedCell[];
}

/** Pairs (this year's cell ← last year's cell) that §8 allows for the two formats. */
export function carryOverPairs(previous: Report, next: Report): { path: CellPath; from: CellPath }[] {
  const pairs: { path: CellPath; from: CellPath }[] = [];
  const cols = layoutOf(next.format).format.requests.columns.length;
  if (layoutOf(previous.format).format.requests.columns.length === cols)
    for (let c = 0; c < cols; c++) pairs.push({ path: `requests.carriedOver.${c}`, from: `requests.carriedForward.${c}` });
  if (previous.format === 'gov-2021' && next.format === 'gov-2021')
    for (const row of ['rules', 'normativeDocs'])
      pairs.push({ path: `active.${row}.inForce`, from: `active.${row}.inForce` });
  return pairs;
}

/**
 * Returns a copy of `next` with last year's figures carried in and every total recomputed
 * (the carried 上年结转 changes the 总计 column). `previous` should be year Y−1 of the same organ;
 * the caller decides that, this function only maps cells.
 */
export function carryOver(previous: Report, next: Report): CarryOverResult {
  const out = structuredClone(next);
  const carried: CarriedCell[] = [];
  for (const { path, from } of carryOverPairs(previous, next)) {
    const base = getCell(previous, from);
    if (typeof base !== 'number') continue;
    let value = base;
    if (path.endsWith('.inForce')) {
      const row = path.split('.')[1]!;
      value = Math.max(0, base + countOf(next, `active.${row}.issued`) - countOf(next, `active.${row}.repealed`));
    }
    setCell(out, path, value);
    carried.push({ path, from, value });
  }
  return { report: computeTotals(out), carried };
}

/**
 * 「重新结转」: last year's figures carried again into this year's report. A carried cell the clerk
 * has typed over keeps the clerk's figure and is no longer marked as carried; totals recomputed.
 */
export function recarry(previous: Report, current: Report, carriedBefore: readonly CarriedCell[]): { report: Report; carried: CarriedCell[] } {
  const { report: next, carried } = carryOver(previous, current);
  const typedOver = new Set(carriedBefore.filter((c) => getCell(current, c.path) !== c.value).map((c) => c.path));
  for (const p of typedOver) setCell(next, p, getCell(current, p)!);
  return { report: computeTotals(next), carried: carried.filter((c) => !typedOver.has(c.path)) };
}
