/**
 * Table 三 whose blank cells left no trace (pdftotext plain or -raw of a PDF printing 0 as a blank
 * cell; issue 18 §3): a row keeps only its figures, its last one the 总计. Which applicant column
 * each other figure stood in is not in the text, but the rules bind the rows together: every
 * column must keep T3-1 (一 + 二 = （七） + 四) and T3-2 (（七） = the sum of the results). Every
 * placement of every row's figures is searched at once (row by row, the partial column sums as the
 * state, bounded): a cell on which every placement keeping the rules agrees has one answer and is
 * read; a cell two such placements disagree on is not. A row whose figures stand together on one
 * line keeps their order (a PDF viewer writes a line left to right); a row whose figures are spread
 * over lines (a label wrapped round them, a group label between them) may have them in any order.
 * So the true table is always among the placements searched, and what all of them agree on is it.
 */
import type { FormatDef } from '../../../report/formats/model';

/** Partial sums kept per row at most; beyond it the search stops and nothing is read. */
const MAX_STATES = 5_000;
/** Placements tried per row at most (6 columns, 5 figures in any order: 720). */
const MAX_CHOICES = 720;
/** State-times-placement steps over the whole search at most. */
const MAX_STEPS = 300_000;

type Vec = number[];

/** Steps left for several searches together (each is bounded by MAX_STEPS as well). */
export interface Budget {
  steps: number;
}

/** Every placement of `figures` (not the total) in `cols` columns, as distinct vectors: left to right in their order, or in any order. */
function placements(figures: readonly number[], cols: number, ordered: boolean): Vec[] | null {
  const out = new Map<string, Vec>();
  const rec = (i: number, acc: Vec, from = 0) => {
    if (out.size > MAX_CHOICES) return;
    if (i === figures.length) {
      out.set(acc.join(','), [...acc]);
      return;
    }
    for (let c = ordered ? from : 0; c < cols; c++) {
      if (acc[c] !== 0) continue;
      acc[c] = figures[i]!;
      rec(i + 1, acc, c + 1);
      acc[c] = 0;
    }
  };
  rec(0, new Array<number>(cols).fill(0));
  return out.size > MAX_CHOICES ? null : [...out.values()];
}

/**
 * For each row (in the table's order), the applicant columns every rule-keeping placement agrees
 * on (a value per column, null where they differ); 'none' when no placement keeps the rules; null
 * when the figures do not fit the shape (a run longer than the row, a total that is not the sum)
 * or the search is too large (nothing is known then). `runs[i]` is row i's figures in printed
 * order, its total last; `inOrder[i]` whether they stand in the order of their columns; `anchors[i]`
 * the columns some of its figures certainly stand in (column → figure), where the page says so.
 */
export function placeColumns(def: FormatDef, runs: readonly number[][], inOrder: readonly boolean[], budget?: Budget,
  anchors: readonly (ReadonlyMap<number, number> | undefined)[] = []): (number | null)[][] | 'none' | null {
  const t = def.requests;
  const width = t.columns.length;
  const cols = width - 1;
  if (t.columns.findIndex((c) => c.total) !== cols || runs.length !== t.rows.length) return null;
  const choices: Vec[][] = [];
  for (const [i, f] of runs.entries()) {
    if (f.length > width) return null;
    if (f.length === width) choices.push([f.slice(0, cols)]);
    else if (f.length === 0) choices.push([new Array<number>(cols).fill(0)]);
    else {
      if (f.length === 1 || f.slice(0, -1).reduce((s, x) => s + x, 0) !== f[f.length - 1]) return null;
      const p = placements(f.slice(0, -1), cols, inOrder[i] === true);
      if (!p) return null;
      // Figures whose place on the page says their column (layout-anchors.ts): only placements that keep them there.
      const anchored = p.filter((v) => [...(anchors[i] ?? [])].every(([c, x]) => v[c] === x));
      if (!anchored.length) return 'none';
      choices.push(anchored);
    }
  }
  const all = agreedColumns(def, choices, budget);
  return all === null && budget ? summaryAgreement(def, choices, budget) : all;
}

