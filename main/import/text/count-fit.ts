/**
 * The count-fit second opinion (issue 18 §3). When the figures between a table's heading and the
 * next heading are exactly as many as the table has cells, and read in order, row by row, they
 * satisfy every rule of the table, that reading has one answer: it needs no labels at all. It is
 * set beside the label-anchored reading: where they agree the cells are trusted (and cells the
 * labels could not place are taken from it); where they disagree the cells are flagged.
 * Pure functions over a token stream, so the PDF reader can call them on its own tokens.
 */
import { setCell } from '../../../report/cells';
import { checkBalance, checkTotals } from '../../../report/checks/tables';
import { finding } from '../../../report/checks/helpers';
import { emptyReport } from '../../../report/empty';
import { getFormat } from '../../../report/formats';
import type { CellPath, FormatId } from '../../../report/types';
import { blockReadings } from './row-blocks';
import type { TableRead } from './rows';

export type FitTable = 'requests' | 'appeals';

/** A table's cells in printed order: Table 三 row by row, Table 四 group by group. */
export function cellsInOrder(format: FormatId, table: FitTable): CellPath[] {
  const def = getFormat(format);
  return table === 'requests'
    ? def.requests.rows.flatMap((r) => def.requests.columns.map((_, c) => `requests.${r.key}.${c}`))
    : def.appeals.groups.flatMap((g) => def.appeals.outcomes.map((_, i) => `appeals.${g.key}.${i}`));
}

/**
 * The figures of a span of text, in reading order: tokens between whitespace that are a count and
 * nothing else. Item numbers glued to their label (「1.属于国家秘密」) and page numbers (「—3—」) are not.
 */
export function figureTokens(text: string): string[] {
  return text.split(/[\s\u00a0\u3000|]+/).filter((t) => /^\d{1,9}$/.test(t));
}

/** A mark a table prints for zero, standing alone (「—」 「-」 「/」 「——」). */
export const ZERO_MARK = /^(?:[-—–－/／⸺⸻]|——)$/;
/**
 * A page number between dashes on a line of its own (「— 2 —」, one dash each side as GB/T 9704 sets
 * it): not two zero marks around a figure. 「—— 955 ——」 is a row of three cells, two of them 0.
 */
export const PAGE_NUMBER = /^[^\S\n]*[-—–－‒][^\S\n]*\d{1,3}[^\S\n]*[-—–－‒][^\S\n]*$/gm;

/**
 * The cells of a table's span in reading order, for count-fit: its figures, and the marks a table
 * prints for zero (「—」, as 0) — a table writing every 0 so fills its cells with them as much as with figures.
 */
export function cellTokens(text: string): string[] {
  return text
    .replace(PAGE_NUMBER, ' ')
    .split(/[\s\u00a0\u3000|]+/)
    .flatMap((t) => {
      const count = COUNT_CELL.exec(t);
      return count ? [count[1]!.replace(/,/g, '')] : ZERO_MARK.test(t) ? ['0'] : [];
    });
}

/**
 * A count as a table cell prints it: 「1288」, with thousands separators 「1,288」, or with its unit
 * 「3件」 (a site that writes the unit in every cell of Tables 三 and 四).
 */
const COUNT_CELL = /^(\d{1,9}|\d{1,3}(?:,\d{3}){1,2})件?$/;

/**
 * The figures a PDF viewer puts at the end of the page on which `from` lies, after that page's
 * other text: the trailing lines holding nothing but figures, before the page break (「\f」) or the
 * end. pdftotext plain prints there the last rows of a table split by a page break, after the
 * headings and paragraphs that follow the table (test/fixtures/text/README.md, word-like-p13).
 */
export function pageTailFigures(text: string, from: number): string[] {
  const pageEnd = text.indexOf('\f', from);
  const lines = text.slice(from, pageEnd < 0 ? text.length : pageEnd).split('\n');
  let first = lines.length;
  while (first > 0 && /^[\s\d]*$/.test(lines[first - 1]!) && lines[first - 1]!.split(/\s+/).every((t) => t === '' || /^\d{1,9}$/.test(t))) first--;
  // The run must follow some text of the page: a page of figures only is not a tail.
  if (first === 0) return [];
  return figureTokens(lines.slice(first).join('\n'));
}

/** Whether `figures`, in `cells` order, break none of the table's rules (T3-1, T3-2, T3-3 / T4-1). */
export function keepsRules(cells: readonly CellPath[], figures: readonly number[], format: FormatId, table: FitTable): boolean {
  const report = emptyReport(format, '', 2000);
  cells.forEach((p, i) => setCell(report, p, figures[i]!));
  return ![...checkBalance(report), ...checkTotals(report)].some((f) => f.cells.some((c) => c.startsWith(`${table}.`)));
}

