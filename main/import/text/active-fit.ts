/**
 * Table 二 read in order (issue 18 §3): PDF-viewer text (pdftotext plain or -raw, Chromium's PDF)
 * prints the table's labels first and its figures after them, so no figure follows its label.
 * When every row label of the format is printed, and the figures between the table's heading and
 * the next are exactly as many as the table has cells, each of its field's type, and the table's
 * plausibility rules (T2) hold, the reading in order has one answer — provided the figures come
 * out block by block, each block's figures together and after its column headers. pdftotext may
 * print a block column by column instead (「本年制发件数 0 88 … 本年废止件数 0 55」): read in order,
 * that puts 88 under 规章; the headers between the figures show it, and no reading in order is taken
 * (active-headers.ts reads such a span by the header each run of figures follows).
 * Cells the labels read with certainty and the order disagrees on are flagged instead.
 */
import { setCell } from '../../../report/cells';
import { finding } from '../../../report/checks/helpers';
import { checkActive } from '../../../report/checks/tables';
import { emptyReport } from '../../../report/empty';
import { getFormat } from '../../../report/formats';
import type { CellType } from '../../../report/formats/model';
import type { CellPath, FormatId } from '../../../report/types';
import { compactLabel } from './normalize';
import type { TableRead } from './rows';

const TOKEN = /^\d{1,12}(?:\.\d{1,6})?$/;
const FITS: Partial<Record<CellType, RegExp>> = { count: /^\d{1,9}$/, money: /^\d{1,12}(?:\.\d{1,4})?$/ };

/** Figures of a span of text in reading order, amounts with decimals included; page numbers (「—2—」) are not. */
export const activeTokens = (text: string): string[] => text.split(/[\s\u00a0\u3000|]+/).filter((t) => TOKEN.test(t));

/**
 * Whether the span prints Table 二 block by block: each block's figures one after another with no
 * word between them, and the block's last column header before its first figure (after the
 * previous block's figures).
 */
export function blockByBlock(span: string, format: FormatId): boolean {
  const def = getFormat(format);
  const tokens = span.split(/[\s\u00a0\u3000|]+/).filter(Boolean);
  let at = 0;
  for (const b of def.active.blocks) {
    const n = b.rows.length * b.fields.length;
    const first = tokens.findIndex((t, i) => i >= at && TOKEN.test(t));
    if (first < 0 || tokens.slice(first, first + n).length !== n || !tokens.slice(first, first + n).every((t) => TOKEN.test(t))) return false;
    const header = compactLabel(b.fields[b.fields.length - 1]!.label);
    if (!compactLabel(tokens.slice(at, first).join('')).includes(header)) return false;
    at = first + n;
  }
  return true;
}

/** The figures read in order into Table 二's cells, or null when that reading is not the only one. */
export function activeFit(tokens: readonly string[], format: FormatId): Map<CellPath, string> | null {
  const def = getFormat(format);
  const cells = def.active.blocks.flatMap((b) => b.rows.flatMap((r) => b.fields.map((f) => ({ path: `active.${r.key}.${f.key}`, type: f.type }))));
  if (tokens.length !== cells.length) return null;
  // Amounts printed with a unit (gov-2019 procurement) and signed changes are not read in order.
  if (!cells.every((c, i) => FITS[c.type]?.test(tokens[i]!))) return null;
  const report = emptyReport(format, '', 2000);
  cells.forEach((c, i) => setCell(report, c.path, c.type === 'count' ? Number(tokens[i]) : tokens[i]!));
  if (checkActive(report, null).length) return null;
  return new Map(cells.map((c, i) => [c.path, c.type === 'count' ? String(Number(tokens[i])) : tokens[i]!]));
}

/** The fit beside the label-anchored reading of Table 二 (in place); `rows` is how many row labels the format has. */
export function applyActiveFit(read: TableRead, fit: ReadonlyMap<CellPath, string>, rows: number): void {
  if (read.found !== rows) return;
  const disagree = [...fit].filter(([p, f]) => {
    const v = read.values.get(p);
    return v !== undefined && !read.uncertain.has(p) && Number(v ?? 0) !== Number(f);
  }).map(([p]) => p);
  if (disagree.length) {
    for (const p of disagree) read.uncertain.add(p);
    read.notes.push(finding('IMPORT-COUNT-FIT', 'error', disagree, null, null,
      `表二的${fit.size}个数字按顺序正好填满表格，但其中${disagree.length}格与按行名读出的不同，无法确定哪一种对，已标出，请对照原文核对`));
    return;
  }
  const decided = [...fit].filter(([p]) => read.values.get(p) === undefined || read.uncertain.has(p));
  if (!decided.length) return;
  for (const [p, f] of decided) {
    read.values.set(p, f);
    read.uncertain.delete(p);
  }
  const now = new Set(decided.map(([p]) => p));
  read.notes = read.notes.filter((n) => !(n.rule.startsWith('IMPORT-') && n.cells.length && n.cells.every((c) => now.has(c) || !read.uncertain.has(c))));
  read.notes.push(finding('IMPORT-COUNT-FIT', 'warning', [], null, null,
    `表二的数字没有紧跟在各行名称后面（PDF 转出的文字），${fit.size}个数字按顺序正好填满表格，已按此顺序读取${decided.length}格，请核对`));
}
