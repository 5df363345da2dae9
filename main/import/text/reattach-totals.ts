/**
 * Table 三's 总计 column cut off into blocks of its own (detached-totals.ts) in a table that prints
 * 0 as a blank cell (`pdftotext` plain of a landscape web page, holdout `site-empty-td.landscape`):
 * each row keeps only its figures that are not 0, and each page's block only the totals that are not
 * 0. Every figure printed is then at least 1, so the figures in reading order cut into runs that add
 * up to the totals in order in exactly one way (running sums only grow): each run is one row's, and
 * its total is put back right after it, as a PDF viewer's `-raw` text gives it. Which row a run is,
 * and which columns its figures stand in, is left to the readers of such text (totals-only.ts,
 * column-placement.ts), which decide only what has one answer. Nothing is put back unless every
 * figure is used and every total is met.
 */
import { getFormat } from '../../../report/formats';
import { cellTokens, PAGE_NUMBER, ZERO_MARK } from './count-fit';
import { LabelMatcher } from './labels';
import { compact, originalStart } from './normalize';
import { findHeadings } from './sections';
import { totalBlocks } from './detached-totals';

export interface Reattached {
  text: string;
  /** How many totals were put back. */
  totals: number;
}

/** `text` with each block's totals put back after their rows' figures, or null when that has not one answer. */
export function reattachTotals(text: string): Reattached | null {
  const c = compact(text);
  const headings = findHeadings(text, c);
  const h2 = headings.find((x) => x.section === 2);
  const h3 = headings.find((x) => x.section === 3);
  if (!h2 || !h3 || headings.find((x) => x.section > 2) !== h3) return null;
  const end = headings.find((x) => x.section > 3)?.start ?? text.length;
  const row0 = getFormat('gov-2021').requests.rows[0]!;
  const first = new LabelMatcher([row0.label, ...(row0.aliases ?? [])]).find(c.text, h2.cEnd, h3.cStart);
  if (!first) return null;
  const from = originalStart(c, first.start);
  const blocks = totalBlocks(text, from, end, [h3.start, h3.end]);
  const totals = blocks.flatMap((b) => b.figures).map(Number);
  if (!totals.length || totals.some((t) => t === 0)) return null;
  // The figures of Table 三's rows: between its first row and Table 四's heading, outside the blocks.
  const inBlock = (at: number) => blocks.some((b) => [b.word, b.lines].some(([x, y]) => at >= x && at < y));
  const figures: Array<{ value: number; end: number }> = [];
  // A zero mark among them (「-」: a 总计 of 0, printed where the viewer put it) says nothing a blank does not: taken out.
  const marks: Array<[number, number]> = [];
  // Page numbers (「— 2 —」) are no row's figures: blanked out, same length, so places stand.
  const span = text.slice(from, h3.start).replace(PAGE_NUMBER, (line) => ' '.repeat(line.length));
  for (const m of span.matchAll(/[^\s\u00a0\u3000|]+/g)) {
    const at = from + m.index;
    const cell = cellTokens(m[0]);
    if (cell.length !== 1 || inBlock(at)) continue;
    if (ZERO_MARK.test(m[0])) { marks.push([at, at + m[0].length]); continue; }
    const value = Number(cell[0]);
    // A 0 printed means zeros are not blank here: a run could end before or after it.
    if (value === 0) return null;
    figures.push({ value, end: at + m[0].length });
  }
  // As many cells as a table printing every cell but its 总计 has: that is detached-totals.ts's to read.
  const full = Math.min(...(['gov-2019', 'gov-2021'] as const).map((f) => getFormat(f).requests.rows.length * (getFormat(f).requests.columns.length - 1)));
  if (figures.length + marks.length >= full) return null;
  const inserts: Array<{ at: number; total: number }> = [];
  let i = 0;
  for (const total of totals) {
    let sum = 0;
    while (i < figures.length && sum < total) sum += figures[i++]!.value;
    if (sum !== total) return null;
    inserts.push({ at: figures[i - 1]!.end, total });
  }
  if (i !== figures.length) return null;
  // Put the totals back and take the blocks out, from the end so that earlier places stand.
  const edits = [
    ...inserts.map((x) => ({ at: x.at, end: x.at, put: ` ${x.total}` })),
    ...blocks.flatMap((b) => [b.word, b.lines].map(([at, to]) => ({ at, end: to, put: '' }))),
    ...marks.map(([at, to]) => ({ at, end: to, put: '' })),
  ].sort((a, b) => b.at - a.at);
  let out = text;
  for (const e of edits) out = out.slice(0, e.at) + e.put + out.slice(e.end);
  return { text: out, totals: totals.length };
}
