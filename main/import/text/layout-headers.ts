/**
 * The header of Table 三 in `pdftotext -layout` text (issue 18 §2): where each column's word stands
 * on its line, the header printed once or stacked over several lines, repeated on every page.
 */
import type { ColumnSpan } from './layout-clusters';
import { compactLabel } from './normalize';

export interface LayoutHeader {
  /** Original-text offset of the header line. */
  at: number;
  /** Centre of each column's header word, in characters from the line start, standard order. */
  centers: number[];
  /** Smallest distance between neighbouring columns. */
  pitch: number;
  /** Printed over several lines: its words are cut and pushed about, so only figures measure it. */
  stacked?: boolean;
  /** The centres were measured on rows printed in full, or on the figures of every row (`spans`). */
  measured?: boolean;
  /** Each column's extent seen on the figures of the rows under this header (layout-clusters.ts). */
  spans?: ColumnSpan[];
  /** Measured on little evidence (stacked words over every figure, or the figures' own groups): its rows need a rule to confirm them. */
  needsRule?: boolean;
}


/** A figure on the label's line, by its centre in characters from the line start. */
export interface Placed {
  text: string;
  center: number;
  /** Spaces between the figure and label text printed just before it on its line (a long label pushes its first figures left). */
  afterLabel?: number;
}


/** Header words are cut where a narrow cell wraps them (「商业企」 / 「业」): two characters name a column. */
const HEAD = 2;

/** A header printed over at most this many lines (「自然人 社会 总计」 over 「科研 法律服务」 over 「商业企业 公益 其他」…). */
const HEADER_LINES = 6;

/**
 * A two-character column word broken one character per line by a narrow cell (「其」 over 「他」):
 * the token is its first character and the line below holds its second about where it stands.
 */
function brokenWord(lines: readonly string[], j: number, m: RegExpMatchArray, head: string): boolean {
  if (head.length !== 2 || m[0] !== head[0] || j + 1 >= lines.length) return false;
  const below = lines[j + 1]!.indexOf(head[1]!, Math.max(0, m.index! - 2));
  return below >= 0 && below <= m.index! + 2;
}

/**
 * The headers naming every column, each word a token of its own: on one line, or stacked over a
 * few lines where narrow cells wrap their words (each column by its first word found); the
 * columns' centres must run left to right in the standard order.
 */
export function layoutHeaders(text: string, from: number, to: number, columnLabels: readonly string[]): LayoutHeader[] {
  const heads = columnLabels.map((l) => compactLabel(l).slice(0, HEAD));
  const lines = text.slice(from, to).split('\n');
  const starts: number[] = [];
  lines.reduce((at, l) => (starts.push(at), at + l.length + 1), from);
  const out: LayoutHeader[] = [];
  for (let i = 0; i < lines.length; i++) {
    const centers: (number | undefined)[] = heads.map(() => undefined);
    for (let j = i; j < Math.min(lines.length, i + HEADER_LINES); j++) {
      for (const m of lines[j]!.matchAll(/\S+/g)) {
        const k = heads.findIndex((h, c) => centers[c] === undefined && (m[0].startsWith(h) || brokenWord(lines, j, m, h)));
        if (k >= 0) centers[k] = m.index + m[0].length / 2;
      }
      // A header starts on its first line: a window whose first line names no column is not one.
      if (j === i && centers.every((c) => c === undefined)) break;
      if (centers.every((c) => c !== undefined)) {
        const cs = centers as number[];
        const gaps = cs.slice(1).map((c, k) => c - cs[k]!);
        if (gaps.every((g) => g > 1)) {
          out.push({ at: starts[j]!, centers: cs, pitch: Math.min(...gaps), ...(j > i ? { stacked: true } : {}) });
          i = j;
        }
        break;
      }
    }
  }
  return out;
}


/** The header line a row reads against: the last one above its label. */
export function headerFor(headers: readonly LayoutHeader[], at: number): LayoutHeader | undefined {
  return headers.filter((h) => h.at < at).at(-1);
}
