/** Cross-year rules Y-1…Y-4 (format.md §7.5): this year against last year's report of the same organ. */
import { countOf } from '../cells';
import { layoutOf } from '../layout';
import type { Finding, Report } from '../types';
import { finding, requestColumnName, rowLabelOf } from './helpers';

export function checkCrossYear(report: Report, previous: Report): Finding[] {
  if (previous.year !== report.year - 1) return [];
  const out: Finding[] = [];
  const n = countOf;

  // Y-1: 上年结转 (Y) = 结转下年度继续办理 (Y−1), per column; same columns in both formats (§8).
  const cols = layoutOf(report.format).format.requests.columns.length;
  for (let c = 0; c < cols; c++) {
    const now = `requests.carriedOver.${c}`;
    const before = `requests.carriedForward.${c}`;
    if (n(report, now) !== n(previous, before))
      out.push(finding('Y-1', 'warning', [now, `previous.${before}`], n(previous, before), n(report, now),
        `三、${requestColumnName(report, c)}：上年结转（${n(report, now)}）与${previous.year}年报告的结转下年度继续办理（${n(previous, before)}）不一致`));
  }

  if (report.format === 'gov-2021' && previous.format === 'gov-2021') {
    // Y-2: 现行有效件数 (Y) = 现行有效件数 (Y−1) + 本年制发件数 (Y) − 本年废止件数 (Y).
    for (const row of ['rules', 'normativeDocs']) {
      const p = (f: string) => `active.${row}.${f}`;
      const expected = n(previous, p('inForce')) + n(report, p('issued')) - n(report, p('repealed'));
      if (n(report, p('inForce')) !== expected)
        out.push(finding('Y-2', 'warning', [p('inForce'), p('issued'), p('repealed'), `previous.${p('inForce')}`], expected, n(report, p('inForce')),
          `二、${rowLabelOf(report, p('inForce'))}：现行有效件数（${n(report, p('inForce'))}）不等于上年现行有效件数${n(previous, p('inForce'))}加本年制发${n(report, p('issued'))}减本年废止${n(report, p('repealed'))}（${expected}）`));
    }
  }

  if (report.format === 'gov-2019' && previous.format === 'gov-2019') {
    // Y-3: 上一年项目数量 (Y) = 上一年项目数量 (Y−1) + 本年增/减 (Y−1).
    for (const [row, fields] of Object.entries(report.active)) {
      if (!('previousItems' in fields)) continue;
      const p = (f: string) => `active.${row}.${f}`;
      const expected = n(previous, p('previousItems')) + n(previous, p('change'));
      if (n(report, p('previousItems')) !== expected)
        out.push(finding('Y-3', 'warning', [p('previousItems'), `previous.${p('previousItems')}`, `previous.${p('change')}`], expected, n(report, p('previousItems')),
          `二、${rowLabelOf(report, p('previousItems'))}：上一年项目数量（${n(report, p('previousItems'))}）不等于${previous.year}年的上一年项目数量加本年增/减（${expected}）`));
    }
    // Y-4 (informational): 对外公开总数量 (Y) ≈ 对外公开总数量 (Y−1) + 本年新公开数量 (Y).
    for (const row of ['rules', 'normativeDocs']) {
      const p = (f: string) => `active.${row}.${f}`;
      const expected = n(previous, p('totalPublished')) + n(report, p('published'));
      if (n(report, p('totalPublished')) !== expected)
        out.push(finding('Y-4', 'warning', [p('totalPublished'), p('published'), `previous.${p('totalPublished')}`], expected, n(report, p('totalPublished')),
          `二、${rowLabelOf(report, p('totalPublished'))}：对外公开总数量（${n(report, p('totalPublished'))}）与上年总数量加本年新公开数量（${expected}）不一致，请核实`));
    }
  }
  return out;
}
