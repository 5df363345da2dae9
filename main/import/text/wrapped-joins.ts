/**
 * Figures wrapped inside their cell in text without cell separators (`pdftotext` plain, -raw and -layout,
 * issue 18 §3): a figure too wide for its column prints its last digits on the next line — 「１０５」 over
 * 「６」 for 1056 on a landscape page in full-width figures, 「291」 over 「00」 for 29100 in a Word table
 * with narrow figure columns — so the row has more figures than cells (「0 1056 0 0 0 0 105 6」 under seven
 * columns). The pieces come in one of two orders:
 * - next to each other: the head ends a line and its tail starts the next (plain and -raw text);
 * - a line of tails under the line of their heads, in the same order (「773 5663 … 418 291」 over 「2 9 00」,
 *   -layout text, where the columns of full-width figures do not line up to be matched: wrapped-layout.ts).
 * A join is taken where it has one answer:
 * - the pieces are on different lines (never two figures apart by a space on one line),
 * - the head is a figure's start (no leading 0, so never a 0 of its own) at least as long as its tail
 *   (a wrap fills the column's width first), and a figure wraps once at most,
 * - the joined row keeps its own rule (T3-3, T4-1), and no other choice of joins in either order, nor any
 *   reading without a join (a figure dropped, or a row's worth of figures as printed), keeps it too.
 * Where joins differ, or none fits, the row is left as it was (unread, flagged).
 */
import type { Cell } from './cells';

/** A reading of a row, as candidates.ts's Vals (not imported: candidates.ts calls this file). */
type Vals = (string | null)[];

type Num = Extract<Cell, { kind: 'num' }>;

/** Steps of the join search for one row at most: beyond it, no join (a search this long has no one answer to find). */
const MAX_JOIN_NODES = 20_000;

const isNum = (c: Cell | undefined): c is Num => c?.kind === 'num' && !c.unit && c.line !== undefined;
const canHead = (c: Cell | undefined): c is Num => isNum(c) && /^[1-9]\d*$/.test(c.text);
const fits = (head: Num, tail: Num) => /^\d+$/.test(tail.text) && head.text.length >= tail.text.length && tail.line! > head.line!;

/** A choice of joins: tail index → head index. */
type Joins = Map<number, number>;

function readingOf(core: readonly Cell[], joins: Joins): Vals {
  const tails = new Map([...joins].map(([t, h]) => [h, t]));
  const vals: Vals = [];
  core.forEach((c, i) => {
    if (joins.has(i)) return;
    const tail = tails.get(i);
    vals.push(c.kind !== 'num' ? null : tail === undefined ? c.text : c.text + (core[tail] as Num).text);
  });
  return vals;
}

/** Next to each other: cell i ends a line, cell i+1 starts the next. */
function adjacentJoins(core: readonly Cell[], count: number, visit: (j: Joins) => boolean, step: () => boolean): void {
  const at = core.map((_, i) => i).filter((i) => canHead(core[i]) && isNum(core[i + 1]) && fits(core[i] as Num, core[i + 1] as Num));
  const chosen: number[] = [];
  const rec = (from: number): boolean => {
    if (!step()) return false;
    if (chosen.length === count) return visit(new Map(chosen.map((h) => [h + 1, h])));
    for (let k = from; k < at.length && count - chosen.length <= at.length - k; k++) {
      // A figure wraps once: the next join starts after this one's tail.
      if (chosen.length && at[k]! <= chosen[chosen.length - 1]! + 1) continue;
      chosen.push(at[k]!);
      if (!rec(k + 1)) return false;
      chosen.pop();
    }
    return true;
  };
  rec(0);
}

/** A line of tails under the line of their heads: each tail line's figures join, in order, some of the line above's. */
function stackedJoins(core: readonly Cell[], count: number, visit: (j: Joins) => boolean, step: () => boolean): void {
  const lines: number[][] = [];
  core.forEach((c, i) => {
    if (c.kind !== 'num' || c.line === undefined) return;
    const last = lines[lines.length - 1];
    if (last && core[last[0]!]!.kind === 'num' && (core[last[0]!] as Num).line === c.line) last.push(i);
    else lines.push([i]);
  });
  const joins: Joins = new Map();
  // Heads of line `h` for the tails of line `t`, in order: tail k takes a head after tail k−1's.
  const pick = (h: number[], t: number[], k: number, from: number, then: () => boolean): boolean => {
    if (!step()) return false;
    if (k === t.length) return then();
    for (let j = from; j <= h.length - (t.length - k); j++) {
      const head = core[h[j]!] as Num;
      if (!canHead(head) || !fits(head, core[t[k]!] as Num)) continue;
      joins.set(t[k]!, h[j]!);
      if (!pick(h, t, k + 1, j + 1, then)) return false;
      joins.delete(t[k]!);
    }
    return true;
  };
  // Line l as a line of tails, or not; a line of heads is no line of tails (a figure wraps once).
  // Figures on lines l… (each line's count): too few left for the tails still wanted ends a branch.
  const after = lines.map((_, l) => lines.slice(l).reduce((n, x) => n + x.length, 0));
  const rec = (l: number, left: number, prevTails: boolean): boolean => {
    if (!step()) return false;
    if (left === 0) return visit(new Map(joins));
    if (l >= lines.length || after[l]! < left) return true;
    if (l > 0 && !prevTails && lines[l]!.length <= left && lines[l]!.length <= lines[l - 1]!.length)
      if (!pick(lines[l - 1]!, lines[l]!, 0, 0, () => rec(l + 1, left - lines[l]!.length, true))) return false;
    return rec(l + 1, left, false);
  };
  rec(0, count, true);
}

/**
 * Every distinct reading of `core` (more cells than `width`) with exactly core.length − width joins, in
 * either order, that passes `ok`; null when there are more ways to try than MAX_JOIN_NODES.
 */
export function wrappedJoins(core: readonly Cell[], width: number, ok: (v: Vals) => boolean): Vals[] | null {
  const count = core.length - width;
  if (count <= 0) return [];
  const found = new Map<string, Vals>();
  let nodes = 0;
  const step = () => ++nodes <= MAX_JOIN_NODES;
  const visit = (j: Joins): boolean => {
    const vals = readingOf(core, j);
    if (ok(vals)) found.set(vals.join('|'), vals);
    return true;
  };
  adjacentJoins(core, count, visit, step);
  stackedJoins(core, count, visit, step);
  return nodes > MAX_JOIN_NODES ? null : [...found.values()];
}

/**
 * The one reading of `core` by joins, or null. A run of `width` figures as printed that keeps the rule
 * is another answer with no join: the rest may be a neighbouring row's figures (a row printing 「1 1 1
 * 1 1 1 6」 whose neighbour's figures stack under its own would join into 「11 … 66」, every rule kept).
 */
export function joinedReading(core: readonly Cell[], width: number, ok: (v: Vals) => boolean): Vals | null {
  for (let i = 0; i + width <= core.length; i++) {
    const run = core.slice(i, i + width);
    if (run.every((c) => c.kind !== 'bad') && ok(run.map((c) => (c.kind === 'num' ? c.text : null)))) return null;
  }
  const joined = wrappedJoins(core, width, ok);
  return joined?.length === 1 ? joined[0]! : null;
}

/** A row read by joining wrapped pieces, with no other reading: its surplus figures are explained. */
export const readByJoins = (candidates: readonly { how: string }[]): boolean => candidates.length === 1 && candidates[0]!.how === 'joined';
