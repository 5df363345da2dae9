/**
 * Where a table's columns are on the page, so a row that leaves cells blank still puts each figure
 * in its own column. Two sources: the table's own header words (自然人 … 总计 of Table 三, the 15
 * outcome headers of Table 四, each possibly broken over lines: 「商业/企业」), and, where no header
 * is readable, a nearby row of the same table with more figures. A figure that fits no column is
 * left where it is (the text reader then flags the row rather than guess).
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel } from '../text/normalize';
import type { PdfItem } from './extract';
import { isNumber, type Line } from './lines';

export interface ColumnSet {
  page: number;
  /** The header's lowest baseline: rows below it (and on later pages) use these columns. */
  y: number;
  centers: number[];
  /** Header words in printed (left-to-right) order; empty for a set taken from a row or Table 二. */
  words: string[];
  /** Table 二's block: in force only above this line, where the block's rows end. */
  end?: { page: number; y: number };
}

const cx = (i: PdfItem) => i.x + i.width / 2;

const REQUEST_WORDS = [...new Set(Object.values(FORMATS).flatMap((f) => f.requests.columns.flatMap((c) => [c.label, ...(c.aliases ?? [])])))].map(compactLabel);
const OUTCOME_WORDS = [...new Set(Object.values(FORMATS).flatMap((f) => f.appeals.outcomes))].map(compactLabel);
const HEADER_WORDS = new Set([...REQUEST_WORDS, ...OUTCOME_WORDS]);

interface Word {
  text: string;
  x: number;
  top: number;
  bottom: number;
}

/** Header words found as chains of centred fragments, top to bottom, that spell a word exactly. */
function headerWords(items: PdfItem[], words: readonly string[]): Word[] {
  const out: Word[] = [];
  const sorted = [...items].sort((a, b) => b.y - a.y);
  for (const start of sorted) {
    let text = compactLabel(start.str);
    if (!words.some((w) => w.startsWith(text))) continue;
    let last = start;
    const chain = [start];
    while (!words.includes(text)) {
      const next = sorted.find((i) => i.y < last.y && last.y - i.y <= last.size * 1.9 && Math.abs(cx(i) - cx(last)) <= 3 &&
        words.some((w) => w.startsWith(text + compactLabel(i.str))));
      if (!next) break;
      chain.push(next);
      text += compactLabel(next.str);
      last = next;
    }
    if (words.includes(text)) out.push({ text, x: chain.reduce((s, i) => s + cx(i), 0) / chain.length, top: start.y, bottom: last.y });
  }
  return out;
}

function requestSets(items: PdfItem[], page: number): ColumnSet[] {
  const found = headerWords(items, REQUEST_WORDS);
  const sets: ColumnSet[] = [];
  for (const anchor of found.filter((w) => w.text === compactLabel('自然人'))) {
    const near = found.filter((w) => Math.abs(w.top - anchor.top) <= 60);
    const pick = new Map<string, Word>();
    for (const w of near) {
      const key = w.text === '商业机构' ? '商业企业' : w.text;
      const had = pick.get(key);
      if (!had || Math.abs(w.top - anchor.top) < Math.abs(had.top - anchor.top)) pick.set(key, w);
    }
    if (pick.size !== 7) continue;
    const cols = [...pick.values()].sort((a, b) => a.x - b.x);
    sets.push({ page, y: Math.min(...cols.map((c) => c.bottom)), centers: cols.map((c) => c.x), words: cols.map((c) => c.text) });
  }
  return sets;
}

function appealSets(items: PdfItem[], page: number): ColumnSet[] {
  const found = headerWords(items, OUTCOME_WORDS);
  const first = found.filter((w) => w.text === OUTCOME_WORDS[0]).sort((a, b) => b.top - a.top)[0];
  if (!first) return [];
  const row = found.filter((w) => Math.abs(w.top - first.top) <= 40).sort((a, b) => a.x - b.x);
  if (row.length !== 15) return [];
  return [{ page, y: Math.min(...row.map((c) => c.bottom)), centers: row.map((c) => c.x), words: row.map((c) => c.text) }];
}

/** Items that touch on a line are one word (a font change splits 「申请人」 into 「申请」「人」). */
function joinAdjacent(items: readonly PdfItem[], size: number): PdfItem[] {
  const out: PdfItem[] = [];
  for (const it of items) {
    const last = out[out.length - 1];
    if (last && it.x - (last.x + last.width) <= size * 0.3) out[out.length - 1] = { ...last, str: last.str.trim() + it.str.trim(), width: it.x + it.width - last.x };
    else out.push(it);
  }
  return out;
}

