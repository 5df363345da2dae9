/**
 * The roll-up rules that look at one unit's report against its own last year and its year
 * (rollup.md §4), R-6 (against last year), R-8, R-9, R-10.
 */
import { countOf, getCell } from '../cells';
import { checkYears } from '../checks/completeness';
import { cellName, finding, requestColumnName } from '../checks/helpers';
import { getFormat, formatForYear } from '../formats';
import { layoutOf } from '../layout';
import { TEXT_PARTS, type Finding, type FormatId, type Report } from '../types';
// are rules of one report against last year: they live in report/checks (the editor runs them too).
import { checkSameAsLastYear, checkSwing } from '../checks/year-on-year';
export { checkSameAsLastYear, checkSwing, KEY_FIGURES } from '../checks/year-on-year';

/** 「约10⁴倍」: a ratio within half a decade of 10 000 (元 typed where 万元 is asked). */
export const isAboutTenThousandTimes = (ratio: number): boolean => ratio >= 10 ** 3.5 && ratio <= 10 ** 4.5;


/** this year's 上年结转 = last year's 结转下年度继续办理, per applicant column; an error. */
export function checkCarryOver(report: Report, previous: Report): Finding[] {
  const out: Finding[] = [];
  const n = layoutOf(report.format).format.requests.columns.length;
  for (let c = 0; c < n; c++) {
    const now = countOf(report, `requests.carriedOver.${c}`);
    const before = countOf(previous, `requests.carriedForward.${c}`);
    if (now !== before)
      out.push(finding('R-1', 'error', [`requests.carriedOver.${c}`], before, now,
        `表三 ${requestColumnName(report, c)}：上年结转（${now}）不等于${previous.year}年报告的结转下年度继续办理（${before}）`));
  }
  return out;
}

/** 现行有效件数 = last year's + 本年制发 − 本年废止 (gov-2021 both years). */
export function checkInForce(report: Report, previous: Report): Finding[] {
  if (report.format !== 'gov-2021' || previous.format !== 'gov-2021') return [];
  const out: Finding[] = [];
  for (const row of ['rules', 'normativeDocs']) {
    const p = (f: string) => `active.${row}.${f}`;
    const expected = countOf(previous, p('inForce')) + countOf(report, p('issued')) - countOf(report, p('repealed'));
    const actual = countOf(report, p('inForce'));
    if (actual !== expected)
      out.push(finding('R-2', 'warning', [p('inForce')], expected, actual,
        `表二 ${cellName(report, p('inForce'))}（${actual}）不等于上年${countOf(previous, p('inForce'))}加本年制发${countOf(report, p('issued'))}减本年废止${countOf(report, p('repealed'))}（${expected}）`));
  }
  return out;
}

const MONEY_PATH = 'active.fees.amount';
export const feeAmount = (r: Report): number => (r.format === 'gov-2021' ? Number(getCell(r, MONEY_PATH) ?? 0) : 0);

/** R-6 against last year: 行政事业性收费 about 10⁴ times last year's. */
export function checkFeeAgainstLastYear(report: Report, previous: Report): Finding[] {
  const now = feeAmount(report);
  const before = feeAmount(previous);
  if (report.format !== 'gov-2021' || previous.format !== 'gov-2021' || before <= 0 || !isAboutTenThousandTimes(now / before)) return [];
  return [finding('R-6', 'warning', [MONEY_PATH], String(getCell(previous, MONEY_PATH)), String(getCell(report, MONEY_PATH)),
    `表二 行政事业性收费：本年收费金额${getCell(report, MONEY_PATH)}万元，约为上年（${getCell(previous, MONEY_PATH)}万元）的一万倍，是否把“元”填成了“万元”？`)];
}

/** Labels printed only in the other format (e.g. 「对外公开总数量」 in a 2021 report): a report typed on the old template. */
function foreignLabels(format: FormatId): string[] {
  const labelsOf = (id: FormatId) => {
    const def = getFormat(id);
    return [
      ...def.active.blocks.flatMap((b) => [...b.fields.map((f) => f.label), ...b.rows.map((r) => r.label)]),
      ...def.requests.rows.map((r) => r.label),
    ];
  };
  const own = labelsOf(format);
  const other = labelsOf(format === 'gov-2021' ? 'gov-2019' : 'gov-2021');
  return [...new Set(other)].filter((l) => l.length >= 4 && !own.some((o) => o.includes(l)));
}

/** the report's format is not the year's, or the other format's labels appear in its text. */
export function checkFormat(report: Report, year: number): Finding[] {
  const expected = formatForYear(year);
  if (expected && report.format !== expected)
    return [finding('R-8', 'error', [], expected, report.format,
      `${year}年度应使用${getFormat(expected).notice}的格式，这份报告是${getFormat(report.format).notice}的格式，不能汇总`)];
  const text = TEXT_PARTS.map((p) => report.text[p]).join('\n');
  const found = foreignLabels(report.format).filter((l) => text.includes(l));
  if (!found.length) return [];
  return [finding('R-8', 'error', [], null, found[0]!,
    `正文出现了另一种格式的栏目“${found.slice(0, 3).join('”“')}”，可能用错了模板（${year}年度应使用${getFormat(report.format).notice}的格式）`)];
}

/**
 * a year in the text (the statistics period above all) that is not the report year. One
 * definition, shared with the editor's completeness checks (report/checks/completeness.ts).
 */
export const checkPeriod = (report: Report): Finding[] => checkYears(report);

/** The single-unit rules; those needing last year run when the archive has it. */
export function checkUnitRules(report: Report, year: number, previous: Report | null): Finding[] {
  const format = checkFormat(report, year);
  const prev = previous && previous.year === report.year - 1 ? previous : null;
  return [
    ...format,
    ...checkPeriod(report),
    ...(prev ? [...checkCarryOver(report, prev), ...checkInForce(report, prev), ...checkSameAsLastYear(report, prev), ...checkFeeAgainstLastYear(report, prev), ...checkSwing(report, prev)] : []),
  ];
}
