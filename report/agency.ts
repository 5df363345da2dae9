/**
 * The one rule for an agency name, wherever a name comes in: created, imported (text, Word, Excel,
 * JSON), merged from an archive bundle, renamed. A name is shown in lists and terminals, written into
 * documents and file names: it holds no control characters (ESC would run terminal escape codes, a
 * newline would fake a row in `cli list`), no invisible direction overrides (U+202E shows a name
 * backwards), nothing that reads as a path, and at most MAX_AGENCY characters.
 */

export const MAX_AGENCY = 100;

/** C0/C1 controls (tab and newline included), line/paragraph separators, bidi marks, overrides and isolates, BOM. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/;

/** Why the name cannot be an agency's name (a Chinese sentence), or null when it can. */
export function agencyNameProblem(name: string): string | null {
  const s = name.trim();
  if (!s) return '机关名称不能为空';
  if (s.length > MAX_AGENCY) return `机关名称过长（超过${MAX_AGENCY}字）`;
  if (INVISIBLE.test(s)) return '机关名称含有换行、制表符、控制字符或不可见的文字方向符号，请删除后重试';
  if (/[\\/]/.test(s) || /^\.+$/.test(s)) return '机关名称不能含有“/”“\\”，也不能只是“.”';
  return null;
}

/** Text for one line of a terminal or log: control and direction characters shown as \u escapes, never run. */
export function printable(s: string): string {
  return s.replace(new RegExp(INVISIBLE.source, 'g'), (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
