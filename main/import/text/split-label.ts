/**
 * A row label printed in pieces with other text between them (issue 18 §2): `pdftotext -layout`
 * prints a wrapped label line by line, and between its lines stand the row's figures (「2.申请人逾期
 * 未按收」 / 「其他 费通知要求缴纳费」 / 「处理 用、行政机关不再处   728 1115 1843」 / 「理其政府信息公开申
 * 请」) and the pieces of a group label printed down the left (「其他」「处理」, 「年」「度」). In the
 * compact text such a label is neither whole nor a long enough beginning for LabelMatcher.
 *
 * Found here only when the whole label is printed, in order, from a beginning of at least
 * MIN_HEAD characters, and what stands between its pieces is figures, at most a few characters
 * of the group labels, or the table's header repeated whole at a page break (`Between`): never
 * another row's label, whose item number or words are not such text. A label that can be put together so at two places is not found (ambiguous).
 */
import { splitItem, compactLabel } from './normalize';
import { prefixForms, type LabelHit } from './labels';

/** The printed beginning: long enough not to be a common word (「其他」「申请」). */
const MIN_HEAD = 4;
/** Characters of group labels between two pieces (「（六）」, 「其他处」): one line's share. */
const MAX_GAP_WORDS = 4;
/** Lines a label may wrap over. */
const MAX_GAPS = 8;
/** Characters of figures between two pieces (a row of seven 9-digit figures). */
const MAX_GAP_DIGITS = 70;

/** Figures, and the marks a table prints for zero (「—」 folds to 「-」, 「/」). */
const isFigureChar = (ch: string) => (ch >= '0' && ch <= '9') || ch === '-' || ch === '/';

/**
 * Where the rest of `core` (from index `li`) ends when put together from `text` at `ti`, with
 * figures and `between` characters allowed between its pieces; -1 when it cannot be.
 */
function restEnd(text: string, ti: number, core: string, li: number, between: Between, to: number): number {
  const memo = new Map<string, number>();
  const walk = (t: number, l: number, words: number, digits: number, gaps: number): number => {
    if (l === core.length) return t;
    if (t >= to) return -1;
    const key = `${t},${l},${words},${digits > 0 ? 1 : 0},${gaps}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let got = -1;
    const ch = text[t]!;
    const inGap = words + digits > 0;
    if (ch === core[l]) got = walk(t + 1, l + 1, 0, 0, inGap ? gaps + 1 : gaps);
    if (got < 0 && (inGap ? gaps : gaps + 1) <= MAX_GAPS) {
      const repeat = between.repeats.get(t);
      if (isFigureChar(ch) && digits < MAX_GAP_DIGITS) got = walk(t + 1, l, words, digits + 1, gaps);
      else if (between.chars.has(ch) && words < MAX_GAP_WORDS) got = walk(t + 1, l, words + 1, digits, gaps);
      // The table's header repeated at a page break, as a whole.
      if (got < 0 && repeat !== undefined) got = walk(repeat, l, words, digits + 1, gaps);
    }
    memo.set(key, got);
    return got;
  };
  return walk(ti, li, 0, 0, 0);
}

/** One placement of a label's core: the printed beginning [start, headEnd) and where its last piece ends. */
interface Placement {
  start: number;
  headEnd: number;
  end: number;
}

function placements(text: string, core: string, from: number, to: number, between: Between): Placement[] {
  const out: Placement[] = [];
  const head = core.slice(0, MIN_HEAD);
  for (let i = text.indexOf(head, from); i >= 0 && i < to; i = text.indexOf(head, i + 1)) {
    if (out.length && i < out[out.length - 1]!.end) continue;
    let h = MIN_HEAD;
    while (h < core.length && text[i + h] === core[h]) h++;
    if (h === core.length) continue; // printed whole: LabelMatcher's business
    // The head may stop early where a label character also starts a gap: try each split point.
    for (let cut = h; cut >= MIN_HEAD; cut--) {
      const end = restEnd(text, i + cut, core, cut, between, to);
      if (end >= 0) {
        out.push({ start: i, headEnd: i + cut, end });
        break;
      }
    }
  }
  return out;
}

/**
 * The label put back together from pieces in [from, to): a partial hit over its printed beginning
 * (so the row's segment starts there and holds the figures between the pieces), or null.
 */
export function findSplitLabel(labels: readonly string[], text: string, from: number, to: number, between: Between): LabelHit | null {
  let best: (Placement & { form: number; prefix: number }) | null = null;
  const starts = new Set<number>();
  labels.forEach((label, form) => {
    const { prefix, core } = splitItem(compactLabel(label));
    if (core.length <= MIN_HEAD) return;
    const found = placements(text, core, from, to, between);
    for (const f of found) starts.add(f.start);
    const p = found[0];
    if (!p) return;
    const before = prefixForms(prefix).find((f) => text.startsWith(f, p.start - f.length))?.length ?? 0;
    if (p.start - before < from) return;
    if (!best || p.start < best.start) best = { ...p, form, prefix: before };
  });
  if (!best || starts.size !== 1) return null;
  const b: Placement & { form: number; prefix: number } = best;
  return { start: b.start - b.prefix, end: b.headEnd, form: b.form, partial: true, split: true };
}

/**
 * What may stand between a wrapped label's pieces besides figures: a few characters of the group
 * labels, or the table's header repeated whole at a page break (start → end, compact indices).
 */
export interface Between {
  chars: ReadonlySet<string>;
  repeats: ReadonlyMap<number, number>;
}

/** A header shorter than this is too common a text to skip as a whole. */
const MIN_HEADER = 20;

/**
 * `headerAt..firstRow`: the compact text above the table's first row (heading and header). Its
 * longest ending printed again after the first row is the header repeated on a later page.
 */
export function betweenPieces(groupLabels: readonly string[], text: string, headerAt: number, firstRow: number | undefined, to: number): Between {
  const chars = new Set(groupLabels.flatMap((l) => [...compactLabel(l)]));
  const repeats = new Map<number, number>();
  if (firstRow === undefined) return { chars, repeats };
  const header = text.slice(headerAt, firstRow);
  for (let len = header.length; len >= MIN_HEADER; len--) {
    const tail = header.slice(header.length - len);
    let at = text.indexOf(tail, firstRow);
    if (at < 0 || at >= to) continue;
    for (; at >= 0 && at + len <= to; at = text.indexOf(tail, at + len)) repeats.set(at, at + len);
    break;
  }
  return { chars, repeats };
}