/** Left edge of a set's first column. */
export function setLeft(s: ColumnSet): number {
  const gap = s.centers.length > 1 ? s.centers[1]! - s.centers[0]! : 40;
  return s.centers[0]! - gap / 2;
}

/** The set whose columns a line's figures stand in: the last header above it, unless its block ended before the line. */
export function setInForce(sets: readonly ColumnSet[], l: Line): ColumnSet | null {
  let found: ColumnSet | null = null;
  for (const s of sets) if (s.page < l.page || (s.page === l.page && s.y >= l.y)) found = s;
  const end = found?.end;
  return end && (l.page > end.page || (l.page === end.page && l.y <= end.y)) ? null : found;
}

/** Table 二's block headers (信息内容, then the fields), compact, of blocks whose every field is a count (not 万元). */
const ACTIVE_HEADERS = Object.values(FORMATS).flatMap((f) => f.active.blocks.filter((b) => b.fields.every((x) => x.type === 'count' || x.type === 'signedCount'))
  .map((b) => [f.active.contentLabel, ...b.fields.map((x) => x.label)].map(compactLabel)));
const ACTIVE_ROWS = [...new Set(Object.values(FORMATS).flatMap((f) => f.active.blocks.flatMap((b) => b.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])]))))].map(compactLabel);

/**
 * Table 二's block headers printed on one line (「信息内容 本年新制作数量 本年新公开数量 对外公开总数量」):
 * the fields' centres are the block's columns, so a row that leaves cells blank (sites writing
 * <td></td>: 「规章 108」, 「规范性文件 7」) still puts each figure under its field. A set is in force
 * over the block's rows only — lines whose words are (part of) a Table 二 row label — and ends at the
 * first other line (the next block's 「第二十条第（六）项」): never over another table's rows.
 */
function activeSets(lines: readonly Line[]): ColumnSet[] {
  const sets: ColumnSet[] = [];
  lines.forEach((l, i) => {
    const words = joinAdjacent(l.items, l.size);
    const text = words.map((w) => compactLabel(w.str));
    if (l.group || !ACTIVE_HEADERS.some((h) => h.length === text.length && h.every((w, k) => w === text[k]))) return;
    const rowWords = (x: Line) => compactLabel(x.items.filter((it) => !isNumber(it.str)).map((it) => it.str).join(''));
    const after = lines.slice(i + 1).find((x) => x.group || !ACTIVE_ROWS.some((r) => r.includes(rowWords(x))));
    sets.push({ page: l.page, y: l.y, centers: words.slice(1).map(cx), words: [], end: after ? { page: after.page, y: after.y } : undefined });
  });
  return sets;
}

/** Header column sets of every page, in document order. */
export function headerSets(lines: readonly Line[]): ColumnSet[] {
  const pages = [...new Set(lines.map((l) => l.page))];
  const active = activeSets(lines);
  return pages.flatMap((p) => {
    // A header word broken into two-character lines (「社会/公益/组织」) was taken for a vertical group label: it is a header word.
    const isHeader = (l: Line) => !l.group || HEADER_WORDS.has(compactLabel(l.items[0]!.str));
    const items = lines.filter((l) => l.page === p && isHeader(l) && !l.items.some((i) => isNumber(i.str))).flatMap((l) => joinAdjacent(l.items, l.size));
    return [...requestSets(items, p), ...appealSets(items, p), ...active.filter((s) => s.page === p)].sort((a, b) => b.y - a.y);
  });
}

/**
 * Figures placed in a set's columns: each to its nearest column, within a tolerance of a fraction
 * of the column spacing, left to right, no two in one column. null when they do not fit.
 */
export function place(figures: readonly PdfItem[], centers: readonly number[]): (PdfItem | null)[] | null {
  if (figures.length > centers.length) return null;
  let gap = Infinity;
  for (let i = 1; i < centers.length; i++) gap = Math.min(gap, centers[i]! - centers[i - 1]!);
  const tol = Math.min(25, Math.max(6, Number.isFinite(gap) ? gap * 0.45 : 25));
  const out: (PdfItem | null)[] = centers.map(() => null);
  let prev = -1;
  for (const f of figures) {
    let best = -1;
    for (let c = 0; c < centers.length; c++) if (best < 0 || Math.abs(centers[c]! - cx(f)) < Math.abs(centers[best]! - cx(f))) best = c;
    if (best <= prev || Math.abs(centers[best]! - cx(f)) > tol) return null;
    out[best] = f;
    prev = best;
  }
  return out;
}
