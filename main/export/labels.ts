/**
 * Where a table label breaks inside its cell, the same in the .docx and the .xlsx. `capacity`: characters
 * that fit on one line. A short header that must wrap is split into equal lines (商业/企业, not 商业企/业);
 * a narrow group label such as （三）不予公开 breaks after its number. Everything else wraps where the
 * reader puts it.
 */
import { textWidth } from './values';

/** Header labels up to this length are broken into lines of equal length rather than left with a widow. */
const BALANCE_MAX = 8;

export function labelLines(text: string, capacity: number, group: boolean): string[] {
  const chars = [...text];
  if (textWidth(text) <= capacity) return [text];
  const numbered = /^([（(][一二三四五六七八九十]+[）)])(.+)$/.exec(text);
  if (group && numbered && textWidth(numbered[1]!) <= capacity) return [numbered[1]!, ...labelLines(numbered[2]!, capacity, false)];
  if (chars.length > BALANCE_MAX || capacity < 1) return [text];
  const lines = Math.ceil(textWidth(text) / capacity);
  const per = Math.ceil(chars.length / lines);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += per) out.push(chars.slice(i, i + per).join(''));
  return out;
}
