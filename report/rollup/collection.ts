/**
 * The roll-up rules that need the whole collection (rollup.md §4): R-4 identical tables, R-5 copied
 * text, R-6 fee unit slip against the other units, R-7 outliers for the office to confirm.
 */
import { countOf, getCell } from '../cells';
import { cellName, finding } from '../checks/helpers';
import { layoutOf } from '../layout';
import { TEXT_PARTS, type Finding, type Report } from '../types';
import { emptyReport } from '../empty';
import { allZero, median, tableKey } from './tables';
import type { CollectedUnit, UnitFinding } from './types';
import { feeAmount, isAboutTenThousandTimes } from './unit';

const tag = (agency: string, f: Finding): UnitFinding => ({ ...f, agency });

/** R-4: two units of the same year whose tables are identical and not all zero. */
export function checkIdenticalUnits(units: readonly CollectedUnit[]): UnitFinding[] {
  const groups = new Map<string, CollectedUnit[]>();
  for (const u of units) {
    if (allZero(u.report)) continue;
    const key = tableKey(u.report);
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const out: UnitFinding[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const u of group) {
      const others = group.filter((o) => o !== u).map((o) => o.agency);
      out.push(tag(u.agency, finding('R-4', 'warning', [], null, null, `表二、表三、表四的全部数字与“${others.join('”“')}”完全相同，请核实是否误报`)));
    }
  }
  return out;
}

/** Sentences split at 。！？, whitespace ignored, of 15 characters or more (rollup.md R-5). */
export function longSentences(text: string): string[] {
  return text
    .split(/[。！？!?\n]/)
    .map((s) => s.replace(/\s+/g, ''))
    .filter((s) => s.length >= 15);
}

export const COPY_SHARE = 0.5;

/** A sentence found in this many units' reports is common wording (a county's set phrase), not copying. */
export const COMMON_WORDING_UNITS = 3;

/**
 * R-5: more than half of one unit's own sentences found in another unit's report. Template sentences
 * and common wording (a sentence in 3 or more units' reports, like 「本机关2025年度未收取信息处理费。」)
 * are not the unit's own text and count neither way; the finding quotes a copied sentence.
 */
export function checkCopiedText(units: readonly CollectedUnit[]): UnitFinding[] {
  if (units.length < 2) return [];
  const first = units[0]!.report;
  // The template's own sentences (the statistics period …) are the same for everyone.
  const template = emptyReport(first.format, '〇', first.year);
  const boilerplate = new Set(longSentences(TEXT_PARTS.map((p) => template.text[p]).join('\n')));
  // A unit's own name is blanked out: a text copied and renamed is still a copy.
  const all = units.map((u) => [
    ...new Set(longSentences(TEXT_PARTS.map((p) => u.report.text[p]).join('\n').replaceAll(u.agency, '〇')).filter((s) => !boilerplate.has(s))),
  ]);
  const where = new Map<string, number[]>();
  all.forEach((list, i) => list.forEach((s) => where.set(s, [...(where.get(s) ?? []), i])));
  const sentences = all.map((list) => list.filter((s) => where.get(s)!.length < COMMON_WORDING_UNITS));
  const out: UnitFinding[] = [];
  sentences.forEach((list, i) => {
    if (!list.length) return;
    const shared = new Map<number, string[]>();
    for (const s of list) for (const j of where.get(s)!) if (j !== i) shared.set(j, [...(shared.get(j) ?? []), s]);
    for (const [j, same] of shared) {
      const n = same.length;
      if (n / list.length <= COPY_SHARE) continue;
      const pct = Math.round((n / list.length) * 100);
      const quote = same[0]!.replaceAll('〇', units[i]!.agency);
      out.push(tag(units[i]!.agency, finding('R-5', 'warning', ['text.overview'], `≤${COPY_SHARE * 100}%`, `${pct}%`,
        `正文有${n}/${list.length}句（${pct}%）与“${units[j]!.agency}”的报告相同，如“${quote.length > 60 ? `${quote.slice(0, 60)}…` : quote}”，请核实是否照抄`)));
    }
  });
  return out;
}

