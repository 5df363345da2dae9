/**
 * Every reading of a row's cells that fits the row's width: the cells as they are, blanks placed
 * at either end of a loose row, a stray extra column left out, merged cells mapped by their span,
 * and figures glued together by text extraction (「713000074」) split back into cells. Each row
 * check (T3-3, T4-1, cell types) then removes the readings that cannot be right; what is left is
 * resolved across rows in solve.ts.
 */
import type { Cell } from './cells';
import { trimBlanks } from './cells';
import { joinedReading } from './wrapped-joins';

/** A reading of a row: one entry per cell, `null` for a blank cell. */
export type Vals = (string | null)[];

export interface Candidate {
  vals: Vals;
  /** How the reading was obtained; 'as-printed' needs no guess. */
  how: 'as-printed' | 'blank-ends' | 'extra-dropped' | 'extra-same' | 'span' | 'split' | 'placed' | 'joined';
  /** Units printed next to figures (元 / 万元), by position. */
  units?: (string | undefined)[];
  /** Positions printed as a spreadsheet error value (#DIV/0!): no reading, never 0 or blank. */
  unreadable?: number[];
}

export interface RowReadOptions {
  /** Cells of the row (fields of Table 二, 7 columns of 三, 15 of 四). */
  width: number;
  exact: boolean;
  /** One cell per line with blanks as empty lines (cells.ts): the count of lines fixes the columns. */
  counted?: boolean;
  /** Running text without cell separators (cells.ts): a run of the row's width is not vouched for by its layout. */
  running?: boolean;
  /** Grid columns each cell covers (Table 二's merged cells). */
  spans?: readonly number[];
  /** Whether each value fits its cell type (count, signed count, money). */
  typeOk: (vals: Vals) => boolean;
  /** Whether a reconstructed reading can be right (the row's own sums: T3-3, T4-1). */
  check: (vals: Vals) => boolean;
  /**
   * The row has no rule of its own (Table 二): a cut of a run that is itself a figure (「847」 → 8, 4, 7)
   * is one reading among the figure with blank cells beside it, not the reading. A run no figure can
   * be (「000」, 「0010」: leading zeros) is still only a crawler's glued cells.
   */
  unchecked?: boolean;
  /** Cells that hold an amount (元/万元): a figure printed with its unit stands in one of them. */
  unitCells?: readonly boolean[];
}

/** Upper bound of readings tried for one row; beyond it the row is reported as unreadable. */
export const MAX_STEPS = 60_000;

export class TooManyReadings extends Error {}

const MAX_DIGITS = 9;

/** Ways to cut a digit string into `parts` figures without leading zeros (「0」 alone is a figure). */
export function cuts(digits: string, parts: number, out: string[][], acc: string[], budget: { steps: number }): void {
  if (++budget.steps > MAX_STEPS) throw new TooManyReadings();
  if (parts === 1) {
    if (digits.length <= MAX_DIGITS && (digits === '0' || digits[0] !== '0')) out.push([...acc, digits]);
    return;
  }
  if (digits[0] === '0') {
    if (digits.length > parts - 1) cuts(digits.slice(1), parts - 1, out, [...acc, '0'], budget);
    return;
  }
  for (let len = 1; len <= Math.min(MAX_DIGITS, digits.length - (parts - 1)); len++)
    cuts(digits.slice(len), parts - 1, out, [...acc, digits.slice(0, len)], budget);
}

const valOf = (c: Cell): string | null => (c.kind === 'num' ? c.text : null);
const unitOf = (c: Cell): string | undefined => (c.kind === 'num' ? c.unit : undefined);

function splitReadings(items: Cell[], width: number, check: (v: Vals) => boolean): Candidate[] {
  const out: Candidate[] = [];
  const budget = { steps: 0 };
  const acc: Vals = [];
  const rec = (i: number, remaining: number): void => {
    if (++budget.steps > MAX_STEPS) throw new TooManyReadings();
    if (i === items.length) {
      if (remaining === 0 && check(acc)) out.push({ vals: [...acc], how: 'split' });
      return;
    }
    const it = items[i]!;
    const after = items.length - i - 1;
    if (it.kind !== 'num' || !/^[+-]?\d+$/.test(it.text) || it.unit || it.whole) {
      acc.push(valOf(it));
      rec(i + 1, remaining - 1);
      acc.pop();
      return;
    }
    // A sign belongs to the first figure of a glued run (「-150」: -15 and 0, or -1 and 50, or -150).
    const sign = /^[+-]/.test(it.text) ? it.text[0]! : '';
    const digits = it.text.slice(sign.length);
    for (let parts = 1; parts <= Math.min(digits.length, remaining - after); parts++) {
      const ways: string[][] = [];
      cuts(digits, parts, ways, [], budget);
      for (const w0 of ways) {
        const w = sign ? [`${sign}${w0[0]}`, ...w0.slice(1)] : w0;
        acc.push(...w);
        rec(i + 1, remaining - parts);
        acc.length -= parts;
      }
    }
  };
  rec(0, width);
  return out;
}

