/**
 * Positioned text items → lines. Items on one baseline make a line; page numbers (「-3-」, 「第3页」)
 * are dropped so a table split across pages reads as one; vertical labels printed one character
 * per line (三、本年度办理结果 in its narrow column) are taken out of the lines and kept whole.
 */
import { FORMATS } from '../../../report/formats';
import { compactLabel } from '../text/normalize';
import type { PdfItem, PdfPage } from './extract';
import { joinAcrossPages, joinWrappedFigures, MAX_WRAP_GAP } from './wrapped-figures';

import type { Line } from './line';
export type { Line } from './line';

export const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
/** A blank cell printed as a mark (「-」「/」「——」, which pdf.js gives as one 「⸺」): a cell of its own, read as blank, never as words. */
const ZERO_MARK = /^(?:[-—–－/／⸺⸻]|——)$/;
export const isNumber = (s: string): boolean => NUMBER.test(s.trim()) || ZERO_MARK.test(s.trim());

/**
 * A table cell's figure as sites print it — full-width (「１２８８」), with thousands separators
 * (「1,288」) or with its unit (「4件」) — as
 * the plain figure; a zero mark as 「-」. Without this such a row has no figures, its label is read
 * as a row of blank cells, and the blanks as 0: every figure of the row silently lost.
 */
function plainFigure(it: PdfItem): PdfItem {
  const t = it.str.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/^(\d{1,3}(?:,\d{3})+)(?=件?$)/, (n) => n.replace(/,/g, ''));
  const figure = /^([+-]?\d+(?:\.\d+)?)件$/.exec(t)?.[1] ?? (/^[+-]?\d+(?:\.\d+)?$/.test(t) ? t : ZERO_MARK.test(t) ? '-' : null);
  return figure === null || figure === it.str ? it : { ...it, str: figure };
}

const PAGE_NUMBER = /^(?:[-—–－‒]+\d{1,3}[-—–－‒]+|第\d{1,3}页(?:[,，]?共\d{1,3}页)?|\d{1,3}\/\d{1,3}|-?\d{1,3}-?)$/;

export const lineText = (l: Line): string => {
  let out = '';
  let end = -Infinity;
  for (const it of l.items) {
    if (out && it.x - end > l.size * 0.25) out += ' ';
    out += it.str.trim();
    end = it.x + it.width;
  }
  return out;
};

/** An item holding several figures separated by spaces (「0 0 1」) split into one item per figure. */
function splitFigures(it: PdfItem): PdfItem[] {
  const parts = it.str.trim().split(/\s+/);
  if (parts.length < 2 || !parts.every(isNumber)) return [it];
  const perChar = it.width / Math.max(1, it.str.length);
  const out: PdfItem[] = [];
  let at = 0;
  for (const p of parts) {
    const i = it.str.indexOf(p, at);
    out.push({ str: p, x: it.x + i * perChar, y: it.y, width: p.length * perChar, size: it.size });
    at = i + p.length;
  }
  return out;
}

/** Table 三's row labels, compact: a figure run into the end of one is cut off it (cutFigure). */
const ROW_LABELS = [...new Set(Object.values(FORMATS).flatMap((f) => f.requests.rows.flatMap((r) => [r.label, ...(r.aliases ?? [])])))].map(compactLabel);
/** A figure's digit is about this many font sizes wide (CJK fonts' figures: 0.54–0.56). */
const DIGIT_EM = 0.55;

/**
 * Chromium printing a table in 14 pt runs a row label's last words and the row's first figure into
 * one item (「稳定” 1101」): the figure was taken for part of the label and the row lost its first
 * cell. It is cut off as an item of its own at the item's right end, where it was printed, only when
 * the words before it end a Table 三 row label (running text ending in a number stays whole). The
 * figure is marked `cut`: its gap to the label cannot be measured, and the row reader asks for none.
 */
function cutFigure(it: PdfItem): PdfItem[] {
  const m = /^(.*\S)\s+(\d+)$/u.exec(it.str.trim());
  if (!m || /\d$/.test(m[1]!)) return [it];
  const words = compactLabel(m[1]!);
  if (words.length < 2 || !ROW_LABELS.some((l) => l.endsWith(words))) return [it];
  const width = Math.min(m[2]!.length * it.size * DIGIT_EM, it.width / 2);
  return [{ ...it, str: m[1]!, width: it.width - width }, { ...it, str: m[2]!, x: it.x + it.width - width, width, cut: true }];
}

