/**
 * The 汇总: 本级 + Σ 下级, cell by cell, in the same layout (rollup.md §2). Counts and signed counts
 * are integer sums; money is an exact decimal sum; the gov-2019 采购总金额 is converted to 万元 per
 * unit first. Totals are summed like any other cell, from what each unit reported, so a unit's broken
 * total still shows in the 汇总's own checks.
 */
import { emptyReport } from '../empty';
import { layoutOf } from '../layout';
import type { ActiveValue, CellPath, FormatId, Report } from '../types';
import { addDecimal, formatDecimal, neededDecimals, parseDecimal, wanToYuan, yuanToWan, ZERO, type Decimal } from './decimal';

export interface UnitReport {
  agency: string;
  report: Report;
}

/** A cell path split once: table, row, field (an array index for Tables 三 and 四). */
interface Slot {
  path: CellPath;
  table: 'active' | 'requests' | 'appeals';
  row: string;
  field: string;
  index: number;
  kind: 'int' | 'money' | 'amount';
}

const slotCache = new Map<FormatId, Slot[]>();

function slotsOf(format: FormatId): Slot[] {
  let slots = slotCache.get(format);
  if (!slots) {
    slots = layoutOf(format).cells.map((c) => {
      const [table, row, field] = c.path.split('.') as [Slot['table'], string, string];
      const kind = c.type === 'money' ? 'money' : c.type === 'amount' ? 'amount' : 'int';
      return { path: c.path, table, row, field, index: Number(field), kind };
    });
    slotCache.set(format, slots);
  }
  return slots;
}

function read(report: Report, s: Slot): ActiveValue | undefined {
  if (s.table === 'active') return report.active[s.row]?.[s.field];
  return report[s.table][s.row]?.[s.index];
}

/** The unit a gov-2019 amount is written in (a property of its row; 万元 when absent). */
export function amountUnit(report: Report, s: { row: string }): '元' | '万元' {
  return report.active[s.row]?.unit === '元' ? '元' : '万元';
}

/** A money or amount value as 万元, exact. A value that is not a decimal string counts as 0. */
export function moneyInWan(report: Report, path: CellPath): Decimal {
  const [, row] = path.split('.') as [string, string];
  const v = report.active[row]?.[path.split('.')[2]!];
  if (typeof v !== 'string' || !/^\d+(\.\d+)?$/.test(v)) return ZERO;
  const d = parseDecimal(v);
  const info = layoutOf(report.format).cellByPath.get(path);
  return info?.type === 'amount' && amountUnit(report, { row }) === '元' ? yuanToWan(d) : d;
}

/**
 * The 汇总 report of `units` (all of `format`; R-8 keeps the others out before this is called),
 * its agency the collecting organ, no text but the statistics line, no closing date.
 */
export function rollUp(format: FormatId, year: number, organ: string, units: readonly UnitReport[]): Report {
  const out = emptyReport(format, organ, year);
  out.text = { preamble: '', overview: '', problems: '', other: '' };
  out.closing = { agency: organ, date: '' };
  for (const s of slotsOf(format)) {
    if (s.kind === 'int') {
      let total = 0;
      for (const u of units) {
        const v = read(u.report, s);
        if (typeof v === 'number') total += v;
      }
      if (s.table === 'active') out.active[s.row]![s.field] = total;
      else out[s.table][s.row]![s.index] = total;
      continue;
    }
    let total = ZERO;
    for (const u of units) total = addDecimal(total, moneyInWan(u.report, s.path));
    if (s.kind === 'money') {
      out.active[s.row]![s.field] = formatDecimal(total);
      continue;
    }
    // 采购总金额: in 万元 when that is exact within the 4 decimals a cell holds, else in 元 (always exact).
    if (neededDecimals(total.units) <= 4) {
      out.active[s.row]![s.field] = formatDecimal({ units: total.units, decimals: Math.min(4, Math.max(total.decimals, neededDecimals(total.units))) });
      out.active[s.row]!.unit = '万元';
    } else {
      const yuan = wanToYuan(total);
      out.active[s.row]![s.field] = formatDecimal(yuan);
      out.active[s.row]!.unit = '元';
    }
  }
  return out;
}

export interface Contribution {
  agency: string;
  /** As the unit wrote it (an amount with its unit, e.g. 「1200元」). */
  value: number | string;
}

/** Which units contribute what to one cell of the 汇总 (non-zero values only), largest first. */
export function contributionsTo(units: readonly UnitReport[], path: CellPath): Contribution[] {
  const format = units[0]?.report.format;
  if (!format) return [];
  const s = slotsOf(format).find((x) => x.path === path);
  if (!s) return [];
  const out: { agency: string; value: number | string; weight: number }[] = [];
  for (const u of units) {
    const v = read(u.report, s);
    if (s.kind === 'int') {
      if (typeof v === 'number' && v !== 0) out.push({ agency: u.agency, value: v, weight: Math.abs(v) });
    } else if (typeof v === 'string' && Number(v) !== 0) {
      const wan = moneyInWan(u.report, path);
      const shown = s.kind === 'amount' ? `${v}${amountUnit(u.report, s)}` : v;
      out.push({ agency: u.agency, value: shown, weight: Number(wan.units) });
    }
  }
  return out.sort((a, b) => b.weight - a.weight).map(({ agency, value }) => ({ agency, value }));
}