/** Every choice of k of the indices 0…n−1, in increasing order. */
export function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const rec = (start: number, acc: number[]) => {
    if (acc.length === k) return void out.push([...acc]);
    for (let i = start; i < n; i++) rec(i + 1, [...acc, i]);
  };
  rec(0, []);
  return out;
}

/** Merged value cells repeated per grid column: each field takes the first non-blank of its span. */
function spanReading(cells: Cell[], spans: readonly number[]): Candidate | null {
  const vals: Vals = [];
  const units: (string | undefined)[] = [];
  let at = 0;
  for (const span of spans) {
    const part = cells.slice(at, at + span);
    at += span;
    const nums = [...new Set(part.filter((c) => c.kind === 'num').map((c) => (c as { text: string }).text))];
    if (nums.length > 1) return null;
    vals.push(nums[0] ?? null);
    units.push(part.map(unitOf).find((u) => u));
  }
  return { vals, how: 'span', units };
}

/**
 * A grid row wider than the table (a spreadsheet's used range, a page's layout column): blank
 * cells beyond the row's width at its end, then at its start, are not cells of the table.
 */
function trimToWidth(cells: Cell[], width: number): Cell[] {
  const out = [...cells];
  while (out.length > width && out[out.length - 1]!.kind === 'blank') out.pop();
  while (out.length > width && out[0]!.kind === 'blank') out.shift();
  return out;
}

/**
 * All readings of a row, deduplicated, best first. A row printed with exactly its width is taken
 * as printed even when its sums are wrong (the checks report that; the importer does not correct
 * the publisher); every other reading must pass the row check.
 */
