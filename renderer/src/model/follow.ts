/**
 * 现行有效件数 follows 上年 + 本年制发 − 本年废止 (rule Y-2) while the clerk has not typed over it
 * (issue 15 #8): when 制发 or 废止 change and the figure still equals what the rule gave before the
 * change, it moves with them. A figure the clerk typed (anything else) is left alone; the finding
 * then offers 「改为…」.
 */
import { countOf } from '../../../report/cells';
import type { Report } from '../../../report/types';
import type { CellEdit } from '../grid/edits';

const ROWS = ['rules', 'normativeDocs'] as const;

export function followInForce(report: Report, previous: Report | null, edits: readonly CellEdit[]): CellEdit[] {
  if (!previous || report.format !== 'gov-2021' || previous.format !== 'gov-2021' || previous.year !== report.year - 1) return [...edits];
  const out = [...edits];
  const edited = new Map(edits.map((e) => [e.path, e.value]));
  for (const row of ROWS) {
    const p = (f: string) => `active.${row}.${f}`;
    if (edited.has(p('inForce')) || !(edited.has(p('issued')) || edited.has(p('repealed')))) continue;
    const base = countOf(previous, p('inForce'));
    const ruleBefore = base + countOf(report, p('issued')) - countOf(report, p('repealed'));
    if (countOf(report, p('inForce')) !== ruleBefore) continue; // typed over: the clerk's figure stays
    const num = (f: string) => {
      const v = edited.get(p(f));
      return typeof v === 'number' ? v : countOf(report, p(f));
    };
    const next = base + num('issued') - num('repealed');
    if (next >= 0) out.push({ path: p('inForce'), value: next });
  }
  return out;
}
