/**
 * The text a clerk sees in one ExcelJS cell: the cached result of a formula, rich text joined, and a
 * number as its number format shows it (0.984 with 0.0000 is "0.9840", report-json.md).
 * Shared by the layout reader (xlsx.ts) and the own-export reader (xlsx-own.ts).
 */
import type ExcelJS from 'exceljs';

/** Decimals a number format shows (0.0000 → 4; General → as many as the value has). */
function decimals(numFmt: string | undefined, value: number): number | null {
  const m = /0\.(0+)(?![0#])/.exec(numFmt ?? '');
  if (m) return m[1]!.length;
  return Number.isInteger(value) ? 0 : null;
}

export function cellText(cell: ExcelJS.Cell): string {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return '';
    const d = decimals(cell.numFmt, v);
    return d === null ? String(v) : v.toFixed(Math.min(d, 10));
  }
  if (typeof v === 'string') return v;
  if (v instanceof Date) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: unknown };
    // #DIV/0!, #REF!: a figure nobody can read, kept as printed so the reader flags it (not a blank).
    if (typeof o.error === 'string') return o.error;
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
  }
  return '';
}
