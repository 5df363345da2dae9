/**
 * A table printed without a single figure (issue 18 §3): a page that leaves every 0 of Tables 三
 * and 四 blank, seen through a PDF (pdftotext drops blank cells: only the labels are left). Every
 * cell blank has one reading, every cell 0, provided the text is the table's own words and nothing
 * else: every row label printed, no figure anywhere between the table's heading and the next, and
 * no character that none of the table's labels has (a font without a Unicode map turns figures
 * into such characters; they are not blanks).
 */
import { finding } from '../../../report/checks/helpers';
import { NO_APPEALS } from '../../../report/checks/text';
import type { FormatDef } from '../../../report/formats/model';
import type { CellPath } from '../../../report/types';
import { cellTokens, figureTokens } from './count-fit';
import { compactLabel } from './normalize';
import type { TableRead } from './rows';

export type BlankTable = 'requests' | 'appeals';

/** Characters a table's own printed words are made of (labels, groups, column headers, its 勾稽 note). */
export function tableChars(def: FormatDef, table: BlankTable): Set<string> {
  const t = def.requests;
  const words = table === 'requests'
    ? [t.note, t.applicantHeader, ...t.columns.flatMap((c) => [c.label, c.parent ?? '', ...(c.aliases ?? [])]),
      ...t.rows.flatMap((r) => [r.label, r.group ?? '', r.subgroup ?? '', ...(r.aliases ?? [])])]
    : [...def.appeals.groups.flatMap((g) => [g.label, g.parent ?? '']), ...def.appeals.outcomes];
  return new Set([...words.join(''), ...'0123456789.、()（）'].map((ch) => compactLabel(ch)).filter(Boolean));
}

/** Whether a span holds nothing but figures and characters of the table's own words. */
export const ownWordsOnly = (span: string, chars: ReadonlySet<string>): boolean => [...compactLabel(span)].every((ch) => chars.has(ch));

/** Cell paths of a table, in printed order. */
export function pathsOf(def: FormatDef, table: BlankTable): CellPath[] {
  return table === 'requests'
    ? def.requests.rows.flatMap((r) => def.requests.columns.map((_, c) => `requests.${r.key}.${c}`))
    : def.appeals.groups.flatMap((g) => def.appeals.outcomes.map((_, i) => `appeals.${g.key}.${i}`));
}

/**
 * `region`: the text between the table's heading and the next heading; `labelsFound`: every row
 * label (Table 三) or group label (Table 四) was found there. Fills the read in place.
 */
export function readBlankTable(read: TableRead, def: FormatDef, table: BlankTable, region: string, labelsFound: boolean, name: string): void {
  const paths = pathsOf(def, table);
  if (!labelsFound || !paths.some((p) => read.uncertain.has(p) || read.values.get(p) === undefined)) return;
  // No digit at all but item numbers (「1.属于国家秘密」): crawler text glues figures to labels.
  // Full-width digits are figures too: folded, they would pass for the table's own characters.
  if (figureTokens(region).length || /[0-9０-９]/.test(region.replace(/[0-9０-９]{1,2}[.、．](?=\D)/g, ''))) return;
  if (!ownWordsOnly(region, tableChars(def, table))) return;
  for (const p of paths) {
    read.values.set(p, '0');
    read.uncertain.delete(p);
  }
  const own = new Set(paths);
  read.notes = read.notes.filter((n) => !(n.rule.startsWith('IMPORT-') && n.cells.length && n.cells.every((c) => own.has(c))));
  read.notes = read.notes.filter((n) => !(n.rule === 'IMPORT-MISSING' && n.message.startsWith(name)));
  read.notes.push(finding('IMPORT-BLANK-TABLE', 'warning', [], null, null,
    `${name}原文只有表头和各行名称、没有一个数字（空白格即为0），已全部按0读取，请对照原文核对`));
}

/**
 * A table whose heading is there but not one of its rows (or headers) is in the text: published as a
 * picture, or left out. Every cell has no reading; the clerk is told why, not just shown empty cells.
 */
export function noteTableNotInText(read: TableRead, def: FormatDef, table: BlankTable, name: string): void {
  const paths = pathsOf(def, table);
  // Read otherwise (the figures in order, count-fit.ts): not a table without text.
  if (read.found || paths.some((p) => read.values.get(p) !== undefined)) return;
  read.notes.push(finding('IMPORT-MISSING', 'error', paths, null, null,
    `${name}的标题下没有读到表格文字（可能以图片发布，或原文没有这张表），${paths.length}格都没有读数，请对照原报告填写`));
}

/** A sentence or two, not a table: the span under Table 四's heading holding only the statement. */
const MAX_STATEMENT = 120;

/**
 * Table 四 left out and a sentence in its place saying the year had neither 行政复议 nor 行政诉讼
 * (「本年度未发生政府信息公开行政复议、行政诉讼。」, townships often write it so): every cell has one
 * reading, 0. Only when nothing of the table is in the span (no group label, no figure) and the
 * sentence is all there is; the clerk is told the zeros come from the sentence.
 */
export function readStatedNoAppeals(read: TableRead, def: FormatDef, region: string, name: string): void {
  const paths = pathsOf(def, 'appeals');
  // The group labels are in the sentence itself (「…行政复议、行政诉讼」): the table is known absent by
  // its outcome words (结果维持 … 尚未审结) and any figure being absent.
  if (paths.some((p) => read.values.get(p) !== undefined && !read.uncertain.has(p))) return;
  const text = region.replace(/[\s\u00a0\u3000]+/g, '');
  if (text.length > MAX_STATEMENT || cellTokens(region).length || /[0-9０-９]/.test(region)) return;
  if (def.appeals.outcomes.some((o) => text.includes(compactLabel(o).slice(-2)))) return;
  const says = NO_APPEALS.exec(text);
  if (!says) return;
  for (const p of paths) {
    read.values.set(p, '0');
    read.uncertain.delete(p);
  }
  read.notes = read.notes.filter((n) => !(n.rule.startsWith('IMPORT-') && n.cells.length && n.cells.every((c) => paths.includes(c))));
  read.notes.push(finding('IMPORT-BLANK-TABLE', 'warning', [], null, null,
    `${name}原文没有印表格，写的是“${says[0]}”，已全部按0读取，请对照原文核对`));
}