/**
 * `tokens` read in order into the table's cells, or null when their count is not the table's or
 * no reading keeps every rule of the table. Table 三 may have runs of rows given column by column
 * (row-blocks.ts): every such reading is tried, and two that keep the rules are no answer.
 */
export function countFit(tokens: readonly string[], format: FormatId, table: FitTable): Map<CellPath, string> | null {
  const cells = cellsInOrder(format, table);
  if (tokens.length !== cells.length) return null;
  const figures = tokens.map(Number);
  const candidates = table === 'requests' ? blockReadings(figures, format)?.map((rows) => rows.flat()) : [figures];
  return onlyReading(candidates ?? [], format, table);
}

/**
 * The one reading among `readings` (whole tables, figures in `cellsInOrder` order) that keeps every
 * rule of the table, as cells; null when none does, when two that differ do, or when more than
 * `most` had to be checked (each check is a whole table: 0.16 ms).
 */
export function onlyReading(readings: Iterable<readonly number[]>, format: FormatId, table: FitTable, most = Infinity): Map<CellPath, string> | null {
  const cells = cellsInOrder(format, table);
  let only: readonly number[] | null = null;
  let checked = 0;
  for (const figures of readings) {
    if (++checked > most) return null;
    if (!keepsRules(cells, figures, format, table)) continue;
    if (only && only.join() !== figures.join()) return null;
    only = figures;
  }
  return only && new Map(cells.map((p, i) => [p, String(only![i])]));
}

const num = (v: string | null | undefined): number | undefined => (v === undefined ? undefined : v === null ? 0 : Number(v));

/**
 * The fit beside the label-anchored reading of a table (in place). Cells the labels read with
 * certainty and the fit disagrees on are flagged; when none disagrees, and the labels vouch for at
 * least one figure that is not 0 (or every figure is 0, or Table 三's header does not contradict the
 * standard column order), the cells the labels could not place or were unsure of take the fit's figure.
 */
export function applyCountFit(read: TableRead, fit: ReadonlyMap<CellPath, string>, tableName: string): void {
  const disagree: CellPath[] = [];
  let anchors = 0;
  for (const [p, f] of fit) {
    const v = num(read.values.get(p));
    if (v === undefined || read.uncertain.has(p)) continue;
    if (v !== Number(f)) disagree.push(p);
    else if (v !== 0) anchors++;
  }
  if (disagree.length) {
    for (const p of disagree) read.uncertain.add(p);
    read.notes.push(finding('IMPORT-COUNT-FIT', 'error', disagree, null, null,
      `${tableName}的${fit.size}个数字按顺序正好填满表格且勾稽关系成立，但其中${disagree.length}格与按行名读出的不同，无法确定哪一种对，已标出，请对照原文核对`));
    return;
  }
  // With no label-read figure that is not 0 to agree, the fit is taken only where order cannot
  // matter (every figure 0) or where nothing in the header contradicts the standard column order
  // (Table 三 whose labels all come before its figures, as a PDF viewer copies a Word table): the
  // rules cannot tell columns apart (moving 自然人 after 其他 keeps every total).
  const allZero = [...fit.values()].every((f) => f === '0');
  if (!anchors && !allZero && !read.standardColumns) return;
  const decided: CellPath[] = [];
  for (const [p, f] of fit) {
    if (read.values.get(p) !== undefined && !read.uncertain.has(p)) continue;
    read.values.set(p, f);
    read.uncertain.delete(p);
    decided.push(p);
  }
  if (!decided.length) return;
  const now = new Set(decided);
  // Notes about cells now read are answered; the fit's own note says how they were read.
  const settled = (c: CellPath) => now.has(c) || (read.values.get(c) !== undefined && !read.uncertain.has(c));
  read.notes = read.notes.filter((n) => !(n.rule.startsWith('IMPORT-') && n.cells.length && n.cells.every(settled)));
  // Said as it is: agreeing with figures the labels read, or with none to compare (every figure 0, or the labels read none).
  read.notes.push(finding('IMPORT-COUNT-FIT', 'warning', [], null, null, anchors
    ? `${tableName}的${fit.size}个数字按顺序正好填满表格、勾稽关系全部成立，且与按行名读出的数字一致；按行名读不准的${decided.length}格按此顺序读取`
    : `${tableName}的${fit.size}个数字按顺序正好填满表格、勾稽关系全部成立（按行名没有读出可以对照的数字）；${decided.length}格按此顺序读取，请对照原文核对`));
}