/** R-6 across units: 行政事业性收费 about 10⁴ times the median of the other units. */
export function checkFeeAgainstOthers(units: readonly CollectedUnit[]): UnitFinding[] {
  const out: UnitFinding[] = [];
  const amounts = units.map((u) => feeAmount(u.report));
  units.forEach((u, i) => {
    const others = amounts.filter((_, j) => j !== i && amounts[j]! > 0);
    const m = median(others);
    if (u.report.format !== 'gov-2021' || others.length < 2 || m <= 0 || !isAboutTenThousandTimes(amounts[i]! / m)) return;
    out.push(tag(u.agency, finding('R-6', 'warning', ['active.fees.amount'], String(m), String(getCell(u.report, 'active.fees.amount')),
      `表二 行政事业性收费：本年收费金额${getCell(u.report, 'active.fees.amount')}万元，约为其他单位中位数（${m}万元）的一万倍，是否把“元”填成了“万元”？`)));
  });
  return out;
}

export const OUTLIER_FACTOR = 20;

/** The median of a sorted list once one element equal to `v` is taken out, without copying (300 units × 200 cells). */
export function medianWithout(sorted: readonly number[], v: number): number {
  const k = sorted.indexOf(v);
  const n = sorted.length - 1;
  if (n <= 0) return 0;
  const at = (j: number) => sorted[j < k ? j : j + 1]!;
  return n % 2 ? at((n - 1) / 2) : (at(n / 2 - 1) + at(n / 2)) / 2;
}
/** Cells where any figure is rare: the 复议 and 诉讼 totals. */
const RARE = ['appeals.review.4', 'appeals.litigationDirect.4', 'appeals.litigationAfterReview.4'];

/** R-7: a figure > 20 × the median of the same level's units (median > 0), or > 0 in a rare cell where all others are 0. */
export function checkOutliers(units: readonly CollectedUnit[]): UnitFinding[] {
  if (!units.length) return [];
  const layout = layoutOf(units[0]!.report.format);
  const totals = new Set(layout.totals.map((t) => t.path));
  const cells = layout.cells.filter((c) => (c.type === 'count' || c.type === 'signedCount') && !totals.has(c.path));
  const out: UnitFinding[] = [];
  const byLevel = new Map<string, CollectedUnit[]>();
  for (const u of units) byLevel.set(u.level, [...(byLevel.get(u.level) ?? []), u]);
  for (const group of byLevel.values()) {
    if (group.length < 4) continue;
    for (const c of cells) {
      const values = group.map((u) => countOf(u.report, c.path));
      const sorted = [...values].sort((a, b) => a - b);
      if (sorted[sorted.length - 1]! <= 0) continue;
      values.forEach((v, i) => {
        const m = medianWithout(sorted, v);
        if (m > 0 && v > OUTLIER_FACTOR * m)
          out.push(tag(group[i]!.agency, finding('R-7', 'warning', [c.path], `≤${OUTLIER_FACTOR * m}`, v,
            `${cellName(group[i]!.report, c.path)}为${v}，是同级单位中位数（${m}）的${Math.round(v / m)}倍，请确认`)));
      });
    }
  }
  if (units.length >= 4)
    for (const path of RARE) {
      const values = units.map((u) => countOf(u.report, path));
      values.forEach((v, i) => {
        if (v > 0 && values.every((w, j) => j === i || w === 0))
          out.push(tag(units[i]!.agency, finding('R-7', 'warning', [path], 0, v,
            `${cellName(units[i]!.report, path)}为${v}，其他单位均为0，请确认`)));
      });
    }
  return out;
}

export function checkAcrossUnits(units: readonly CollectedUnit[]): UnitFinding[] {
  return [...checkIdenticalUnits(units), ...checkCopiedText(units), ...checkFeeAgainstOthers(units), ...checkOutliers(units)];
}

export type { Report };
