/** Totals computed from the cells they sum, following the format definition. */
import { cloneReport, countOf, setCell } from './cells';
import { layoutOf } from './layout';
import type { Report } from './types';

/** Returns a copy of the report with every total recomputed from its cells. */
export function computeTotals(report: Report): Report {
  const out = cloneReport(report);
  for (const t of layoutOf(out.format).totals) {
    if (!t.computes) continue;
    setCell(out, t.path, t.of.reduce((sum, p) => sum + countOf(out, p), 0));
  }
  return out;
}

/** Totals whose stored figure differs from the sum of their cells (an imported report kept as published). */
export function staleTotals(report: Report): string[] {
  const fresh = computeTotals(report);
  return layoutOf(report.format)
    .totals.filter((t) => t.computes && countOf(report, t.path) !== countOf(fresh, t.path))
    .map((t) => t.path);
}
