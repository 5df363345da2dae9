/** Number rules of the cell types (format.md §6), shared by validation, the editor and the importers. */
import type { CellType } from './formats/model';

/** Money: a non-negative decimal with at most 4 decimals, kept as typed ("0.9840"). */
export const MONEY_RE = /^(0|[1-9]\d{0,11})(\.\d{1,4})?$/;
/** Upper bound for counts: far above any real figure, well inside exact integer arithmetic. */
export const MAX_COUNT = 999_999_999;

export function isValidValue(type: CellType, value: unknown): boolean {
  switch (type) {
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
    case 'signedCount':
      return typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= MAX_COUNT;
    case 'money':
    case 'amount':
      return typeof value === 'string' && MONEY_RE.test(value);
  }
}

const FULL_WIDTH_DIGITS = /[０-９]/g;

/** Full-width digits to ASCII and thousands separators between digits removed; other punctuation kept (for reading prose). */
export function normalizeDigits(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
}

/** Full-width digits and signs to ASCII; thousands separators and spaces removed. */
export function normalizeNumberText(text: string): string {
  return text
    .replace(FULL_WIDTH_DIGITS, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[－—–−]/g, '-')
    .replace(/＋/g, '+')
    .replace(/[,，、'\s\u00a0\u3000]/g, '');
}

export type ParsedInput = { ok: true; value: number | string } | { ok: false; message: string };

/** Parses what a clerk typed or pasted into a cell of the given type. */
export function parseCellInput(type: CellType, raw: string): ParsedInput {
  const text = normalizeNumberText(raw);
  if (text === '') return { ok: true, value: type === 'money' || type === 'amount' ? '0' : 0 };
  if (type === 'money' || type === 'amount') {
    if (/^\d+\.\d{5,}$/.test(text)) return { ok: false, message: '金额最多保留4位小数（单位：万元）' };
    if (!MONEY_RE.test(text.replace(/^0+(?=\d)/, ''))) return { ok: false, message: '请输入不小于0的金额，如 0.9840' };
    return { ok: true, value: text.replace(/^0+(?=\d)/, '') };
  }
  const m = /^([+-]?)(\d+)$/.exec(text);
  if (!m) {
    if (/^[+-]?\d+\.\d+$/.test(text)) return { ok: false, message: '件数应为整数' };
    return { ok: false, message: '请输入整数' };
  }
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  if (n < 0 && type === 'count') return { ok: false, message: '件数不能为负数' };
  if (Math.abs(n) > MAX_COUNT) return { ok: false, message: '数字过大' };
  return { ok: true, value: n === 0 ? 0 : n };
}