const VERTICAL_CHAR = /^[\u3000-\u303f\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20]+$/u;

/** Vertical runs of one- or two-character items at one x: group labels printed down a narrow column. */
function verticalRuns(items: PdfItem[]): PdfItem[][] {
  // Chinese characters only: a numbering 「7.」 starting a wrapped label is not part of a vertical label.
  const short = items.filter((i) => i.str.trim().length <= 2 && VERTICAL_CHAR.test(i.str.trim())).sort((a, b) => a.x - b.x || b.y - a.y);
  const runs: PdfItem[][] = [];
  const used = new Set<PdfItem>();
  for (const start of short) {
    if (used.has(start)) continue;
    const run = [start];
    for (const it of short) {
      const last = run[run.length - 1]!;
      if (used.has(it) || run.includes(it)) continue;
      const cx = (i: PdfItem) => i.x + i.width / 2;
      // Or, under a numbered start 「三、」 wider than a narrow group cell, by its first character: it
      // starts at the cell's left like 「本」 below it (tables in 14 pt), not centred over it.
      const numbered = (i: PdfItem) => /^.、$/u.test(i.str.trim());
      const firstCx = (i: PdfItem) => (numbered(i) ? i.x + i.width / 4 : cx(i));
      const aligned = Math.abs(cx(it) - cx(last)) <= 2 || (numbered(last) && Math.abs(firstCx(it) - firstCx(last)) <= 2);
      if (aligned && last.y - it.y > 0 && last.y - it.y <= last.size * 1.6) run.push(it);
    }
    if (run.length >= 3) {
      run.forEach((i) => used.add(i));
      runs.push(run);
    }
  }
  return runs;
}

/** A page number's width at most: 「第 12 页，共 30 页」 is about ten characters of the line's size. */
const PAGE_NUMBER_CHARS = 10;
const isShort = (l: Line) => {
  const last = l.items[l.items.length - 1]!;
  return last.x + last.width - l.items[0]!.x <= l.size * PAGE_NUMBER_CHARS;
};

export function pageLines(page: PdfPage, pageNo: number): Line[] {
  const items = page.items.flatMap(splitFigures).flatMap(cutFigure).map(plainFigure);
  const runs = verticalRuns(items);
  const inRun = new Set(runs.flat());
  const rest = items.filter((i) => !inRun.has(i)).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const it of rest) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(l.size, it.size) * 0.3);
    if (line) {
      line.items.push(it);
      line.size = Math.max(line.size, it.size);
    } else lines.push({ page: pageNo, y: it.y, size: it.size, items: [it] });
  }
  for (const run of runs) {
    const top = run[0]!;
    const str = run.map((i) => i.str.trim()).join('');
    lines.push({ page: pageNo, y: top.y, size: top.size, group: true, items: [{ ...top, str, width: top.width }] });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  lines.sort((a, b) => b.y - a.y);
  // Page numbers sit alone on the first or last line, in the top or bottom tenth of the page, and
  // are short: a row of figures far apart (Table 四's 「1 … 1」 at a page's foot) is not 「11」. And
  // they stand apart from the text, in the margin: a figure a line below the page's last row is the
  // second half of a figure wrapped in its cell (「3119」 over 「4」, as far below as wrapped-figures.ts joins), not a page number.
  // A number with its marks (「- 2 -」, 「第 3 页」) is a page number wherever it stands: no figure has them.
  const apart = (i: number, j: number) => !lines[j] || Math.abs(lines[i]!.y - lines[j]!.y) > MAX_WRAP_GAP * Math.max(lines[i]!.size, lines[j]!.size);
  return joinWrappedFigures(lines.filter((l, i) => {
    const text = lineText(l).replace(/\s+/g, '');
    const alone = (j: number) => !/^[+-]?\d+$/.test(text) || apart(i, j);
    const edge = (i === 0 && alone(1)) || (i === lines.length - 1 && alone(i - 1));
    const margin = l.y < page.height * 0.12 || l.y > page.height * 0.88;
    return !(edge && margin && isShort(l) && PAGE_NUMBER.test(text));
  }));
}

/** Every page's lines, top to bottom, with figures wrapped over a page break joined to their row. */
export const documentLines = (pages: readonly PdfPage[]): Line[] => joinAcrossPages(pages.flatMap((p, i) => pageLines(p, i)));
