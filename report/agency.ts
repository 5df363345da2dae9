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

/** The places before an agency's own place: 「淮安市」 in 「淮安市洪泽区人民政府」, 「示例县」 in 「示例县青石镇…」. */
const LEADING_PLACE = /^[\u4e00-\u9fa5]{1,8}?[省市县区旗州盟]/;
/** What names the agency as an office rather than a place. */
const OFFICE = /(?:人民政府|政府)?(?:办公室|办公厅)?$|(?:街道)?办事处$/;

/**
 * The agency's own place without its kind: 「洪泽」 for 「淮安市洪泽区人民政府」, 「洪泽县人民政府」 and
 * 「洪泽区政府」; 「青石」 for 「示例县青石镇人民政府」 and 「青石街道办事处」. Null when the name is not a
 * place's government (a department such as 「示例县财政局」): only governments are matched by place.
 */
export function placeOf(name: string): string | null {
  let rest = name.trim();
  if (!/(?:人民政府|政府|办事处)(?:办公室|办公厅)?$/.test(rest)) return null;
  rest = rest.replace(OFFICE, '');
  for (let m = LEADING_PLACE.exec(rest); m && m[0].length < rest.length; m = LEADING_PLACE.exec(rest)) rest = rest.slice(m[0].length);
  const core = rest.replace(/(?:县|区|市|镇|乡|街道|旗|苏木)$/, '');
  return core.length >= 2 ? core : null;
}

/** Two names of the same place's government in other forms (issue 21 #7: 「洪泽县人民政府」 ≈ 「淮安市洪泽区人民政府」). */
export const samePlace = (a: string, b: string): boolean => {
  const x = placeOf(a);
  return x !== null && x === placeOf(b);
};
