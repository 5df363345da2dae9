/**
 * The order of Table 三's columns as printed, from its own header words. Some publishers move the
 * 自然人 column after the legal persons, swap two legal-person columns or put 总计 first; reading
 * such a table in the standard order writes wrong figures into every cell. The header says where
 * each column is: when it is readable the columns are mapped by it, when it is readable only in
 * part and what is there contradicts the standard order, the whole table is flagged instead.
 */
import type { FormatDef } from '../../../report/formats/model';
import { layoutHeaders } from './layout-headers';
import { compactLabel } from './normalize';
import type { Source } from './rows';

export interface ColumnOrder {
  /** Printed position → standard column index; null when the standard order is kept. */
  perm: number[] | null;
  /** The order could not be confirmed: every cell of the table is to be flagged. */
  unconfirmed: boolean;
  /** The header words in printed order, for messages. */
  printed: string[];
}

interface Occurrence {
  col: number;
  at: number;
  line: number;
}

/** Occurrences of each column's words in one compact line (「其他」 inside 「法人或其他组织」 is not the 其他 column). */
function occurrences(line: string, lineNo: number, forms: string[][], parent: string): Occurrence[] {
  const out: Occurrence[] = [];
  const parentAt: number[] = [];
  for (let i = line.indexOf(parent); parent && i >= 0; i = line.indexOf(parent, i + 1)) parentAt.push(i);
  forms.forEach((fs, col) => {
    for (const f of fs)
      for (let i = line.indexOf(f); i >= 0; i = line.indexOf(f, i + 1))
        if (!parentAt.some((p) => i >= p && i < p + parent.length)) out.push({ col, at: i, line: lineNo });
  });
  return out;
}

const isIdentity = (p: number[]) => p.every((x, i) => x === i);

/** Whether a partial sequence of column indices is increasing (the standard order, with gaps). */
const increasing = (cols: number[]) => cols.every((c, i) => i === 0 || cols[i - 1]! < c);

export function columnOrder(src: Source, def: FormatDef, from: number, to: number): ColumnOrder {
  const cols = def.requests.columns;
  const forms = cols.map((c) => [c.label, ...(c.aliases ?? [])].map(compactLabel));
  const parent = compactLabel(cols.find((c) => c.parent)?.parent ?? '');
  const region = src.c.text.slice(from, Math.max(from, to));
  const none: ColumnOrder = { perm: null, unconfirmed: false, printed: [] };
  if (!region) return none;
  // Lines of the header as printed (the compact text keeps no line breaks: use the original's).
  const a = src.c.map[from] ?? src.text.length;
  const b = to < src.c.map.length ? src.c.map[to]! : src.text.length;
  const lines = src.text.slice(a, b).split('\n').map(compactLabel).filter(Boolean);
  const occ = lines.map((l, i) => occurrences(l, i, forms, parent));
  const all = occ.flat();
  if (!all.length) return none;
  const names = (o: Occurrence[]) => o.map((x) => cols[x.col]!.label);

  // A line naming every column once (a grid's lowest header row repeats the cells merged down).
  // A line that also names 法人或其他组织 is two header rows run together: read by levels below.
  for (const [i, o] of occ.entries()) {
    if (parent && lines[i]!.includes(parent)) continue;
    const seen = new Set(o.map((x) => x.col));
    if (seen.size === cols.length && o.length === cols.length) {
      const sorted = [...o].sort((x, y) => x.at - y.at);
      const perm = sorted.map((x) => x.col);
      return { perm: isIdentity(perm) ? null : perm, unconfirmed: false, printed: names(sorted) };
    }
  }

  // Headers over two lines (自然人 | 法人或其他组织 | 总计, then the five legal persons): each level
  // in its own order, the legal persons taking the place of their parent.
  const once = cols.map((_, i) => all.filter((x) => x.col === i));
  const top = cols.map((c, i) => (c.parent ? -1 : i)).filter((i) => i >= 0);
  const sub = cols.map((c, i) => (c.parent ? i : -1)).filter((i) => i >= 0);
  const parentLine = lines.findIndex((l) => l.includes(parent));
  const byPos = (x: Occurrence, y: Occurrence) => x.line - y.line || x.at - y.at;
  if (once.every((o) => o.length === 1) && parentLine >= 0) {
    const parentAt = lines[parentLine]!.indexOf(parent);
    const topOcc = top.map((i) => once[i]![0]!);
    if (topOcc.every((x) => x.line === parentLine)) {
      const topOrder = [...topOcc, { col: -1, at: parentAt, line: parentLine }].sort(byPos).map((x) => x.col);
      const subOrder = sub.map((i) => once[i]![0]!).sort(byPos).map((x) => x.col);
      const perm = topOrder.flatMap((c) => (c === -1 ? subOrder : [c]));
      return { perm: isIdentity(perm) ? null : perm, unconfirmed: false, printed: perm.map((c) => cols[c]!.label) };
    }
  }

  // pdftotext -layout of a header whose words narrow cells stack over several lines: the lines'
  // order says nothing, the words' places on their lines do (layout-columns.ts finds the seven
  // columns left to right in the standard order, or nothing).
  if (layoutHeaders(src.text, a, b, cols.map((c) => c.label)).length) return { ...none, printed: cols.map((c) => c.label) };

  // Only part of the header is readable: the standard order is kept when what is there agrees
  // with it (each level read in order); anything else is a table whose order nobody can confirm.
  // (Lines of a text copy are not aligned with each other, so order is compared within a line.)
  const firsts = once.map((o) => o[0]).filter((x): x is Occurrence => !!x).sort(byPos);
  const subSeq = firsts.filter((x) => sub.includes(x.col)).map((x) => x.col);
  const lineSeqs = occ.map((o) => [...o].sort((x, y) => x.at - y.at).map((x) => x.col));
  const agrees = increasing(subSeq) && lineSeqs.every(increasing);
  return { perm: null, unconfirmed: !agrees, printed: names(firsts) };
}

/** A reading in printed order put into standard order. */
export function toStandard<T>(printed: readonly T[], perm: number[] | null, fill: T): T[] {
  if (!perm) return [...printed];
  const out = Array.from({ length: perm.length }, () => fill);
  perm.forEach((std, k) => {
    out[std] = printed[k] as T;
  });
  return out;
}
