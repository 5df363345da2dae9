/**
 * Years in the text that are not the report's: a text carried over from another year's report keeps
 * its year. R-9 (rollup.md §4) reads the statistics period, the title and 「YYYY年度共…」; X-7 reads
 * any sentence that states a whole-year fact — 「2024年全年未发生泄密事件」, 「2024年度共开展培训3次」,
 * 「截至2024年12月31日」 — for a year other than the report's (issue 21 #3). A year that is only
 * compared with (「较2024年」, 「与2024年相比」, 「2024年度结转」, 「上年（2024年）」) or planned for
 * (「2026年将…」) is left alone: a 提醒 that fires on ordinary sentences would teach the clerk to ignore it.
 */
import { normalizeDigits } from '../numbers';
import { TEXT_PARTS, type Finding, type Report } from '../types';
import { finding } from './helpers';
import { partTitle } from './text';

/** Sentences whose year must be the report year: the statistics period, the title, 「YYYY年度共…」. */
const YEAR_PATTERNS: { what: string; re: RegExp }[] = [
  { what: '统计期限', re: /统计期限?[^。]{0,6}?自(\d{4})年\d{1,2}月\d{1,2}日起?至(\d{4})年/g },
  { what: '报告标题', re: /(\d{4})年(?:度)?政府信息公开工作年度报告/g },
  { what: '年度数字', re: /(\d{4})年度?(?:共|全年)(?:发出|收到|新收|受理|办结|收取|主动公开|发布)/g },
];

/** R-9 (rollup.md): a year in the text that contradicts the report year, e.g. a text copied from another year. */
export function checkYears(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const part of TEXT_PARTS) {
    const text = normalizeDigits(report.text[part]);
    for (const { what, re } of YEAR_PATTERNS) {
      for (const m of text.matchAll(re)) {
        const years = m.slice(1).filter(Boolean).map(Number);
        const wrong = years.find((y) => y !== report.year);
        if (wrong === undefined) continue;
        out.push(finding('R-9', 'warning', [`text.${part}`], report.year, wrong,
          `${partTitle(report, part)}的${what}写的是${wrong}年（“${m[0]}”），本报告是${report.year}年度`));
        break;
      }
    }
  }
  return out;
}

/** Who does it in 「2024年度，我镇共…」: skipped between the year and the activity. */
const ACTOR = '(?:本机关|本单位|[我全](?:镇|乡|街道|局|县|区|市|委|办|中心)|[\\u4e00-\\u9fa5]{1,10}?(?:镇|乡|街道|局|委|办|中心|政府))?';
/** What a whole-year fact does: 「2024年度」 followed by one of these states a fact of that year. */
const ACTIVITY = '(?:共|累计|全年|均|未|没有|无|新|主动|发布|公开|收到|受理|办结|办理|答复|开展|组织|举办|发生|出现|完成|制发|制定|废止|印发|更新|编制|接到|处理|召开|参加|培训)';
const WHOLE_YEAR: RegExp[] = [
  /(\d{4})年全年/g,
  new RegExp(`(\\d{4})年度(?:内|中|里|期间)?[，,]?${ACTOR}${ACTIVITY}`, 'g'),
  /截(?:至|止)(?:到)?(\d{4})年(?:底|末|12月31日)/g,
];
/** Right before the year: it is compared with, or named as last year (「较2024年」「上年（2024年）」). */
const COMPARED_BEFORE = /(?:较|比|与|同|和|跟|对比|相比|上年|去年|上一年|前一年|上年度)[（(]?$/;
/** Right after the year phrase: 「2024年度结转」「2024年全年相比」「2024年同期」. */
const COMPARED_AFTER = /^(?:度|全年)?(?:相比|同比|同期|结转|基础上|水平|持平|的基础)/;
/** The sentence plans ahead: a future year is what it is about. */
const PLAN = /将|计划|拟|力争|预计|下一步|下一年|明年/;

/** Sentences of a text part, split at 。！？；and line ends, with their digits made ASCII. */
const sentences = (text: string) => normalizeDigits(text).split(/[。！？!?；;\n]/).map((s) => s.trim()).filter(Boolean);

/** The wrong year a sentence states a whole-year fact for, or null. */
export function wholeYearFactYear(sentence: string, reportYear: number): number | null {
  if (PLAN.test(sentence)) return null;
  for (const re of WHOLE_YEAR) {
    for (const m of sentence.matchAll(re)) {
      const year = Number(m[1]);
      if (year === reportYear) continue;
      const at = m.index ?? 0;
      const yearEnd = at + m[0].indexOf(m[1]!) + 4;
      if (COMPARED_BEFORE.test(sentence.slice(Math.max(0, at - 4), at + m[0].indexOf(m[1]!)))) continue;
      if (COMPARED_AFTER.test(sentence.slice(yearEnd + 1))) continue;
      return year;
    }
  }
  return null;
}

const excerpt = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** R-9 already names this sentence's wrong year: not said twice. */
const saidByR9 = (sentence: string, year: number) =>
  YEAR_PATTERNS.some(({ re }) => [...sentence.matchAll(re)].some((m) => m.slice(1).filter(Boolean).some((y) => Number(y) !== year)));

/** X-7: sentences stating a whole-year fact of another year (not already R-9's). */
export function checkWholeYearFacts(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const part of TEXT_PARTS) {
    for (const sentence of sentences(report.text[part])) {
      if (saidByR9(sentence, report.year)) continue;
      const wrong = wholeYearFactYear(sentence, report.year);
      if (wrong === null) continue;
      out.push(finding('X-7', 'warning', [`text.${part}`], report.year, wrong,
        `${partTitle(report, part)}写的是${wrong}年的全年情况（“${excerpt(sentence)}”），本报告是${report.year}年度，请核实是否沿用了往年的文字`));
    }
  }
  return out;
}