/**
 * placeColumns with anchors, each decision backed twice: a cell is read only where the placements
 * with every anchor, and with each anchored row's anchors left out in turn, agree on it. One figure
 * printed a column off its place (anchoring it wrongly) then decides nothing alone: the rows' own
 * rules, or the other rows' anchors, must say the same.
 */
export function placeColumnsAnchored(def: FormatDef, runs: readonly number[][], inOrder: readonly boolean[], budget: Budget,
  anchors: readonly (ReadonlyMap<number, number> | undefined)[]): (number | null)[][] | 'none' | null {
  const all = placeColumns(def, runs, inOrder, budget, anchors);
  // Anchors no placement keeping the rules allows: the page's places are not to be trusted here, the rules alone read.
  if (all === 'none') return placeColumns(def, runs, inOrder, budget);
  if (all === null) return all;
  for (const [j, a] of anchors.entries()) {
    if (!a?.size) continue;
    const without = placeColumns(def, runs, inOrder, budget, anchors.map((x, i) => (i === j ? undefined : x)));
    if (without === null) return null;
    if (without === 'none') return 'none';
    all.forEach((row, i) => row.forEach((v, c) => { if (without[i]![c] !== v) row[c] = null; }));
  }
  return all;
}

/**
 * Table 三's rows by the rules they keep: `summary` [（七）总计, 一 新收, 二 上年结转, 四 结转] (T3-1:
 * 一 + 二 = （七） + 四), `results` the rows （七） sums (T3-2); null when the layout is not that.
 */
function tableRoles(def: FormatDef): { summary: [number, number, number, number]; results: number[] } | null {
  const t = def.requests;
  const index = (key: string) => t.rows.findIndex((r) => r.key === key);
  const summary: [number, number, number, number] = [t.rows.findIndex((r) => r.total), index('newReceived'), index('carriedOver'), t.rows.length - 1];
  if (summary.some((i) => i < 0) || new Set(summary).size !== 4) return null;
  const results = t.rows.map((r, i) => (r.group && !r.total ? i : -1)).filter((i) => i >= 0);
  return results.length + 4 === t.rows.length ? { summary, results } : null;
}

/** Summary-row readings tried at most when the whole search ran out: beyond, nothing is read. */
const MAX_SUMMARY_READINGS = 200_000;

/**
 * When the whole search passes its bounds (figures in the thousands: nearly every partial sum is
 * new), T3-1 alone still binds the four summary rows: what every reading of them keeping it agrees
 * on is read — every reading keeping all the rules is among those. The result rows stay open.
 */
function summaryAgreement(def: FormatDef, choices: readonly Vec[][], budget: Budget): (number | null)[][] | null {
  const roles = tableRoles(def);
  if (!roles) return null;
  const [t, a, b, f] = roles.summary.map((i) => choices[i]!);
  if (t!.length * a!.length * b!.length * f!.length > Math.min(MAX_SUMMARY_READINGS, budget.steps)) return null;
  budget.steps -= t!.length * a!.length * b!.length * f!.length;
  const seen = roles.summary.map(() => new Map<string, Vec>());
  for (const vt of t!) for (const va of a!) for (const vb of b!) for (const vf of f!)
    if (vt.every((x, c) => va[c]! + vb[c]! === x + vf[c]!)) [vt, va, vb, vf].forEach((v, k) => seen[k]!.set(v.join(','), v));
  if (!seen[0]!.size) return null;
  const cols = def.requests.columns.length - 1;
  const out: (number | null)[][] = choices.map(() => new Array<number | null>(cols).fill(null));
  roles.summary.forEach((row, k) => {
    const vs = [...seen[k]!.values()];
    out[row] = Array.from({ length: cols }, (_, c) => (vs.every((v) => v[c] === vs[0]![c]) ? vs[0]![c]! : null));
  });
  return out;
}

/**
 * The search itself: `choices[i]` the readings of row i's applicant columns (each of its figures
 * in some column, the rest 0). For each row, what every reading keeping T3-1 and T3-2 agrees on;
 * 'none' when no reading keeps them; null when the search is too large.
 */
