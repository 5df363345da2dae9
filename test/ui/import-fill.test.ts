/** The report an import preview saves: typed figures in unread/uncertain cells, blanks, totals. */
import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, getCell } from '../../report';
import { fillImport } from '../../renderer/src/import/fill';

const row = (name: string) => Array.from({ length: 7 }, (_, c) => `requests.${name}.${c}`);
const read = () => {
  const r = computeTotals(emptyReport('gov-2021', '某镇', 2024));
  r.appeals.review = [1, 0, 10, 0, 11]; // a glued reading, uncertain
  return r;
};
const nulls = row('carriedForward');
const uncertain = [...nulls, 'appeals.review.0', 'appeals.review.1', 'appeals.review.2'];

describe('fillImport', () => {
  it('unread cells are blank, and so is the total they feed, until typed or accepted as 0', () => {
    const f = fillImport(read(), nulls, uncertain, new Map(), false);
    expect([...f.blank].sort()).toEqual([...nulls].sort());
    const typed = new Map(nulls.slice(0, 6).map((p, i) => [p, String(i)]));
    const g = fillImport(read(), nulls, uncertain, typed, false);
    expect(g.blank.size).toBe(0);
    expect(getCell(g.report, 'requests.carriedForward.6')).toBe(15);
    const h = fillImport(read(), nulls, uncertain, new Map([[nulls[0]!, '2']]), true);
    expect(h.blank.size).toBe(0);
    expect(getCell(h.report, 'requests.carriedForward.6')).toBe(2);
  });

  it('a correction of an uncertain cell recomputes its total; the rest are accepted as read', () => {
    const f = fillImport(read(), nulls, uncertain, new Map([['appeals.review.0', '10'], ['appeals.review.2', '0']]), true);
    expect(f.report.appeals.review).toEqual([10, 0, 0, 0, 10]);
    expect(f.accepted).toEqual([...nulls, 'appeals.review.1']);
  });

  it('an invalid figure is reported and not applied; a total cannot be typed into', () => {
    const f = fillImport(read(), nulls, uncertain, new Map([['appeals.review.0', '1.5'], ['appeals.review.4', '99']]), true);
    expect([...f.invalid.keys()]).toEqual(['appeals.review.0']);
    expect(f.report.appeals.review).toEqual([1, 0, 10, 0, 11]);
  });
});
