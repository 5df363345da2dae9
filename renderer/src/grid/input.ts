/** What a cell shows and what typing into it means, by the cell's type (report/numbers.ts rules). */
import type { CellType } from '../../../report/formats/model';
import { parseCellInput } from '../../../report/numbers';
import type { ActiveValue } from '../../../report/types';

export type Committed = { ok: true; value: ActiveValue } | { ok: false; message: string };

/** The text of a stored value: counts as digits, money exactly as typed ("0.9840"). */
export function displayValue(value: ActiveValue | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Turns what the clerk typed into a value, or a short refusal. Empty input means 0 (a blank cell
 * of the official table reads as zero).
 */
export function commitInput(type: CellType, text: string): Committed {
  const r = parseCellInput(type, text);
  return r.ok ? { ok: true, value: r.value } : { ok: false, message: r.message };
}

/** The zero a cleared cell gets. */
export const zeroOf = (type: CellType): ActiveValue => (type === 'money' || type === 'amount' ? '0' : 0);

/** A key that starts typing into a cell (replacing its value), as in a spreadsheet. */
export function isTypingKey(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean }): boolean {
  return e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey;
}
