/** 历年对比: changes and percentages across both formats, gaps, R-10 swings and the carry-over chain. */
import { describe, expect, it } from 'vitest';
import { computeTotals, emptyReport, type Report } from '../../report';
import { buildTrend, isSwing, type TrendTable } from '../../report/trend';

const AGENCY = '青石镇人民政府';
const year = (y: number, fill: (r: Report) => void = () => {}): Report => {
  const r = emptyReport(y <= 2020 ? 'gov-2019' : 'gov-2021', AGENCY, y);
  fill(r);
  return computeTotals(r);
};
const rowOf = (t: TrendTable, path: string, group: 'key' | 'cell' = 'key') => {
  const r = t.rows.find((x) => x.path === path && x.group === group);
  if (!r) throw new Error(`no row ${path}`);
  return r;
};

describe('changes and percentages', () => {
  const t = buildTrend(AGENCY, [
    year(2021, (r) => ((r.requests.newReceived![0] = 0), (r.active.licensing!.decisions = 10), (r.active.rules!.issued = 2))),
    year(2019, (r) => ((r.requests.newReceived![0] = 4), (r.requests.otherHandling![0] = 3), (r.active.licensing!.decisions = 5))),
    year(2020, (r) => ((r.requests.newReceived![0] = 0), (r.active.licensing!.decisions = 0))),
    year(2022, (r) => ((r.requests.newReceived![0] = 6), (r.requests.otherOverdueCorrection![0] = 1), (r.requests.otherOther![0] = 2))),
  ]);

  it('orders the years and keeps one column per year', () => {
    expect(t.years).toEqual([2019, 2020, 2021, 2022]);
    expect(t.formats).toEqual(['gov-2019', 'gov-2019', 'gov-2021', 'gov-2021']);
    expect(t.missingYears).toEqual([]);
  });

  it('n → 0 is −100 %, 0 → 0 and 0 → n have no percentage, the first year no change', () => {
    const r = rowOf(t, 'requests.newReceived.6');
    expect(r.values).toEqual([4, 0, 0, 6]);
    expect(r.changes).toEqual([null, -4, 0, 6]);
    expect(r.percents).toEqual([null, -100, null, null]);
  });

  it('a figure of the same meaning in both formats is compared across the format change (§8)', () => {
    const r = rowOf(t, 'active.licensing.decisions');
    expect(r.values).toEqual([5, 0, 10, 0]);
    expect(r.changes).toEqual([null, -5, 10, -10]);
    expect(r.percents).toEqual([null, -100, null, -100]);
    // （六）其他处理: one row in gov-2019, the sum of three sub-rows in gov-2021.
    expect(rowOf(t, 'outcome.otherHandling').values).toEqual([3, 0, 0, 3]);
  });

  it('rows of one format only are null for the other format, never mapped by guess', () => {
    expect(rowOf(t, 'active.rules.issued').values).toEqual([null, null, 2, 0]);
    expect(rowOf(t, 'active.rules.issued').changes).toEqual([null, null, null, -2]);
    expect(rowOf(t, 'active.rules.totalPublished', 'cell').values).toEqual([0, 0, null, null]);
    expect(rowOf(t, 'requests.otherHandling.6', 'cell').values).toEqual([3, 0, null, null]);
    expect(rowOf(t, 'active.fees.amount').values).toEqual([null, null, 0, 0]);
    // Every cell of both layouts is there once.
    const cells = t.rows.filter((r) => r.group === 'cell').map((r) => r.path);
    expect(new Set(cells).size).toBe(cells.length);
    expect(cells).toContain('active.procurement.amount');
    expect(cells).toContain('requests.otherOverdueFee.3');
  });

  it('money is compared as 万元 with its decimals', () => {
    const m = buildTrend(AGENCY, [year(2023, (r) => (r.active.fees!.amount = '0.8800')), year(2024, (r) => (r.active.fees!.amount = '1.256'))]);
    expect(rowOf(m, 'active.fees.amount').changes).toEqual([null, 0.376]);
    expect(rowOf(m, 'active.fees.amount').percents).toEqual([null, 42.7]);
  });

  it('a year missing from the archive breaks the comparison instead of comparing two years apart', () => {
    const g = buildTrend(AGENCY, [year(2021, (r) => (r.requests.newReceived![0] = 2)), year(2023, (r) => (r.requests.newReceived![0] = 5))]);
    expect(g.missingYears).toEqual([2022]);
    expect(rowOf(g, 'requests.newReceived.6').changes).toEqual([null, null]);
    expect(g.breaks).toEqual([]);
  });
});

describe('R-10 swings', () => {
  it('more than 200 %, or from 0 to 20 or more', () => {
    expect(isSwing(5, 16)).toBe(true);
    expect(isSwing(5, 15)).toBe(false);
    expect(isSwing(0, 20)).toBe(true);
    expect(isSwing(0, 19)).toBe(false);
    expect(isSwing(30, 0)).toBe(false);
  });

  it('marks the swing of a key figure and whether the text states the new figure', () => {
    const t = buildTrend(AGENCY, [
      year(2022, (r) => ((r.requests.newReceived![0] = 2), (r.appeals.review![0] = 0))),
      year(2023, (r) => ((r.requests.newReceived![0] = 7), (r.active.punishment!.decisions = 25), (r.text.overview = '全年作出行政处罚决定25件。'))),
    ]);
    expect(t.swings.map((s) => [s.path, s.year, s.from, s.to, s.explained])).toEqual([
      ['requests.newReceived.6', 2023, 2, 7, false],
      ['active.punishment.decisions', 2023, 0, 25, true],
    ]);
  });
});

describe('the carry-over chain', () => {
  it('marks 结转下年度 ≠ next year’s 上年结转 per column, also from gov-2019 to gov-2021', () => {
    const t = buildTrend(AGENCY, [
      year(2020, (r) => ((r.requests.newReceived![0] = 3), (r.requests.granted![0] = 1), (r.requests.carriedForward![0] = 2))),
      year(2021, (r) => ((r.requests.carriedOver![0] = 1), (r.requests.granted![0] = 1))),
    ]);
    const y1 = t.breaks.filter((b) => b.rule === 'Y-1');
    expect(y1.map((b) => [b.year, b.path, b.expected, b.actual])).toEqual([
      [2021, 'requests.carriedOver.0', 2, 1],
      [2021, 'requests.carriedOver.6', 2, 1],
    ]);
    expect(y1[0]!.message).toContain('自然人');
  });

  it('marks 现行有效件数 ≠ last year’s + 制发 − 废止', () => {
    const t = buildTrend(AGENCY, [
      year(2022, (r) => (r.active.normativeDocs!.inForce = 10)),
      year(2023, (r) => ((r.active.normativeDocs!.issued = 2), (r.active.normativeDocs!.repealed = 1), (r.active.normativeDocs!.inForce = 12))),
      year(2024, (r) => (r.active.normativeDocs!.inForce = 12)),
    ]);
    expect(t.breaks.map((b) => [b.rule, b.year, b.path, b.expected, b.actual])).toEqual([['Y-2', 2023, 'active.normativeDocs.inForce', 11, 12]]);
  });

  it('an unbroken chain has no breaks', () => {
    const t = buildTrend(AGENCY, [
      year(2023, (r) => ((r.requests.newReceived![0] = 3), (r.requests.granted![0] = 2), (r.requests.carriedForward![0] = 1))),
      year(2024, (r) => ((r.requests.carriedOver![0] = 1), (r.requests.granted![0] = 1))),
    ]);
    expect(t.breaks).toEqual([]);
  });
});
