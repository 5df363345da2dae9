/**
 * A compact view of a text for label matching: whitespace removed, full-width forms folded to
 * ASCII, quotation marks dropped, with a map back to the original positions. Published copies
 * space labels out (“(三) 不 予 公 开”), mix （） and (), and wrap labels over lines; comparing
 * compact forms makes all of those the same string, while figures are still read from the
 * original text, where spacing separates them.
 */

/** Quotation marks differ between copies (“三安全一稳定” / "三安全一稳定" / 「」) and carry no meaning in labels. */
const DROPPED = new Set(['“', '”', '‘', '’', '"', "'", '「', '」', '『', '』']);

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d || code === 0x0b || code === 0x0c ||
    code === 0xa0 || code === 0x3000 || code === 0x200b || code === 0xfeff || (code >= 0x2000 && code <= 0x200a);
}

/** One character folded: full-width ASCII → ASCII, the ideographic full stop used in item numbers kept as is. */
function fold(ch: string): string {
  const code = ch.charCodeAt(0);
  // ｜ (FF5C) is kept: folding it would invent a cell separator.
  if (code >= 0xff01 && code <= 0xff5e && code !== 0xff5c) return String.fromCharCode(code - 0xfee0);
  if (ch === '〔' || ch === '［') return '[';
  if (ch === '〕' || ch === '］') return ']';
  if (ch === '－' || ch === '—' || ch === '–' || ch === '−') return '-';
  return ch;
}

export interface Compact {
  /** The compact string. */
  text: string;
  /** For each compact index, the index in the original string. */
  map: number[];
  /** Original length (the position after the last character). */
  length: number;
}

export function compact(original: string): Compact {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < original.length; i++) {
    const ch = original[i]!;
    if (isSpace(ch.charCodeAt(0)) || DROPPED.has(ch)) continue;
    text += fold(ch);
    map.push(i);
  }
  return { text, map, length: original.length };
}

/** The compact form of a label (no map needed). */
export function compactLabel(label: string): string {
  return compact(label).text;
}

/** Original index where compact index `i` starts (or the end). */
export function originalStart(c: Compact, i: number): number {
  return i < c.map.length ? c.map[i]! : c.length;
}

/** Original index just after compact index `i - 1` (exclusive end of a match ending at `i`). */
export function originalEnd(c: Compact, i: number): number {
  return i <= 0 ? 0 : c.map[i - 1]! + 1;
}

/** Item number before a label: “1.”, “1、”, “（一）”, “一、” — compact forms. */
export const ITEM_PREFIX = /^(\d{1,2}[.、]|\([一二三四五六七八九十]{1,3}\)|[一二三四五六七八九十]{1,3}、)/;

/** Splits a compact label into its item number and the words after it. */
export function splitItem(label: string): { prefix: string; core: string } {
  const m = ITEM_PREFIX.exec(label);
  return m ? { prefix: m[0], core: label.slice(m[0].length) } : { prefix: '', core: label };
}

/** Length of the longest common subsequence: the similarity measure for headings (small strings only). */
export function lcs(a: string, b: string): number {
  if (!a.length || !b.length) return 0;
  let prev = new Array<number>(b.length + 1).fill(0);
  let cur = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 2·LCS / (|a| + |b|): 1 for equal strings, tolerant of one wrong or missing character. */
export function similarity(a: string, b: string): number {
  return a.length + b.length === 0 ? 1 : (2 * lcs(a, b)) / (a.length + b.length);
}
