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
import { AMOUNT_UNIT_PATTERN } from '../../../report/lists';
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

/** gov-2019's signed changes and amounts with their unit, where each figure's header is known (active-headers.ts). */
const UNDER_HEADERS: Partial<Record<CellType, RegExp>> = { ...FITS, signedCount: /^[+-]?\d{1,9}$/, amount: new RegExp(`^\\d{1,12}(?:\\.\\d{1,6})?(?:${AMOUNT_UNIT_PATTERN})$`) };
const UNIT = new RegExp(`(${AMOUNT_UNIT_PATTERN})$`);

/**
 * The figures read in order into Table 二's cells, or null when that reading is not the only one.
 * An amount's unit comes back as `active.<row>.unit`.
 */
export function activeFit(tokens: readonly string[], format: FormatId, underHeaders = false): Map<CellPath, string> | null {
  const def = getFormat(format);
  const cells = def.active.blocks.flatMap((b) => b.rows.flatMap((r) => b.fields.map((f) => ({ row: r.key, path: `active.${r.key}.${f.key}`, type: f.type }))));
  if (tokens.length !== cells.length) return null;
  // In order, amounts printed with a unit (gov-2019 procurement) and signed changes are not read:
  // a sign or a unit may be a word of its own there.
  const fits = underHeaders ? UNDER_HEADERS : FITS;
  if (!cells.every((c, i) => fits[c.type]?.test(tokens[i]!))) return null;
  const values = cells.map((c, i) => (c.type === 'count' || c.type === 'signedCount' ? String(Number(tokens[i])) : tokens[i]!.replace(UNIT, '')));
  const report = emptyReport(format, '', 2000);
  cells.forEach((c, i) => setCell(report, c.path, c.type === 'count' || c.type === 'signedCount' ? Number(values[i]) : values[i]!));
  if (checkActive(report, null).length) return null;
  const out = new Map(cells.map((c, i) => [c.path, values[i]!]));
  cells.forEach((c, i) => c.type === 'amount' && out.set(`active.${c.row}.unit`, UNIT.exec(tokens[i]!)![1]!));
  return out;
}

/** The fit beside the label-anchored reading of Table 二 (in place); `rows` is how many row labels the format has. */
export function applyActiveFit(read: TableRead, withUnits: ReadonlyMap<CellPath, string>, rows: number): void {
  if (read.found !== rows) return;
  const fit = new Map([...withUnits].filter(([p]) => !p.endsWith('.unit')));
  const units = [...withUnits].filter(([p]) => p.endsWith('.unit'));
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
  // The amount's unit as printed beside it, where the labels did not read one.
  for (const [p, u] of units) if (!read.units.has(p)) read.units.set(p, u);
  const now = new Set(decided.map(([p]) => p));
  read.notes = read.notes.filter((n) => !(n.rule.startsWith('IMPORT-') && n.cells.length && n.cells.every((c) => now.has(c) || !read.uncertain.has(c))));
  read.notes.push(finding('IMPORT-COUNT-FIT', 'warning', [], null, null,
    `表二的数字没有紧跟在各行名称后面（PDF 转出的文字），${fit.size}个数字按顺序正好填满表格，已按此顺序读取${decided.length}格，请核对`));
}
