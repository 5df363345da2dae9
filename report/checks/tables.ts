/** Rules within one report's tables: T3-1, T3-2, T3-3, T4-1 (HARD) and T2-2…T2-6 (format.md §7.1–7.3). */
import { countOf, getCell } from '../cells';
import { layoutOf } from '../layout';
import type { AgencyLevel, CellPath, Finding, FormatId, Report } from '../types';
import { finding, requestColumnName, rowLabelOf, sum } from './helpers';

/** T3-1's terms per column: 第一项 + 第二项 (in) = 第三项（（七）总计） + 第四项 (out). */
export function balanceTerms(format: FormatId): { inPaths: CellPath[]; outPaths: CellPath[] }[] {
  const n = layoutOf(format).format.requests.columns.length;
  return Array.from({ length: n }, (_, c) => ({
    inPaths: [`requests.newReceived.${c}`, `requests.carriedOver.${c}`],
    outPaths: [`requests.resultTotal.${c}`, `requests.carriedForward.${c}`],
  }));
}

/** T3-1, per column. */
export function checkBalance(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const [c, { inPaths, outPaths }] of balanceTerms(report.format).entries()) {
    const a = sum(report, inPaths);
    const b = sum(report, outPaths);
    if (a !== b)
      out.push(
        finding('T3-1', 'error', [...inPaths, ...outPaths], a, b,
          `三、${requestColumnName(report, c)}：第一项加第二项之和（${a}）不等于第三项加第四项之和（${b}）`),
      );
  }
  return out;
}

/** T3-2, T3-3, T4-1: every total of the definition against the cells it sums. */
export function checkTotals(report: Report): Finding[] {
  const out: Finding[] = [];
  for (const t of layoutOf(report.format).totals) {
    const expected = sum(report, t.of);
    const actual = countOf(report, t.path);
    if (expected === actual) continue;
    const cells = [t.path, ...t.of];
    if (t.rule === 'T3-3') {
      out.push(finding('T3-3', 'error', cells, expected, actual,
        `三、“${rowLabelOf(report, t.path)}”行：总计（${actual}）不等于各类申请人之和（${expected}）`));
    } else if (t.rule === 'T3-2') {
      const c = Number(t.path.split('.')[2]);
      out.push(finding('T3-2', 'error', cells, expected, actual,
        `三、${requestColumnName(report, c)}：（七）总计（${actual}）不等于各项办理结果之和（${expected}）`));
    } else {
      const group = rowLabelOf(report, t.path);
      const parts = layoutOf(report.format).format.appeals.outcomes.slice(0, -1).join('、');
      out.push(finding('T4-1', 'error', cells, expected, actual, `四、${group}：总计（${actual}）不等于${parts}之和（${expected}）`));
    }
  }
  return out;
}

/** Table 二 plausibility rules; T2-1 (types and signs) is enforced by validation. */
export function checkActive(report: Report, level: AgencyLevel | null): Finding[] {
  const out: Finding[] = [];
  const n = (path: string) => countOf(report, path);
  if (report.format === 'gov-2021') {
    for (const row of ['rules', 'normativeDocs']) {
      const [issued, repealed, inForce] = ['issued', 'repealed', 'inForce'].map((f) => `active.${row}.${f}`) as [string, string, string];
      const floor = n(issued) - n(repealed);
      if (n(inForce) < floor)
        out.push(finding('T2-2', 'warning', [inForce, issued, repealed], `≥${floor}`, n(inForce),
          `二、${rowLabelOf(report, inForce)}：现行有效件数（${n(inForce)}）小于本年制发件数减本年废止件数（${floor}），请核实`));
    }
    const ruleCells = ['issued', 'repealed', 'inForce'].map((f) => `active.rules.${f}`);
    if ((level === 'township' || level === 'county') && ruleCells.some((p) => n(p) !== 0))
      out.push(finding('T2-5', 'warning', ruleCells.filter((p) => n(p) !== 0), 0, sum(report, ruleCells),
        `二、规章：只有省级和设区的市级人民政府制定规章，${level === 'township' ? '乡镇（街道）' : '县级'}机关的规章各项一般为0，请核实`));
    const amount = Number(getCell(report, 'active.fees.amount') ?? 0);
    const limit = level === 'township' ? 10_000 : 1_000_000;
    if (amount >= limit)
      out.push(finding('T2-6', 'warning', ['active.fees.amount'], `<${limit}`, String(getCell(report, 'active.fees.amount')),
        `二、行政事业性收费：本年收费金额的单位是“万元”，${amount}万元明显偏大，是否误填为“元”？`));
  } else {
    for (const row of ['rules', 'normativeDocs']) {
      const published = `active.${row}.published`;
      const total = `active.${row}.totalPublished`;
      if (n(total) < n(published))
        out.push(finding('T2-3', 'warning', [total, published], `≥${n(published)}`, n(total),
          `二、${rowLabelOf(report, total)}：对外公开总数量（${n(total)}）小于本年新公开数量（${n(published)}），请核实`));
    }
    for (const [row, fields] of Object.entries(report.active)) {
      if (!('previousItems' in fields) || !('change' in fields)) continue;
      const prev = `active.${row}.previousItems`;
      const change = `active.${row}.change`;
      const now = n(prev) + n(change);
      if (now < 0)
        out.push(finding('T2-4', 'error', [prev, change], '≥0', now,
          `二、${rowLabelOf(report, prev)}：上一年项目数量加本年增/减为${now}，本年项目数量不能为负数`));
    }
  }
  return out;
}

