/**
 * The rules of rollup.md §4 that read one report against its own last year and that the editor
 * runs too (runChecks): R-3 (tables identical to last year's) and R-10 (a key figure swings and the
 * text does not say so). They live here so that every check rule is reachable from report/checks;
 * the roll-up (report/rollup/unit.ts) re-exports them.
 */
import { countOf, getCell } from '../cells';
import { layoutOf } from '../layout';
import { normalizeDigits } from '../numbers';
import { TEXT_PARTS, type Finding, type Report } from '../types';
import { finding } from './helpers';

const allText = (r: Report): string => normalizeDigits(TEXT_PARTS.map((p) => r.text[p]).join('\n'));

/** Every value cell in layout order, as a string (amounts with their unit), for equality of tables. */
export function tableKey(report: Report): string {
  const values = layoutOf(report.format).cells.map((c) => {
    const v = getCell(report, c.path);
    return c.type === 'amount' ? `${v}${report.active[c.path.split('.')[1]!]?.unit ?? ''}` : String(v);
  });
  return `${report.format}|${values.join(',')}`;
}

export const sameTables = (a: Report, b: Report): boolean => a.format === b.format && tableKey(a) === tableKey(b);

export function allZero(report: Report): boolean {
  return layoutOf(report.format).cells.every((c) => Number(getCell(report, c.path) ?? 0) === 0);
}

/** every table identical to last year's, and not all zero (a copied report). */
export function checkSameAsLastYear(report: Report, previous: Report): Finding[] {
  if (report.format !== previous.format || allZero(report) || !sameTables(report, previous)) return [];
  return [finding('R-3', 'warning', [], null, null, `表二、表三、表四的全部数字与${previous.year}年报告完全相同，请核实是否照抄上年`)];
}

/** R-10 key figures: 新收 总计, 复议 总计, 诉讼 总计, 行政许可/处罚/强制 处理决定数量. */
export const KEY_FIGURES: readonly { name: string; paths: readonly string[] }[] = [
  { name: '本年新收申请（总计）', paths: ['requests.newReceived.6'] },
  { name: '行政复议（总计）', paths: ['appeals.review.4'] },
  { name: '行政诉讼（总计）', paths: ['appeals.litigationDirect.4', 'appeals.litigationAfterReview.4'] },
  { name: '行政许可处理决定数量', paths: ['active.licensing.decisions'] },
  { name: '行政处罚处理决定数量', paths: ['active.punishment.decisions'] },
  { name: '行政强制处理决定数量', paths: ['active.enforcement.decisions'] },
];

/** a key figure swings by more than 200 % (or from 0 to ≥ 20) and the text gives no number for it. */
export function checkSwing(report: Report, previous: Report): Finding[] {
  const numbers = new Set(allText(report).match(/\d+/g) ?? []);
  const out: Finding[] = [];
  for (const k of KEY_FIGURES) {
    const now = k.paths.reduce((s, p) => s + countOf(report, p), 0);
    const before = k.paths.reduce((s, p) => s + countOf(previous, p), 0);
    const swings = before > 0 ? Math.abs(now - before) / before > 2 : now >= 20;
    if (!swings || numbers.has(String(now))) continue;
    out.push(finding('R-10', 'warning', [...k.paths], before, now,
      `${k.name}由${previous.year}年的${before}变为${now}，变化较大，正文没有相应说明`));
  }
  return out;
}

