/**
 * Choosing one reading per row. Rows read one way are fixed; rows with several readings left after
 * their own check are tried together against the rules that tie rows to each other (T3-1 and T3-2
 * for Table 三), and the text's own figures break a remaining tie. When several readings still fit,
 * or none does, the cells where they differ are uncertain: a guess is never presented as a reading.
 */
import type { Candidate, Vals } from './candidates';

export interface Choice {
  id: string;
  /** Readings of the row; empty when the row has none (not found, or unreadable). */
  candidates: Candidate[];
}

export type Lookup = (id: string) => Vals | undefined;

export interface Resolution {
  /** The reading held for each row: null when there is none. */
  picks: Map<string, Candidate | null>;
  /** Cell positions per row that more than one consistent reading disagrees on. */
  uncertain: Map<string, number[]>;
  /** The text's figures decided between readings that all fitted the rules. */
  byEvidence: boolean;
  /** Ambiguous rows for which no combination fitted the rules. */
  noFit: string[];
}

const MAX_NODES = 200_000;

/**
 * Positions a reading cannot vouch for, whatever the rules say: every cell of a row read with a
 * figure dropped (which one was extra is a guess), and cells printed as spreadsheet errors.
 */
export function mustFlag(c: Candidate): number[] {
  if (c.how === 'extra-dropped') return c.vals.map((_, i) => i);
  return c.unreadable ?? [];
}
const MAX_SOLUTIONS = 256;

/**
 * `violations` counts the cross-row rules broken by the rows known so far (a rule whose rows are
 * not all known is not counted). Rules already broken by the rows read one way are the
 * publisher's (the checks report them); they do not make every reading of another row unfit.
 */
export function resolve(
  choices: Choice[],
  violations: (get: Lookup) => number,
  score: (get: Lookup) => number = () => 0,
): Resolution {
  const picks = new Map<string, Candidate | null>();
  const uncertain = new Map<string, number[]>();
  const ambiguous: Choice[] = [];
  for (const ch of choices) {
    if (ch.candidates.length === 1) {
      picks.set(ch.id, ch.candidates[0]!);
      const flagged = mustFlag(ch.candidates[0]!);
      if (flagged.length) uncertain.set(ch.id, flagged);
    }
    else if (ch.candidates.length === 0) picks.set(ch.id, null);
    else ambiguous.push(ch);
  }
  if (!ambiguous.length) return { picks, uncertain, byEvidence: false, noFit: [] };

  const current = new Map<string, Vals>();
  const get: Lookup = (id) => {
    const fixed = picks.get(id);
    return fixed ? fixed.vals : current.get(id);
  };
  const solutions: number[][] = [];
  const baseline = violations(get);
  let nodes = 0;
  let overflow = false;
  const idx: number[] = [];
  const rec = (i: number): void => {
    if (overflow || solutions.length >= MAX_SOLUTIONS) return;
    if (++nodes > MAX_NODES) {
      overflow = true;
      return;
    }
    if (violations(get) > baseline) return;
    if (i === ambiguous.length) {
      solutions.push([...idx]);
      return;
    }
    const ch = ambiguous[i]!;
    ch.candidates.forEach((c, k) => {
      current.set(ch.id, c.vals);
      idx.push(k);
      rec(i + 1);
      idx.pop();
      current.delete(ch.id);
    });
  };
  rec(0);

  if (overflow || solutions.length === 0) {
    for (const ch of ambiguous) {
      picks.set(ch.id, null);
      uncertain.set(ch.id, ch.candidates[0]!.vals.map((_, i) => i));
    }
    return { picks, uncertain, byEvidence: false, noFit: ambiguous.map((c) => c.id) };
  }

  const scored = solutions.map((s) => {
    ambiguous.forEach((ch, i) => current.set(ch.id, ch.candidates[s[i]!]!.vals));
    const v = score(get);
    current.clear();
    return v;
  });
  const top = Math.max(...scored);
  const kept = solutions.filter((_, i) => scored[i] === top);
  ambiguous.forEach((ch, i) => {
    const first = ch.candidates[kept[0]![i]!]!;
    picks.set(ch.id, first);
    const differ = first.vals
      .map((v, pos) => (kept.some((s) => ch.candidates[s[i]!]!.vals[pos] !== v) || mustFlag(first).includes(pos) ? pos : -1))
      .filter((pos) => pos >= 0);
    if (differ.length) uncertain.set(ch.id, differ);
  });
  return { picks, uncertain, byEvidence: solutions.length > 1 && kept.length === 1, noFit: [] };
}
