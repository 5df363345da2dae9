/**
 * Figures wrapped inside their cell in running text (`pdftotext` plain and -raw, issue 18 §3): a figure
 * too wide for its column prints its last digits on the next line — 「１０５」 over 「６」 for 1056 on a
 * landscape page in full-width figures, 「291」 over 「00」 for 29100 in a Word table with narrow figure
 * columns — so the row has more figures than cells (「0 1056 0 0 0 0 105 6」 under seven columns).
 * The -layout text is joined by the figures' columns (wrapped-layout.ts); here only the order is left, so
 * a join is taken where it has one answer:
 * - the two pieces are separated by a line break (never by a space on one line: those were printed apart),
 * - the first piece is a figure's start (no leading 0, so never a 0 of its own) at least as long as the
 *   second (a wrap fills the column's width first), and a figure wraps once at most,
 * - the joined row keeps its own rule (T3-3, T4-1), and no other choice of joins, nor any reading
 *   without a join (a figure dropped), keeps it too.
 * Where joins differ, or none fits, the row is left as it was (unread, flagged).
 */
import type { Cell } from './cells';

/** A reading of a row, as candidates.ts's Vals (not imported: candidates.ts calls this file). */
type Vals = (string | null)[];

type Num = Extract<Cell, { kind: 'num' }>;

const isNum = (c: Cell | undefined): c is Num => c?.kind === 'num' && !c.unit;

/** Whether cells i and i+1 may be one figure's two pieces. */
function joinable(core: readonly Cell[], i: number): boolean {
  const head = core[i];
  const tail = core[i + 1];
  return isNum(head) && isNum(tail) && !!tail.afterBreak && /^[1-9]\d*$/.test(head.text) && /^\d+$/.test(tail.text) && head.text.length >= tail.text.length;
}

/** Steps of the join search for one row at most: beyond it, no join (a search this long has no one answer to find). */
const MAX_JOIN_NODES = 20_000;

/**
 * Every distinct reading of `core` (more cells than `width`) with exactly core.length − width joins of
 * wrapped pieces that passes `ok`; null when there are more ways to try than MAX_JOIN_NODES.
 */
export function wrappedJoins(core: readonly Cell[], width: number, ok: (v: Vals) => boolean): Vals[] | null {
  const joins = core.length - width;
  if (joins <= 0) return [];
  const at = core.map((_, i) => i).filter((i) => i + 1 < core.length && joinable(core, i));
  const found = new Map<string, Vals>();
  const chosen: number[] = [];
  let nodes = 0;
  const rec = (from: number): void => {
    if (++nodes > MAX_JOIN_NODES) return;
    if (chosen.length === joins) {
      const vals: Vals = [];
      for (let i = 0; i < core.length; i++) {
        const c = core[i] as Num;
        if (chosen.includes(i)) vals.push(c.text + (core[i + 1] as Num).text), i++;
        else vals.push(c.kind === 'num' ? c.text : null);
      }
      if (ok(vals)) found.set(vals.join('|'), vals);
      return;
    }
    for (let k = from; k < at.length && joins - chosen.length <= at.length - k; k++) {
      // A figure wraps once: the next join starts after this one's second piece.
      if (chosen.length && at[k]! <= chosen[chosen.length - 1]! + 1) continue;
      chosen.push(at[k]!);
      rec(k + 1);
      chosen.pop();
    }
  };
  rec(0);
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
