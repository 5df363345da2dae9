/**
 * Figures printed wider than their cells (a page zoomed for printing, 5-digit figures in narrow
 * columns) run into each other: the text layer then holds one run of digits over two or three
 * columns (「908245325」 for 其他 9082 and 总计 45325). Where the digits part is no longer visible, the
 * row's own rule decides: every way of cutting the run (no part with a leading 0) is tried, and the
 * cut is taken only when exactly one makes the row add up (T3-3: the six applicant cells make the
 * 总计; Table 四: each group's four outcomes make its 总计). Otherwise the row is unreadable and
 * flagged, never guessed.
 */
import type { PdfItem } from './extract';
import { place } from './columns';
import { rowAddsUp } from './row-rule';

/** More ways than this to cut a row's runs: not a reading with one answer. */
const MAX_READINGS = 5000;

/** Indices of the column centres an item's extent covers. */
const covers = (f: PdfItem, centers: readonly number[]) => centers.flatMap((c, i) => (c > f.x + 1 && c < f.x + f.width - 1 ? [i] : []));

/** Every cut of a digit run into `parts` numbers, none with a leading zero. */
function cuts(s: string, parts: number): string[][] {
  if (parts === 1) return /^(?:0|[1-9]\d*)$/.test(s) ? [[s]] : [];
  const out: string[][] = [];
  for (let i = 1; i <= s.length - parts + 1; i++) {
    const head = s.slice(0, i);
    if (!/^(?:0|[1-9]\d*)$/.test(head)) continue;
    for (const rest of cuts(s.slice(i), parts - 1)) out.push([head, ...rest]);
  }
  return out;
}

/**
 * The row's figures with every run over several columns cut into its cells, each at its column's
 * centre; the figures unchanged when none is; 'unreadable' when no single cut makes the row add up.
 */
export function unglue(figures: readonly PdfItem[], centers: readonly number[]): PdfItem[] | 'unreadable' {
  const runs = figures.filter((f) => covers(f, centers).length >= 2);
  if (!runs.length) return [...figures];
  const options = runs.map((f) => {
    const cols = covers(f, centers);
    return cuts(f.str.trim(), cols.length).map((parts) => parts.map((str, j): PdfItem => ({ ...f, str, x: centers[cols[j]!]! - 1, width: 2 })));
  });
  if (options.reduce((n, o) => n * o.length, 1) > MAX_READINGS) return 'unreadable';
  let found: PdfItem[] | null = null;
  let count = 0;
  const walk = (k: number, chosen: PdfItem[][]) => {
    if (count > 1) return;
    if (k === options.length) {
      const row = figures.flatMap((f) => (runs.includes(f) ? chosen[runs.indexOf(f)]! : [f])).sort((a, b) => a.x - b.x);
      const placed = place(row, centers);
      if (placed && rowAddsUp(placed.map((p) => (p ? Number(p.str) : 0)))) {
        count++;
        found = row;
      }
      return;
    }
    for (const o of options[k]!) walk(k + 1, [...chosen, o]);
  };
  walk(0, []);
  return count === 1 && found ? found : 'unreadable';
}
