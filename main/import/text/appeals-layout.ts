/**
 * Table 四 in `pdftotext -layout` text of a page whose blank (zero) cells print nothing (issue 18
 * §2): its one data row is a few figures separated by spaces, and which of the fifteen columns each
 * stands in shows only by where it stands. The header's outcome words (结果/维持 … 总计, stacked
 * over lines, each group's the same) stand in fifteen even columns; pdftotext stretches the figure
 * line a little against them (wider glyphs), so a reading is a choice of columns, left to right,
 * that keeps T4-1 (each group's 总计 the sum of its outcomes) and that one stretch of the header's
 * columns from the line start carries onto the figures within two thirds of a column. The best
 * such reading and every one nearly as good are handed on; where they differ the cells are flagged
 * (solve.ts). A header that is not fifteen even columns, or figures on more than one line, give no
 * reading here (the row is read as before); figures no stretch carries give none at all (flagged).
 */
import type { Vals } from './candidates';
import { FIGURE, lineTokens as tokens } from './line-tokens';

/** Characters of the outcome words (结果维持 结果纠正 其他结果 尚未审结 总计), cut or whole. */
const OUTCOME = /^[结果维持纠正其他尚未审总计]+$/;
/** Words of one column stand within this many characters of each other on the header's lines. */
const SAME_COLUMN = 1;
/** The figures stand at most this far from their column once stretched, in columns (the holdout reads nothing wrong up to a whole column). */
const FIT = 2 / 3;
/** Stretches of the header onto the figures that pdftotext gives (figures wider than their words). */
const STRETCH = [0.95, 1.1] as const;
/**
 * Stretches a reading nearly as good may take: a reading beyond STRETCH is never chosen, but where
 * one fits about as well as the best, the figures' places do not decide between them (a row drifted a
 * character right on a page whose columns stand three characters apart).
 */
const RIVAL_STRETCH = [0.85, 1.25] as const;
/** The widest gap between neighbouring columns' words at most this many times the narrowest. */
const EVEN = 1.6;
/** Readings within this much of the best fit are as good as it. */
const CLOSE = 1 / 4;
const MAX_READINGS = 20_000;


/** The fifteen column centres the outcome words of the header lines stand at, evenly, or null. */
function headerColumns(lines: readonly string[], width: number): number[] | null {
  const xs = [...new Set(lines.flatMap((l) => tokens(l).filter((t) => OUTCOME.test(t.text)).map((t) => t.center)))].sort((a, b) => a - b);
  if (!xs.length) return null;
  const groups: number[][] = [[xs[0]!]];
  for (const x of xs.slice(1)) {
    const g = groups[groups.length - 1]!;
    if (x - g[g.length - 1]! <= SAME_COLUMN) g.push(x);
    else groups.push([x]);
  }
  if (groups.length !== width) return null;
  const centres = groups.map((g) => g.reduce((s, x) => s + x, 0) / g.length);
  // Fifteen cells of one width: words standing unevenly were pushed about (a zoomed page's).
  const gaps = centres.slice(1).map((c, i) => c - centres[i]!);
  return Math.max(...gaps) <= EVEN * Math.min(...gaps) ? centres : null;
}

/**
 * Largest distance of the figures from their columns' centres under the best stretch from the line
 * start (pdftotext widens a line from its left margin, it does not move it), in columns.
 */
function misfit(xs: readonly number[], cs: readonly number[], pitch: number, stretch: readonly [number, number]): number {
  const b = cs.reduce((s, c, i) => s + c * xs[i]!, 0) / cs.reduce((s, c) => s + c * c, 0);
  if (!(b >= stretch[0] && b <= stretch[1])) return Infinity;
  return Math.max(...xs.map((x, i) => Math.abs(x - b * cs[i]!))) / (b * pitch);
}

/** T4-1 on a reading: in each group a printed 总计 is the sum of its outcomes; outcomes need their 总计. */
function groupsHold(cols: readonly number[], figures: readonly string[], size: number): boolean {
  const sums = new Map<number, number>();
  const totals = new Map<number, number>();
  cols.forEach((c, i) => {
    const g = Math.floor(c / size);
    if (c % size === size - 1) totals.set(g, Number(figures[i]));
    else sums.set(g, (sums.get(g) ?? 0) + Number(figures[i]));
  });
  for (const [g, s] of sums) if (totals.get(g) !== s) return false;
  for (const [g, t] of totals) if ((sums.get(g) ?? 0) !== t) return false;
  return true;
}

/**
 * Readings of Table 四's data row by the figures' places under the header (`region`: the table's
 * text from its heading to the next section), or null when the text does not show them.
 */
export function appealsByLayout(region: string, size: number, groups: number): Vals[] | null {
  const width = size * groups;
  // Cells cut by tabs or rules (browser and grid copies) are read by their separators, not here.
  if (/[\t|]/.test(region)) return null;
  const lines = region.split('\n');
  const figureLines = lines.map((l, i) => ({ i, figs: tokens(l).filter((t) => FIGURE.test(t.text)) })).filter((x) => x.figs.length);
  if (figureLines.length !== 1) return null;
  const { i: at, figs } = figureLines[0]!;
  // Anything but figures on the data line: not a row printed by position.
  if (tokens(lines[at]!).length !== figs.length || figs.length >= width) return null;
  const centres = headerColumns(lines.slice(0, at), width);
  if (!centres) return null;
  const gaps = centres.slice(1).map((c, i) => c - centres[i]!).sort((a, b) => a - b);
  const pitch = gaps[Math.floor(gaps.length / 2)]!;
  const fits: { vals: Vals; misfit: number; rival: number }[] = [];
  const cols: number[] = [];
  const xs = figs.map((f) => f.center);
  let tried = 0;
  const rec = (k: number): boolean => {
    if (++tried > MAX_READINGS) return false;
    if (k === figs.length) {
      const holds = groupsHold(cols, figs.map((f) => f.text), size);
      const cs = cols.map((c) => centres[c]!);
      const m = holds ? misfit(xs, cs, pitch, STRETCH) : Infinity;
      const rival = holds ? misfit(xs, cs, pitch, RIVAL_STRETCH) : Infinity;
      if (rival <= FIT + CLOSE) {
        const vals: Vals = Array.from({ length: width }, () => null);
        cols.forEach((c, j) => (vals[c] = figs[j]!.text));
        fits.push({ vals, misfit: m, rival });
      }
      return true;
    }
    for (let c = (cols.at(-1) ?? -1) + 1; c <= width - (figs.length - k); c++) {
      cols.push(c);
      const ok = rec(k + 1);
      cols.pop();
      if (!ok) return false;
    }
    return true;
  };
  if (!rec(0)) return null;
  // Every reading nearly as good as the best stays: a best fit only just inside the bound may be
  // a wrong one beside a right one only just outside it.
  const best = Math.min(...fits.map((f) => f.misfit));
  return best <= FIT ? fits.filter((f) => f.rival <= best + CLOSE).map((f) => f.vals) : [];
}
