/**
 * X-8 (issue 21 #2): the text names the agency differently from the report's agency — a former name
 * left in the 导语 after 更正名称, or another agency of the archive in a text copied from it. The names
 * come from the archive (CheckOptions.agencyNames); a name is also found in its short form without
 * the county or city before it (「青石镇人民政府」 for 「示例县青石镇人民政府」). The report's own name
 * and its short forms are not another name.
 */
import { TEXT_PARTS, type Finding, type Report } from '../types';
import { finding } from './helpers';
import { partTitle } from './text';

/** Shorter than this a short form says too little to be a name (「青石镇」 alone is kept: 3 characters). */
const MIN_SHORT = 3;

/** The name and its forms without the leading 省/市/县/区/旗 places: 「示例县青石镇人民政府」 → 「青石镇人民政府」. */
export function nameForms(name: string): string[] {
  const forms = [name.trim()];
  let rest = name.trim();
  for (let m = /^[\u4e00-\u9fa5]{1,8}?[省市县区旗州盟]/.exec(rest); m && rest.length - m[0].length >= MIN_SHORT; m = /^[\u4e00-\u9fa5]{1,8}?[省市县区旗州盟]/.exec(rest)) {
    rest = rest.slice(m[0].length);
    // 「镇人民政府」 is no name: the place that is left must still be named before its suffix.
    if (/^(?:人民政府|政府|办事处|街道办事处)/.test(rest)) break;
    forms.push(rest);
  }
  return forms;
}

/** A county's, city's or province's government (or its office). */
const GOVERNMENT_ABOVE = /[县区市省州旗盟](?:人民政府|政府)(?:办公室|办公厅)?$/;

/**
 * 「示例县人民政府」 above 「示例县青石镇人民政府」: a township's or department's text names its county's
 * government rightly (「在县委、县政府的领导下」, 「按照测试县人民政府办公室的要求」), also when its own name
 * does not repeat the county (a roster of 「第3镇人民政府」).
 */
function isAbove(name: string, own: string): boolean {
  if (own === name) return false;
  if (GOVERNMENT_ABOVE.test(name) && !GOVERNMENT_ABOVE.test(own)) return true;
  const place = name.replace(/(?:人民政府|政府)(?:办公室|办公厅)?$/, '');
  return place !== name && place.length >= 2 && own.startsWith(place);
}

export function checkAgencyNames(report: Report, known: readonly string[]): Finding[] {
  const own = nameForms(report.agency);
  const others = [...new Set(known.filter((n) => !isAbove(n, report.agency)).flatMap(nameForms))]
    .filter((n) => !own.some((o) => o === n || o.includes(n)))
    .sort((a, b) => b.length - a.length);
  if (!others.length) return [];
  const out: Finding[] = [];
  const parts = [...TEXT_PARTS.map((p) => ({ cell: `text.${p}`, title: partTitle(report, p), text: report.text[p] })),
    { cell: 'closing.agency', title: '落款', text: report.closing.agency }];
  for (const { cell, title, text } of parts) {
    // The report's own name is no other name, even where a shorter known name sits inside it.
    let rest = text;
    for (const o of [...own].sort((a, b) => b.length - a.length)) rest = rest.split(o).join('\u0000');
    const named = others.find((n) => rest.includes(n));
    if (!named) continue;
    out.push(finding('X-8', 'warning', [cell], report.agency, named,
      `${title}写的机关名称是“${named}”，本报告的机关是“${report.agency}”：是否沿用了原名称或其他机关的文字？`));
  }
  return out;
}
