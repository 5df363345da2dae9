/**
 * The one rule for a name that comes from outside (an agency, a roster unit, a reason), wherever it
 * comes in: created, imported (text, Word, Excel, JSON), merged from an archive bundle, renamed,
 * moved, added to a roster. A name is shown in lists and terminals, written into documents and file
 * names: it holds no control characters (ESC would run terminal escape codes, a newline would fake a
 * row in `cli list`, NEL is a newline to some terminals), no invisible format characters (a
 * zero-width space makes a second agency that looks identical; U+202E shows a name backwards),
 * nothing that reads as a path, and at most MAX_AGENCY characters. Two names are the same agency
 * when their keys (nameKey: NFKC, whitespace folded) are equal.
 *
 * The same character class is the one escaping rule for what the CLI prints from outside
 * (printable): file names, agency names and reasons are shown with these characters as \u escapes.
 */

export const MAX_AGENCY = 100;

/**
 * Controls (C0 with tab and newline, DEL, C1 with NEL U+0085), format characters (Cf: soft hyphen,
 * zero-width U+200B–U+200F, word joiner U+2060–U+2064, BOM U+FEFF, every bidi mark, override and
 * isolate, tag characters), line and paragraph separators.
 */
export const HIDDEN_CHAR = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const HIDDEN_ALL = new RegExp(HIDDEN_CHAR.source, 'gu');

const codePoint = (c: string): string => {
  const n = c.codePointAt(0)!;
  return n > 0xffff ? `\\u{${n.toString(16)}}` : `\\u${n.toString(16).padStart(4, '0')}`;
};
const uPlus = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The hidden characters of a text, named U+XXXX (for a message that says what to delete). */
export function hiddenChars(s: string): string[] {
  return [...new Set([...s.matchAll(HIDDEN_ALL)].map((m) => uPlus(m[0])))];
}

/** Why the name cannot be an agency's name (a Chinese sentence), or null when it can. */
export function agencyNameProblem(name: string): string | null {
  const s = name.trim();
  if (!s) return '机关名称不能为空';
  if (s.length > MAX_AGENCY) return `机关名称过长（超过${MAX_AGENCY}字）`;
  const hidden = hiddenChars(s);
  if (hidden.length) return `机关名称含有换行、制表符、控制字符或不可见的字符（${hidden.slice(0, 4).join('、')}），请删除后重试`;
  if (/[\\/]/.test(s) || /^\.+$/.test(s)) return '机关名称不能含有“/”“\\”，也不能只是“.”';
  return null;
}

/** Why a one-line free text (a roster unit's reason) cannot be kept, or null. */
export function lineTextProblem(s: string, what: string): string | null {
  const hidden = hiddenChars(s);
  return hidden.length ? `${what}含有换行、控制字符或不可见的字符（${hidden.slice(0, 4).join('、')}），请删除后重试` : null;
}

/**
 * What makes two names the same agency: compatibility forms folded (full-width letters and digits,
 * 「⼈」 radicals), hidden characters dropped, runs of whitespace (full-width too) one space. A name
 * whose key equals an archived agency's IS that agency; one that differs only by hidden characters
 * is refused with the archived name shown (main/db/agencies.ts).
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(HIDDEN_ALL, '').replace(/\s+/gu, ' ').trim();
}

/** Text from outside for one line of a terminal or log: hidden characters shown as \u escapes, never run. */
export function printable(s: string): string {
  return s.replace(HIDDEN_ALL, codePoint);
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
