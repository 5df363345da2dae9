/**
 * Completeness (warnings): what a blank or half-copied template still lacks. The table rules pass a
 * report whose every figure is 0, so these say what a clerk would otherwise only learn from the
 * reviewer — an empty sub-section, 五 without its 问题 or 改进, no 成文日期, years left from
 * another report (../shared/spec/rollup.md R-9), or tables still empty while the text reports work.
 */
import { layoutOf } from '../layout';
import { getCell } from '../cells';
import type { Finding, Report } from '../types';
import { finding } from './helpers';
import { partTitle, readTextFigures } from './text';
import { checkYears } from './years';

export { checkYears } from './years';

/** A scaffolded sub-heading paragraph such as 「（一）主动公开」. */
const SUB_HEADING = /^[（(][一二三四五六七八九十]+[)）][^。！？]{0,24}$/;
/** A line that begins the next sub-section, bare or with its text after it. */
const NUMBERED = /^[（(][一二三四五六七八九十]+[)）]/;

/** C-1: a sub-heading of 一 or 五 with no paragraph under it. */
function emptySubSections(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const part of ['overview', 'problems'] as const) {
    const lines = report.text[part].split('\n').map((l) => l.trim()).filter(Boolean);
    // The next sub-heading may carry its text on its own line (「（二）改进情况：下一步…」): the one before is still empty.
    const empty = lines.filter((l, i) => SUB_HEADING.test(l) && (i === lines.length - 1 || NUMBERED.test(lines[i + 1]!)));
    if (empty.length)
      out.push(finding('C-1', 'warning', [`text.${part}`], null, empty.join('、'),
        `${partTitle(report, part)}：${empty.map((h) => `“${h}”`).join('、')}下还没有内容`));
  }
  return out;
}

/** C-2: 五 must say both what the problems are and how they are improved; a scaffolded heading left empty is C-1's. */
function problemsAndImprovements(report: Report): Finding[] {
  const text = report.text.problems;
  if (!text.split('\n').some((l) => l.trim() && !SUB_HEADING.test(l.trim()))) return []; // nothing written yet: C-1 says so
  const missing = [!/问题|不足|差距|薄弱|有待|不够/.test(text) && '存在的主要问题', !/改进|整改|措施|下一步|将进一步|加强/.test(text) && '改进情况'].filter(Boolean);
  return missing.length
    ? [finding('C-2', 'warning', ['text.problems'], '问题和改进', null, `${partTitle(report, 'problems')}：没有写${missing.join('和')}`)]
    : [];
}

/** C-3: the 落款 has no 成文日期 — the printed report would be undated. */
function closingDate(report: Report): Finding[] {
  return report.closing.date ? [] : [finding('C-3', 'warning', ['closing.date'], '成文日期', null, '落款还没有成文日期，导出的报告将没有日期')];
}

/** C-4: every table is still 0 while 一、总体情况 reports applications (「收到申请3件」). */
function tablesStillEmpty(report: Report): Finding[] {
  const said = readTextFigures(report.text.overview).find((f) => f.value > 0);
  if (!said) return [];
  const cells = layoutOf(report.format).cells;
  if (cells.some((c) => Number(getCell(report, c.path) ?? 0) !== 0)) return [];
  return [finding('C-4', 'warning', ['text.overview'], null, said.phrase,
    `三张表的数字全部为0，但${partTitle(report, 'overview')}写有“${said.phrase}”：表格可能还没有填写`)];
}

export function checkCompleteness(report: Report): Finding[] {
  return [...emptySubSections(report), ...problemsAndImprovements(report), ...closingDate(report), ...checkYears(report), ...tablesStillEmpty(report)];
}
