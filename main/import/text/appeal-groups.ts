/**
 * Table 四's data row from PDF-viewer text whose blank (zero) cells print nothing (pdftotext plain
 * or -raw of a Chromium PDF): only its figures are left, in order. Each group (复议, 未经复议直接
 * 起诉, 复议后起诉) printed either nothing or some outcomes and its 总计, which is their sum (T4-1);
 * so the figures are cut into groups every way that keeps each group's sum, and each group's
 * outcomes placed in its outcome columns every way in order. A cell every such reading gives the
 * same value (a group's 总计 when the cut is forced, the cells of a group that printed nothing) is
 * read; the others stay flagged. No reading at all: nothing is read.
 */
import { combinations } from './candidates';

/** Readings at most; beyond them nothing is read. */
const MAX_READINGS = 4096;

/** Every reading of `figures` as `groups` groups of `size` cells (the last of each its total); null when there are too many. */
export function groupReadings(figures: readonly number[], groups: number, size: number): number[][] | null {
  const out: number[][] = [];
  const outcomes = size - 1;
  // The ways to put k figures into the outcome columns in their order.
  const places = (k: number): number[][] => combinations(outcomes, k);
  const rec = (g: number, at: number, acc: number[]): boolean => {
    if (g === groups) {
      if (at === figures.length) out.push([...acc]);
      return out.length <= MAX_READINGS;
    }
    // The group printed nothing.
    if (!rec(g + 1, at, [...acc, ...new Array<number>(size).fill(0)])) return false;
    for (let k = 1; k <= outcomes && at + k < figures.length; k++) {
      const parts = figures.slice(at, at + k);
      const total = figures[at + k]!;
      if (parts.reduce((s, x) => s + x, 0) !== total) continue;
      for (const cols of places(k)) {
        const cells = new Array<number>(size).fill(0);
        cols.forEach((c, i) => (cells[c] = parts[i]!));
        cells[outcomes] = total;
        if (!rec(g + 1, at + k + 1, [...acc, ...cells])) return false;
      }
    }
    return true;
  };
  return rec(0, 0, []) ? out : null;
}

/** The value of each cell every reading agrees on, null where they differ; null when there is no reading or too many. */
export function agreedCells(figures: readonly number[], groups: number, size: number): (number | null)[] | null {
  const readings = groupReadings(figures, groups, size);
  if (!readings?.length) return null;
  return readings[0]!.map((v, i) => (readings.every((r) => r[i] === v) ? v : null));
}