export function rowReadings(cells: Cell[], o: RowReadOptions): Candidate[] {
  if (o.exact && cells.length > o.width) cells = trimToWidth(cells, o.width);
  if (cells.some((c) => c.kind === 'bad')) return withUnreadable(cells, o);
  if (o.counted) {
    // Empty lines after the row's last cell are the gap before the next label, not cells.
    const lines = [...cells];
    while (lines.length > o.width && lines[lines.length - 1]!.kind === 'blank') lines.pop();
    if (lines.length === o.width && lines.some((c) => c.kind === 'num')) {
      const vals = lines.map(valOf);
      // pdftotext's plain text also leaves empty lines between figures that are not blank cells:
      // a count of lines that happens to be the row's width is taken only when the row's sums hold.
      if (o.typeOk(vals) && o.check(vals)) return [{ vals, how: 'as-printed', units: lines.map(unitOf) }];
    }
  }
  const { core, lead, trail } = o.exact ? { core: cells, lead: 0, trail: 0 } : trimBlanks(cells);
  // A row printed with every cell blank (e.g. （七）总计 when the whole 总计 column is left empty).
  if (cells.length >= o.width && cells.every((c) => c.kind === 'blank'))
    return [{ vals: Array.from({ length: o.width }, () => null), how: 'as-printed' }];
  if (core.length === 0) return [];
  const asIs = (cs: Cell[], how: Candidate['how']): Candidate => ({ vals: cs.map(valOf), how, units: cs.map(unitOf) });
  if (core.length === o.width) {
    const printed = asIs(core, 'as-printed');
    // In running text (a PDF viewer's copy) a row's figures may be another row's, or several rows'
    // run together: a run of exactly the row's width is taken only when the row's own sums hold.
    // A grid or separated row is the publisher's as printed, sums and all.
    return o.typeOk(printed.vals) && (!o.running || o.check(printed.vals)) ? [printed] : [];
  }
  const found: Candidate[] = [];
  const add = (c: Candidate) => {
    if (o.typeOk(c.vals) && o.check(c.vals) && !found.some((f) => f.vals.join('|') === c.vals.join('|'))) found.push(c);
  };
  const spanTotal = o.spans?.reduce((a, b) => a + b, 0) ?? 0;
  if (o.spans && spanTotal !== o.width && core.length === spanTotal) {
    const r = spanReading(core, o.spans);
    if (r) add(r);
    if (found.length) return found;
  }
  if (core.length > o.width) {
    // One extra column is a known PDF artefact (a repeated total); with two or more, which figure
    // belongs to which cell is a guess — a 0 could replace a published 11 — so no reading at all.
    // A reading with one figure dropped is always flagged cell by cell (solve.ts).
    const extra = core.length - o.width;
    // Figures wrapped in their cells (wrapped-joins.ts): joined where one way of joining alone keeps the row's rule.
    const joined = o.running && !o.unchecked ? joinedReading(core, o.width, (v) => o.typeOk(v) && o.check(v)) : null;
    // Every figure the same (a row of zeros with an extra 0): whichever is dropped, the reading is one.
    if (extra === 1 && core.every((c) => c.kind === 'num' && c.text === valOf(core[0]!))) {
      add(asIs(core.slice(1), 'extra-same'));
      return found;
    }
    if (extra === 1)
      for (const drop of combinations(core.length, extra)) add(asIs(core.filter((_, i) => !drop.includes(i)), 'extra-dropped'));
    if (joined && !found.length) return [{ vals: joined, how: 'joined' }];
    return found;
  }
  const missing = o.width - core.length;
  const blanks = (k: number): Cell[] => Array.from({ length: k }, () => ({ kind: 'blank' }) as const);
  for (let a = 0; a <= Math.min(missing, lead); a++) {
    const b = missing - a;
    if (b <= trail) add(asIs([...blanks(a), ...core, ...blanks(b)], 'blank-ends'));
  }
  // A figure printed with its unit (「0万元」) stands in an amount cell: where that leaves each figure one
  // place, the other cells are blank (Table 二's 政府集中采购 printing no 采购项目数量).
  if (!found.length && o.unitCells && core.some((c) => c.kind === 'num' && c.unit)) {
    const fits = combinations(o.width, core.length).filter((at) => at.every((p, i) => {
      const c = core[i]!;
      return c.kind !== 'num' || !c.unit || o.unitCells![p];
    }));
    if (fits.length === 1) {
      const vals: Vals = Array.from({ length: o.width }, () => null);
      fits[0]!.forEach((p, i) => (vals[p] = valOf(core[i]!)));
      add({ vals, how: 'blank-ends', units: Array.from({ length: o.width }, (_, p) => (fits[0]!.includes(p) ? unitOf(core[fits[0]!.indexOf(p)]!) : undefined)) });
      if (found.length) return found;
    }
  }
  for (const c of splitReadings(core, o.width, (v) => o.typeOk(v) && o.check(v))) add(c);
  // No rule to confirm a cut: the figures as printed, with the blank cells anywhere, are readings too
  // (「847」 under three columns is 847 in any of them as much as 8, 4, 7); the text may still decide.
  if (o.unchecked && found.length && core.every((c) => c.kind === 'num' && /^[+-]?(?:0|[1-9]\d*)(?:\.\d+)?$/.test(c.text)))
    for (const at of combinations(o.width, core.length)) {
      const vals: Vals = Array.from({ length: o.width }, () => null);
      at.forEach((p, i) => (vals[p] = valOf(core[i]!)));
      add({ vals, how: 'blank-ends', units: Array.from({ length: o.width }, (_, p) => (at.includes(p) ? unitOf(core[at.indexOf(p)]!) : undefined)) });
    }
  return found;
}

/**
 * A row with spreadsheet error values: read only when every cell's position is certain (all
 * cells present); the error cells have no reading. Blanks or glued figures around them would make
 * any reading a guess.
 */
function withUnreadable(cells: Cell[], o: RowReadOptions): Candidate[] {
  const { core } = o.exact ? { core: cells } : trimBlanks(cells);
  if (core.length !== o.width) return [];
  const vals = core.map(valOf);
  if (!o.typeOk(vals)) return [];
  const unreadable = core.flatMap((c, i) => (c.kind === 'bad' ? [i] : []));
  return [{ vals, how: 'as-printed', units: core.map(unitOf), unreadable }];
}