export function agreedColumns(def: FormatDef, choices: readonly Vec[][], budget: Budget = { steps: MAX_STEPS }): (number | null)[][] | 'none' | null {
  const t = def.requests;
  const cols = t.columns.length - 1;
  if (choices.length !== t.rows.length || choices.some((c) => !c.length || c.some((v) => v.length !== cols))) return null;
  const roles = tableRoles(def);
  if (!roles) return null;
  const { summary, results } = roles;
  const totalRow = summary[0];
  // E1 (T3-2) and E2 (T3-1) as weights per row: their weighted sums must be 0 in every column.
  const e1 = (i: number) => (i === totalRow ? -1 : results.includes(i) ? 1 : 0);
  const e2 = (i: number) => (i === totalRow || i === t.rows.length - 1 ? -1 : i === summary[1] || i === summary[2] ? 1 : 0);
  // Each row's figures: what it may give any one column.
  const figuresOf = choices.map((c) => [...new Set(c.flat().filter((x) => x !== 0))]);
  // The summary rows first (T3-1 is then closed), then the results, largest figures first (the fewest columns have room for them).
  const order = [...summary, ...results.sort((a, b) => Math.max(0, ...figuresOf[b]!) - Math.max(0, ...figuresOf[a]!))];
  // For the results from the n-th on: the sums one column can still receive (each row gives it one of its figures or none).
  const limit = Math.max(0, ...figuresOf[totalRow]!);
  const reach: Uint8Array[] = new Array(order.length + 1);
  reach[order.length] = new Uint8Array(limit + 1);
  reach[order.length]![0] = 1;
  for (let n = order.length - 1; n >= 4; n--) {
    const r = reach[n + 1]!;
    const out = Uint8Array.from(r);
    for (const f of figuresOf[order[n]!]!) for (let x = 0; x + f <= limit; x++) if (r[x]) out[x + f] = 1;
    reach[n] = out;
  }
  const weights = choices.map((_, i) => [e1(i), e2(i)] as const);
  /**
   * The partial sums after row `i` takes reading `v`, the n-th row taken; null when they can no
   * longer come to 0: after the summary rows T3-1 must hold, and results only add, so no column may
   * exceed its total, nor need a sum the rows left cannot give it.
   */
  const step = (s: Vec, i: number, v: Vec, n: number): Vec | null => {
    const [w1, w2] = weights[i]!;
    const check = n >= 4;
    const out = new Array<number>(2 * cols);
    for (let k = 0; k < cols; k++) {
      const x = s[k]! + w1 * v[k]!;
      const y = s[cols + k]! + w2 * v[k]!;
      if (check && (y !== 0 || x > 0 || -x > limit || reach[n]![-x] !== 1)) return null;
      out[k] = x;
      out[cols + k] = y;
    }
    return out;
  };
  const key = (s: Vec) => s.join(',');
  const layers: Map<string, Vec>[] = [new Map([[key(new Array<number>(2 * cols).fill(0)), new Array<number>(2 * cols).fill(0)]])];
  let steps = 0;
  for (let n = 0; n < order.length; n++) {
    const i = order[n]!;
    const next = new Map<string, Vec>();
    for (const s of layers[n]!.values())
      for (const v of choices[i]!) {
        if (++steps > MAX_STEPS || --budget.steps < 0) return null;
        const s2 = step(s, i, v, n + 1);
        if (s2) next.set(key(s2), s2);
      }
    if (!next.size) return 'none';
    if (next.size > MAX_STATES) return null;
    layers.push(next);
  }
  const zero = key(new Array<number>(2 * cols).fill(0));
  if (!layers[order.length]!.has(zero)) return 'none';
  // Back from the end: the states that reach all-zero, and the placements on some such path.
  let good = new Set([zero]);
  const feasible = new Map<number, Vec[]>();
  for (let n = order.length - 1; n >= 0; n--) {
    const i = order[n]!;
    const prevGood = new Set<string>();
    const used = new Map<string, Vec>();
    for (const [k, s] of layers[n]!)
      for (const v of choices[i]!) {
        const s2 = step(s, i, v, n + 1);
        if (s2 && good.has(key(s2))) {
          prevGood.add(k);
          used.set(v.join(','), v);
        }
      }
    feasible.set(i, [...used.values()]);
    good = prevGood;
  }
  return choices.map((_, i) => {
    const vs = feasible.get(i)!;
    return Array.from({ length: cols }, (_, c) => (vs.every((v) => v[c] === vs[0]![c]) ? vs[0]![c]! : null));
  });
}
